# A Go service using mattn/go-sqlite3 (cgo): gcc and musl-dev in the build stage only, binary
# linked statically with the musl toolchain; alpine runtime with a data volume.
FROM golang:1.22-alpine3.20 AS builder
RUN apk add --no-cache gcc musl-dev
WORKDIR /app
COPY go.* ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -ldflags '-linkmode external -extldflags "-static"' -tags sqlite_omit_load_extension -o /app/bin/notes .

FROM alpine:3.20
RUN apk add --no-cache ca-certificates tzdata \
    && adduser -D -H -u 10001 notes \
    && mkdir /data && chown notes /data
COPY --from=builder /app/bin/notes /usr/local/bin/notes
USER notes
VOLUME ["/data"]
ENV NOTES_DB=/data/notes.db
EXPOSE 4000
ENTRYPOINT ["notes"]
CMD ["serve"]
