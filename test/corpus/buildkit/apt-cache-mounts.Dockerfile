# syntax=docker/dockerfile:1
# The BuildKit way to keep apt fast and layers small: disable docker-clean, cache mounts on
# /var/cache/apt and /var/lib/apt with sharing=locked, so no rm -rf of lists is needed.
FROM ubuntu:24.04
RUN rm -f /etc/apt/apt.conf.d/docker-clean; \
    echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get --no-install-recommends install -y gcc make libc6-dev
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends python3 python3-venv
WORKDIR /work
CMD ["make", "-C", "/work"]
