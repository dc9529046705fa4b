# An Ansible runner on alpine: pip install into a venv with build deps as a virtual package, ssh
# client, collections installed from a requirements file; user `ansible`.
FROM python:3.12-alpine

ENV ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_FORCE_COLOR=1 VIRTUAL_ENV=/opt/ansible
ENV PATH="$VIRTUAL_ENV/bin:$PATH"

RUN apk add --no-cache openssh-client sshpass rsync git \
    && apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev openssl-dev cargo \
    && python -m venv $VIRTUAL_ENV \
    && pip install --no-cache-dir ansible-core==2.18.1 ansible-lint==24.12.2 \
    && apk del .build-deps

COPY requirements.yml /tmp/requirements.yml
RUN ansible-galaxy collection install -r /tmp/requirements.yml -p /usr/share/ansible/collections \
    && rm /tmp/requirements.yml

RUN adduser -D ansible
USER ansible
WORKDIR /work
ENTRYPOINT ["ansible-playbook"]
