# A first Flask app Dockerfile, written by copying snippets: latest tag, COPY . . before the
# dependency install, pip cache kept, runs as root, shell-form CMD with the dev server.
FROM python:latest

RUN apt-get update
RUN apt-get install -y vim curl git

WORKDIR /app
COPY . .

RUN pip install -r requirements.txt
RUN pip install gunicorn

ENV FLASK_APP=app.py
ENV FLASK_ENV=development
EXPOSE 5000

CMD flask run --host=0.0.0.0
