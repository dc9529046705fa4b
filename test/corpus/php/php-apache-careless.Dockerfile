# A PHP 7 app on Apache written years ago: apt-get upgrade, composer installed by piping the
# installer to php, world-writable web root, unpinned and uncleaned apt, dev dependencies kept.
FROM php:7.4-apache

RUN apt-get update && apt-get upgrade -y
RUN apt-get install -y git zip unzip libzip-dev libicu-dev
RUN docker-php-ext-install zip intl mysqli pdo_mysql
RUN a2enmod rewrite

RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer

COPY . /var/www/html/
WORKDIR /var/www/html
RUN composer install
RUN chmod -R 777 /var/www/html

EXPOSE 80
