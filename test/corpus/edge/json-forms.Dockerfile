# Exec (JSON) forms everywhere plus the almost-JSON mistakes: single quotes (treated as shell
# form), a trailing comma, JSON RUN, VOLUME array, SHELL array, unicode escape in JSON.
FROM alpine:3.21
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN ["apk", "add", "--no-cache", "tini"]
RUN ["/bin/sh", "-c", "echo built > /built && cat /built | wc -c"]
VOLUME ["/data", "/logs"]
VOLUME /cache
ENV GREETING="caf\u00e9"
ENTRYPOINT ['/sbin/tini', '--']
CMD ["/usr/local/bin/app", "--greeting", "caf\u00e9", "--path=\"/data\"",]
HEALTHCHECK --interval=5s CMD ["/usr/local/bin/app", "health"]
STOPSIGNAL SIGTERM
