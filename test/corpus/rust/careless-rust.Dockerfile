# A Rust service shipped in the full toolchain image: rust:latest, no dependency caching,
# debug assets and the target dir in the final image, cargo run as the start command.
FROM rust:latest

RUN apt-get update && apt-get install -y libssl-dev pkg-config

WORKDIR /usr/src/myapp
COPY . .

RUN cargo build --release

CMD cargo run --release
