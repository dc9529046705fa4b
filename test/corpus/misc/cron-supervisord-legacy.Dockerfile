# A legacy "fat container": cron, supervisord, nginx and php-fpm in one image, yum-era habits
# ported to apt (no -y on one install, apt instead of apt-get, cd in RUN), started with supervisord.
FROM debian:buster

RUN apt update && apt install -y cron supervisor nginx php-fpm
RUN apt-get install curl
COPY crontab /etc/cron.d/app-cron
RUN chmod 0644 /etc/cron.d/app-cron && crontab /etc/cron.d/app-cron
RUN touch /var/log/cron.log
COPY supervisord.conf /etc/supervisor/conf.d/supervisord.conf
RUN cd /var/www && rm -rf html && mkdir html
WORKDIR var/www/html
COPY . .
EXPOSE 80
CMD ["/usr/bin/supervisord", "-n"]
