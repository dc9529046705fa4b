# syntax=docker/dockerfile:1
# Multi-platform image: tools downloaded for $TARGETARCH in a stage on $BUILDPLATFORM, a
# per-arch stage chosen with FROM ${TARGETARCH}-base, and a constant --platform (flagged by BuildKit).
FROM --platform=$BUILDPLATFORM alpine:3.21 AS tools
ARG TARGETARCH
ARG KUBECTL_VERSION=v1.31.4
RUN apk add --no-cache curl \
    && curl -fsSLo /kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${TARGETARCH}/kubectl" \
    && chmod +x /kubectl

FROM alpine:3.21 AS amd64-base
RUN apk add --no-cache libc6-compat

FROM alpine:3.21 AS arm64-base

FROM --platform=linux/amd64 debian:bookworm-slim AS legacy-x86-only
RUN echo "this stage only runs on amd64"

ARG TARGETARCH
FROM ${TARGETARCH}-base
COPY --from=tools /kubectl /usr/local/bin/kubectl
ENTRYPOINT ["kubectl"]
