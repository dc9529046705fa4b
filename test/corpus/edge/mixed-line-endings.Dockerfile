# Mixed line endings after a merge: most lines LF, some CRLF, one lone CR (old Mac style).
FROM alpine:3.21
RUN apk add --no-cache git \
    openssh-client
WORKDIR /repoCOPY . .
CMD ["git", "status"]
