# A Symfony API on php-fpm alpine: PHPIZE_DEPS as .build-deps for pecl (apcu, redis), enabled with
# docker-php-ext-enable, build deps deleted; composer with a cache mount.
# syntax=docker/dockerfile:1
FROM php:8.3-fpm-alpine3.20 AS app

RUN apk add --no-cache acl fcgi file gettext git icu-libs libzip

RUN set -eux; \
    apk add --no-cache --virtual .build-deps $PHPIZE_DEPS icu-dev libzip-dev; \
    docker-php-ext-install -j$(nproc) intl zip opcache; \
    pecl install apcu-5.1.24 redis-6.1.0; \
    pecl clear-cache; \
    docker-php-ext-enable apcu redis; \
    runDeps="$( \
        scanelf --needed --nobanner --format '%n#p' --recursive /usr/local/lib/php/extensions \
            | tr ',' '\n' \
            | sort -u \
            | awk 'system("[ -e /usr/local/lib/" $1 " ]") == 0 { next } { print "so:" $1 }' \
    )"; \
    apk add --no-cache --virtual .app-phpexts-rundeps $runDeps; \
    apk del .build-deps

COPY --from=composer/composer:2-bin /composer /usr/bin/composer
ENV COMPOSER_ALLOW_SUPERUSER=1 APP_ENV=prod

WORKDIR /srv/app
COPY composer.* symfony.* ./
RUN --mount=type=cache,target=/tmp/cache \
    composer install --prefer-dist --no-dev --no-autoloader --no-scripts --no-progress

COPY . .
RUN set -eux; \
    mkdir -p var/cache var/log; \
    composer dump-autoload --classmap-authoritative --no-dev; \
    composer dump-env prod; \
    composer run-script --no-dev post-install-cmd; \
    chmod +x bin/console; sync

HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["php-fpm-healthcheck"]
CMD ["php-fpm"]
