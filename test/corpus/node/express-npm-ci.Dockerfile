# A tidy Express API: pinned slim base, manifests first, npm ci --omit=dev with the npm cache
# cleaned, the `node` user, and node started directly in exec form.
FROM node:22.12.0-bookworm-slim

ENV NODE_ENV=production
WORKDIR /home/node/app

COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY --chown=node:node src/ ./src/

USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
