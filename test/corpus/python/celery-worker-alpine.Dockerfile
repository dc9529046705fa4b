# A Celery worker on alpine: psycopg2 needs a compiler, installed as a virtual package and
# removed in the same RUN; runtime lib libpq kept; pip with --no-cache-dir; non-root.
FROM python:3.12-alpine3.20

RUN addgroup -S celery && adduser -S -G celery celery

WORKDIR /app
COPY requirements/base.txt requirements/worker.txt ./requirements/

RUN apk add --no-cache libpq \
    && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev libffi-dev \
    && pip install --no-cache-dir -r requirements/worker.txt \
    && apk del .build-deps

COPY --chown=celery:celery tasks/ ./tasks/
COPY --chown=celery:celery celeryconfig.py .

USER celery
CMD ["celery", "-A", "tasks", "worker", "--loglevel=INFO", "--concurrency=4"]
