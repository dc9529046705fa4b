# A Deno Fresh site: dependencies cached with `deno cache` in their own layer before the source,
# DENO_DIR on a known path, runs as the deno user.
FROM denoland/deno:2.1.4

ARG GIT_REVISION
ENV DENO_DEPLOYMENT_ID=${GIT_REVISION}

WORKDIR /app
COPY deno.json deno.lock ./
RUN deno install --frozen

COPY . .
RUN deno task build && deno cache main.ts

USER deno
EXPOSE 8000
CMD ["run", "-A", "main.ts"]
