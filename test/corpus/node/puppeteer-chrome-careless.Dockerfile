# A PDF-rendering service using Puppeteer: installs Chrome's shared libs without
# --no-install-recommends, adds a signing key through apt-key, lists left, no pinning, sudo.
FROM node:20

RUN apt-get update && apt-get install -y wget gnupg \
    && wget -q -O - https://dl-ssl.google.com/linux/linux_signing_key.pub | apt-key add - \
    && sh -c 'echo "deb [arch=amd64] http://dl.google.com/linux/chrome/deb/ stable main" >> /etc/apt/sources.list.d/google.list' \
    && apt-get update \
    && apt-get install -y google-chrome-stable fonts-ipafont-gothic fonts-wqy-zenhei fonts-thai-tlwg fonts-kacst fonts-freefont-ttf libxss1 sudo

ENV PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=true
WORKDIR /app
COPY package.json ./
RUN npm i puppeteer express

COPY . .
RUN sudo chmod -R 777 /app
CMD ["node", "index.js"]
