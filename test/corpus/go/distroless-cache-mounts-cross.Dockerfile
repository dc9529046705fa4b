# syntax=docker/dockerfile:1
# A cross-compiled Go binary: the builder runs on $BUILDPLATFORM and targets $TARGETOS/$TARGETARCH,
# module and build caches are cache mounts, go.mod/go.sum bind-mounted; distroless nonroot runtime.
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    go mod download -x
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=bind,target=. \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /bin/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
