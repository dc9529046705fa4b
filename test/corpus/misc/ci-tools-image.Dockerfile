# A CI toolbox image: kubectl, helm and terraform downloaded with pinned versions and checksums,
# one installer piped to bash (helm's get script), awscli v2 from a zip; mostly one RUN per tool.
FROM debian:bookworm-slim

ARG KUBECTL_VERSION=1.31.4
ARG TERRAFORM_VERSION=1.10.3
ARG TERRAFORM_SHA256=7f1d6a8d3b4e3d5e1c1a4c4f2d6c4b3a2e1f0d9c8b7a6f5e4d3c2b1a0f9e8d7c

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl git gnupg jq unzip openssh-client \
    && rm -rf /var/lib/apt/lists/*

RUN curl -fsSLo /usr/local/bin/kubectl "https://dl.k8s.io/release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl" \
    && curl -fsSLo /tmp/kubectl.sha256 "https://dl.k8s.io/release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl.sha256" \
    && echo "$(cat /tmp/kubectl.sha256)  /usr/local/bin/kubectl" | sha256sum --check \
    && chmod +x /usr/local/bin/kubectl \
    && rm /tmp/kubectl.sha256

RUN curl -fsSL https://raw.githubusercontent.com/helm/helm/main/scripts/get-helm-3 | bash

RUN curl -fsSLo /tmp/tf.zip "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_amd64.zip" \
    && echo "${TERRAFORM_SHA256}  /tmp/tf.zip" | sha256sum -c - \
    && unzip /tmp/tf.zip -d /usr/local/bin \
    && rm /tmp/tf.zip

RUN curl -fsSL "https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip" -o "awscliv2.zip" \
    && unzip -q awscliv2.zip \
    && ./aws/install \
    && rm -rf awscliv2.zip aws

WORKDIR /workspace
ENTRYPOINT ["/bin/bash"]
