# Unicode everywhere: labels in several scripts, emoji (astral plane, two UTF-16 code units) before
# findings on the same line, a non-breaking space, a path with accents, and a right-to-left string.
FROM node:22-alpine
LABEL description="Сервис уведомлений — 通知服务 — خدمة الإشعارات 🚀" maintainer="Zoë Ørsted <zoe@例え.jp>"
ENV GREETING="¡Hola, señor! 👋🏽" APP_DIR="/srv/données"
WORKDIR /srv/données
RUN echo "🚀 installing…" && apk add curl && echo "✅ done"
COPY ./données/ ./
RUN echo "non breaking space here" && npm install
CMD echo "👋 $GREETING"
