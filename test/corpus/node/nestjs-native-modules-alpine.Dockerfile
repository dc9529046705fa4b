# A NestJS service with native modules (bcrypt, sharp): compiler toolchain installed with apk
# without cleanup, npm install (not ci), tests run in the image, everything in one stage.
FROM node:18-alpine

RUN apk update
RUN apk add python3 make g++ vips-dev

WORKDIR /usr/src/app

COPY package*.json ./
RUN npm install

COPY . .
RUN npm run test && npm run build

ENV NODE_ENV production
EXPOSE 3000
CMD ["npm", "run", "start:prod"]
