# syntax=docker/dockerfile:1
# A static Rust CLI on alpine/musl: cargo registry, git and target dir as cache mounts, sources
# bind-mounted, binary copied out of the cache mount; final image is scratch.
ARG RUST_VERSION=1.83.0
FROM rust:${RUST_VERSION}-alpine AS build
WORKDIR /app
RUN apk add --no-cache clang lld musl-dev git
RUN --mount=type=bind,source=src,target=src \
    --mount=type=bind,source=Cargo.toml,target=Cargo.toml \
    --mount=type=bind,source=Cargo.lock,target=Cargo.lock \
    --mount=type=cache,target=/app/target/ \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    --mount=type=cache,target=/usr/local/cargo/registry/ \
<<EOF
set -e
cargo build --locked --release
cp ./target/release/rg-lite /bin/rg-lite
EOF

FROM scratch
COPY --from=build /bin/rg-lite /rg-lite
ENTRYPOINT ["/rg-lite"]
