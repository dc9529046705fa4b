# The image goreleaser builds: the binary was compiled outside Docker and is just copied in.
FROM gcr.io/distroless/base-debian12
COPY mycli /usr/bin/mycli
ENTRYPOINT ["/usr/bin/mycli"]
