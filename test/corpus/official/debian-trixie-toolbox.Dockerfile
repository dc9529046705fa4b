# A small team's base image on Debian trixie using apt 3's one-step
# `apt-get install --update` and `apt-get dist-clean` (no separate update, no rm of lists).
FROM debian:trixie-20241223-slim

ARG DEBIAN_FRONTEND=noninteractive

RUN apt-get install --update -y --no-install-recommends \
        ca-certificates \
        curl \
        dnsutils \
        iproute2 \
        jq \
        netcat-openbsd \
        procps \
        tini \
    && apt-get dist-clean

RUN useradd --create-home --uid 10001 toolbox
USER toolbox
WORKDIR /home/toolbox

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["bash"]
