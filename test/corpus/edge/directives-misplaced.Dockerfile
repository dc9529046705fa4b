# syntax=docker/dockerfile:1
#escape=\
# Directives: a valid syntax directive, an escape directive without a space, a second syntax
# directive after a comment (ignored), a directive in upper case, and one after the first
# instruction (just a comment then).
# SYNTAX=docker/dockerfile:1.6
FROM alpine:3.21
# escape=`
RUN echo "backslash is still the escape here" \
    && echo ok
