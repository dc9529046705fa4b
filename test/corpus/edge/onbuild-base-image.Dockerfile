# An ONBUILD base image for a company's Python apps: children get requirements installed and the
# app copied automatically. The triggers themselves contain findings (pip cache, apt lists).
FROM python:3.12-slim-bookworm

RUN groupadd -r app && useradd -r -g app -d /app app
WORKDIR /app

ONBUILD ARG EXTRA_APT_PACKAGES=""
ONBUILD RUN apt-get update && apt-get install -y $EXTRA_APT_PACKAGES
ONBUILD COPY requirements.txt /app/
ONBUILD RUN pip install -r requirements.txt
ONBUILD COPY . /app
ONBUILD USER app

CMD ["python", "-m", "app"]
