# Deprecated and invalid instructions a linter must survive: MAINTAINER, an unknown instruction,
# EXPOSE with a bad port, WORKDIR relative, duplicate stage names, COPY --from an unknown stage,
# FROM with an undefined variable, an ARG without a name, a USER with no value.
FROM ${UNDEFINED_BASE:-alpine}:3.21 AS app
MAINTAINER someone@example.com
FROBNICATE everything
EXPOSE 80/tcp 443/udp 99999 8080-8090 abc
WORKDIR relative/path
ARG
USER
FROM alpine:3.21 AS app
COPY --from=nonexistent /x /y
COPY --from=app /etc/os-release /tmp/
ENV
ADD
CMD
