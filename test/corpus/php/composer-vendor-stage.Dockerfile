# A Slim framework API: vendor directory built in the composer image (ignoring platform reqs),
# copied into php-cli for the built-in server (a development server in production).
FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --ignore-platform-reqs --no-interaction --prefer-dist --optimize-autoloader

FROM php:8.2-cli-alpine
WORKDIR /app
COPY --from=vendor /app/vendor ./vendor
COPY public ./public
COPY src ./src
EXPOSE 8080
CMD ["php", "-S", "0.0.0.0:8080", "-t", "public"]
