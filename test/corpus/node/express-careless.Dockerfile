# A beginner's Express API: node:latest, whole context copied before npm install, dev dependencies
# shipped, npm start through a shell-form CMD, runs as root.
FROM node:latest

WORKDIR /usr/src/app
COPY . .
RUN npm install
RUN npm install -g nodemon

EXPOSE 3000
CMD npm start
