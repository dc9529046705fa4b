# syntax=docker/dockerfile:1
# pnpm with `pnpm fetch` (only the lockfile needed) and a cache mount for the store, then an
# offline install, build, and a pruned production node_modules copied into the runtime.
ARG NODE_VERSION=22.12.0

FROM node:${NODE_VERSION}-slim AS base
ENV PNPM_HOME="/pnpm"
ENV PATH="$PNPM_HOME:$PATH"
RUN corepack enable

FROM base AS build
WORKDIR /app
COPY pnpm-lock.yaml ./
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm fetch
COPY . .
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --offline --frozen-lockfile
RUN pnpm run build
RUN pnpm prune --prod

FROM base
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 8000
CMD [ "node", "dist/index.js" ]
