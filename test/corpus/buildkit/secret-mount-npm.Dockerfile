# syntax=docker/dockerfile:1
# Private npm registry token through a secret mount (never in a layer), an ssh mount for a
# private git dependency, npm cache mount; versus the wrong way in a commented-out line.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends git openssh-client \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p -m 0700 ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts
COPY package.json package-lock.json ./
# Wrong: ARG NPM_TOKEN and `echo //registry.npmjs.org/:_authToken=$NPM_TOKEN > .npmrc`
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \
    --mount=type=ssh \
    --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
USER node
CMD ["node", "index.js"]
