# syntax=docker/dockerfile:1
# Cache mounts used half-right: a pip cache mount together with --no-cache-dir (pointless), an
# apt cache mount without disabling docker-clean, and a cache mount on a path the build output needs.
FROM python:3.12-slim
RUN --mount=type=cache,target=/var/cache/apt \
    apt-get update && apt-get install -y --no-install-recommends gcc
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --no-cache-dir -r /dev/stdin <<EOF
httpx==0.28.1
orjson==3.10.12
EOF
WORKDIR /app
RUN --mount=type=cache,target=/app/build \
    --mount=type=bind,target=/app/src,source=src \
    python -m compileall -b -d /app/build src
CMD ["python", "-m", "app"]
