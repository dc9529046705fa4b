# Commands hidden in wrappers and nesting: sh -c '...', bash -lc "...", sudo, env VAR=1 cmd,
# $(...) and backticks, if/for/while/case bodies, subshells, pipes, || chains, functions.
FROM debian:bookworm
RUN sh -c 'apt-get update && apt-get install -y curl'
RUN bash -lc "pip install requests" && env DEBIAN_FRONTEND=noninteractive apt-get install -y git
RUN if [ "$(uname -m)" = "x86_64" ]; then apt-get install -y libc6-i386; else echo "skip"; fi
RUN for p in jq yq; do apt-get install -y "$p" || true; done
RUN while read -r pkg; do npm install -g "$pkg"; done < /tmp/globals.txt
RUN case "$(dpkg --print-architecture)" in amd64) ARCH=x64 ;; arm64) ARCH=arm64 ;; esac; echo $ARCH
RUN (cd /tmp && wget -q https://example.com/a.tgz && tar xzf a.tgz) | tee /log.txt
RUN install_it() { apt-get install -y "$1"; }; install_it htop
RUN VERSION=`cat /VERSION` && echo "v$VERSION" > /etc/version
RUN echo "$(curl -s https://example.com/$(uname -m)/latest)" > /tmp/v
RUN ! grep -q foo /etc/hosts; [[ -n "$HOME" ]] && echo ok
