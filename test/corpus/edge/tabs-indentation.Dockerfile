# Tab-indented file (as some editors produce): tabs before instructions, tabs between instruction
# and arguments, tab-indented continuation lines.
FROM	alpine:3.21
	RUN	apk add --no-cache \
		bash \
		coreutils
	WORKDIR	/srv
COPY	.	/srv/
	ENV	PATH=/srv/bin:$PATH	MODE=prod
CMD	["/srv/bin/start"]
