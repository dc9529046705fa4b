# syntax=docker/dockerfile:1.7
# Multi-arch Rust build with tonistiigi/xx: build tools on the build platform, target sysroot via
# xx-apt-get, xx-cargo; apt caches as mounts (docker-clean removed) so no lists stay in layers.
FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx

FROM --platform=$BUILDPLATFORM rust:1.83-bookworm AS build
COPY --from=xx / /
ARG TARGETPLATFORM
RUN rm -f /etc/apt/apt.conf.d/docker-clean
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends clang lld
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    xx-apt-get install -y --no-install-recommends libc6-dev gcc
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target,id=target-$TARGETPLATFORM \
    xx-cargo build --release --target-dir ./target && \
    xx-verify ./target/$(xx-cargo --print-target-triple)/release/proxy && \
    cp ./target/$(xx-cargo --print-target-triple)/release/proxy /proxy

FROM gcr.io/distroless/cc-debian12
COPY --from=build /proxy /proxy
ENTRYPOINT ["/proxy"]
