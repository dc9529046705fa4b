# A build that leaks credentials: secrets as ARG/ENV (visible in history), a token in a URL,
# an .npmrc written and deleted in a later layer (still in the earlier one).
FROM node:20-alpine
ARG NPM_TOKEN
ARG AWS_SECRET_ACCESS_KEY
ENV DATABASE_PASSWORD=supersecret123
ENV API_KEY=sk_live_51H8
WORKDIR /app
COPY package*.json ./
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
RUN npm ci
RUN rm -f .npmrc
RUN wget https://deploy:${NPM_TOKEN}@git.example.com/acme/config/archive/main.tar.gz
COPY . .
CMD ["node", "server.js"]
