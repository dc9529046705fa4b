# A debug variant of a Go service: busybox shell and curl added with apk, healthcheck with curl,
# ldflags stamping version from build args.
FROM golang:1.23-bookworm AS build
ARG VERSION=dev
ARG COMMIT=unknown
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags "-X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/gateway ./cmd/gateway

FROM alpine:3.21
RUN apk add --no-cache curl busybox-extras
COPY --from=build /out/gateway /usr/local/bin/gateway
HEALTHCHECK --interval=10s --timeout=2s --start-period=5s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8081/healthz || exit 1
EXPOSE 8080 8081
USER nobody
ENTRYPOINT ["/usr/local/bin/gateway"]
