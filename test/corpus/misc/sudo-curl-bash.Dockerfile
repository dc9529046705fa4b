# Installer scripts piped into shells, sudo inside RUN, wget without certificate checks and
# `cd` instead of WORKDIR; the kind of Dockerfile pasted from a README.
FROM ubuntu:20.04
ENV DEBIAN_FRONTEND noninteractive
RUN apt-get update && apt-get install -y sudo curl wget
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash - && sudo apt-get install -y nodejs
RUN wget --no-check-certificate -qO- https://get.example.dev/install.sh | sh
RUN cd /opt && curl -kLO https://example.com/tool.tar.gz && tar xzf tool.tar.gz
RUN sudo useradd -m dev && echo "dev:dev" | chpasswd
USER dev
CMD ["bash"]
