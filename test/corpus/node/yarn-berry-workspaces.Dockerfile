# syntax=docker/dockerfile:1.7
# A Yarn 4 monorepo: corepack-activated yarn, workspace focus for one service, yarn cache mount,
# TypeScript build, production-only install in a second stage.
FROM node:22-bookworm-slim AS build
RUN corepack enable && corepack prepare yarn@4.5.3 --activate
WORKDIR /repo

COPY .yarnrc.yml package.json yarn.lock ./
COPY .yarn/releases ./.yarn/releases
COPY packages/api/package.json packages/api/
COPY packages/shared/package.json packages/shared/
RUN --mount=type=cache,target=/root/.yarn/berry/cache,sharing=locked \
    yarn workspaces focus @acme/api

COPY packages/shared packages/shared
COPY packages/api packages/api
RUN yarn workspace @acme/shared build && yarn workspace @acme/api build

FROM node:22-bookworm-slim AS prod-deps
RUN corepack enable && corepack prepare yarn@4.5.3 --activate
WORKDIR /repo
COPY .yarnrc.yml package.json yarn.lock ./
COPY .yarn/releases ./.yarn/releases
COPY packages/api/package.json packages/api/
COPY packages/shared/package.json packages/shared/
RUN --mount=type=cache,target=/root/.yarn/berry/cache,sharing=locked \
    yarn workspaces focus --production @acme/api

FROM gcr.io/distroless/nodejs22-debian12:nonroot
WORKDIR /app
COPY --from=prod-deps /repo/node_modules ./node_modules
COPY --from=build /repo/packages/shared/dist ./node_modules/@acme/shared/dist
COPY --from=build /repo/packages/api/dist ./dist
CMD ["dist/main.js"]
