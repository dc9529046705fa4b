# Continuation oddities that real files contain: comment lines inside a continued RUN, an empty
# continuation line, a backslash followed by trailing spaces, a line that is only a backslash,
# continuation at the end of a FROM, and an instruction split mid-word.
FROM debian:bookworm-slim \
    AS base

RUN apt-get update \
# the next line installs curl
    && apt-get install -y --no-install-recommends \
        curl \

        ca-certificates \
    #   && apt-get install -y vim \
    && rm -rf /var/lib/apt/lists/*

RUN echo "trailing spaces after this backslash" \    
    && echo "still the same RUN" \	
    && true

RUN echo one \
\
    && echo two

ENV A=1 \
    B=2 \
    C="three \
four"

LABEL org.opencontainers.image.title="odd" \
      org.opencontainers.image.description="continuations\
 galore"

RUN ap\
t-get --version
CMD ["bash"]
