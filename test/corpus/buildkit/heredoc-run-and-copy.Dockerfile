# syntax=docker/dockerfile:1
# Heredocs: a multi-line RUN script with set -e, a RUN heredoc with an explicit interpreter,
# two heredocs in one RUN, and COPY <<EOF writing a config file.
FROM debian:bookworm-slim

RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
rm -rf /var/lib/apt/lists/*
EOF

RUN <<-'SCRIPT' bash
	set -euo pipefail
	for d in /srv/data /srv/logs; do
	    mkdir -p "$d"
	    chmod 0750 "$d"
	done
	SCRIPT

RUN <<FILE1 cat > /etc/motd && <<FILE2 cat > /etc/issue
Welcome to the build box.
FILE1
Debian GNU/Linux \n \l
FILE2

COPY <<EOF /etc/app/config.toml
[server]
port = 8080
host = "0.0.0.0"

[log]
level = "${LOG_LEVEL:-info}"
EOF

COPY <<-"EOT" /usr/local/bin/healthcheck
	#!/bin/sh
	exec curl -fsS http://localhost:8080/health
	EOT

RUN chmod +x /usr/local/bin/healthcheck
HEALTHCHECK CMD ["/usr/local/bin/healthcheck"]
CMD ["sleep", "infinity"]
