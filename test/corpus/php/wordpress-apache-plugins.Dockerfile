# A WordPress site image: extra PHP settings, plugins downloaded and unzipped with curl, theme
# copied in; unzip installed but left behind, lists removed.
FROM wordpress:6.7.1-php8.2-apache

RUN apt-get update && apt-get install -y --no-install-recommends unzip \
    && rm -rf /var/lib/apt/lists/*

COPY uploads.ini /usr/local/etc/php/conf.d/uploads.ini

RUN set -eux; \
    cd /usr/src/wordpress/wp-content/plugins; \
    for plugin in wordfence.8.0.1 redis-cache.2.5.4 wp-mail-smtp.4.2.0; do \
        curl -fsSL -o "$plugin.zip" "https://downloads.wordpress.org/plugin/$plugin.zip"; \
        unzip -q "$plugin.zip"; \
        rm "$plugin.zip"; \
    done; \
    chown -R www-data:www-data /usr/src/wordpress/wp-content

COPY --chown=www-data:www-data theme/ /usr/src/wordpress/wp-content/themes/acme/
