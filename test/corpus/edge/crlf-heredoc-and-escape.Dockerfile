# syntax=docker/dockerfile:1
# CRLF line endings with a RUN heredoc, a COPY heredoc, and an escaped quote in JSON.
FROM python:3.12-slim
RUN <<EOF
set -e
pip install flask==3.1.0
EOF
COPY <<EOF /app/app.py
from flask import Flask
app = Flask(__name__)
EOF
WORKDIR /app
ENTRYPOINT ["flask", "--app", "app", "run", "--host", "0.0.0.0"]
