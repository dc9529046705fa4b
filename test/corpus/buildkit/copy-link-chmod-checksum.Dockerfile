# syntax=docker/dockerfile:1.7-labs
# COPY --link, COPY --chmod (octal and symbolic), COPY --chown with numeric ids, COPY --parents,
# COPY --exclude, ADD --checksum for a release tarball, ADD of a git repository with --keep-git-dir.
FROM alpine:3.21 AS fetch
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
    https://github.com/hadolint/hadolint/releases/download/v2.12.0/hadolint-Linux-x86_64 /usr/local/bin/hadolint
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.18.2 /src/buildkit
ADD --chmod=755 https://raw.githubusercontent.com/acme/tools/v1.2.0/install.sh /install.sh

FROM alpine:3.21
COPY --link --from=fetch /usr/local/bin/hadolint /usr/local/bin/hadolint
COPY --link --chmod=0755 scripts/entrypoint.sh /entrypoint.sh
COPY --chmod=u=rwx,g=rx,o= scripts/backup.sh /usr/local/bin/backup
COPY --chown=10001:10001 --chmod=644 config/ /etc/app/
COPY --parents ./services/*/config.yaml /etc/services/
COPY --exclude=*.md --exclude=tests/ . /opt/app/
ENTRYPOINT ["/entrypoint.sh"]
