# syntax=docker/dockerfile:1
# One Dockerfile with several bake/--target stages: lint, test, dev (with hot reload) and
# production; stages inherit from a common base; a stage that copies from a later stage name.
FROM node:22.12.0-alpine3.21 AS base
WORKDIR /app
COPY package.json package-lock.json ./

FROM base AS dev-deps
RUN --mount=type=cache,target=/root/.npm npm ci

FROM base AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM dev-deps AS lint
COPY . .
RUN npm run lint

FROM dev-deps AS test
COPY . .
RUN npm test -- --ci

FROM dev-deps AS build
COPY . .
RUN npm run build

FROM dev-deps AS dev
COPY . .
ENV NODE_ENV=development
CMD ["npm", "run", "dev"]

FROM base AS production
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/main.js"]
