# A Pipenv project that installs into the system interpreter with --deploy --system,
# keeping pipenv itself in the image; pip without --no-cache-dir.
FROM python:3.10-slim-buster

ENV PIPENV_VENV_IN_PROJECT=0 LANG=C.UTF-8 LC_ALL=C.UTF-8

RUN pip install pipenv==2024.4.0

WORKDIR /srv/app
COPY Pipfile Pipfile.lock ./
RUN pipenv install --deploy --system --ignore-pipfile

COPY src/ ./src/
COPY wsgi.py .

EXPOSE 8000
ENTRYPOINT ["gunicorn"]
CMD ["-b", "0.0.0.0:8000", "wsgi:app"]
