# Checked out on Windows with core.autocrlf=true: every line ends in CRLF.
# A plain Node app with a multi-line RUN, so continuations are "\<CR><LF>".
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci \
    && npm cache clean --force
COPY . .
RUN apt-get update && apt-get install -y curl
USER node
CMD npm start
