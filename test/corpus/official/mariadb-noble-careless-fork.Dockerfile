# A hand-rolled "official-like" database image forked from a tutorial: keeps the official
# structure but drops details (apt-get update in its own layer, lists left behind, no pinning).
FROM ubuntu:noble

RUN groupadd -r mysql && useradd -r -g mysql mysql

RUN apt-get update
RUN apt-get install -y gosu pwgen tzdata xz-utils zstd

ENV MARIADB_VERSION 1:11.4.4+maria~ubu2404

RUN set -ex; \
	apt-get update; \
	apt-get install -y gnupg dirmngr; \
	curl -fsSL https://mariadb.org/mariadb_release_signing_key.asc | gpg --dearmor -o /etc/apt/trusted.gpg.d/mariadb.gpg; \
	echo "deb https://deb.mariadb.org/11.4/ubuntu noble main" > /etc/apt/sources.list.d/mariadb.list; \
	apt-get update; \
	apt-get install -y mariadb-server="$MARIADB_VERSION" mariadb-backup socat

RUN rm -rf /var/lib/mysql && mkdir -p /var/lib/mysql /run/mysqld \
	&& chown -R mysql:mysql /var/lib/mysql /run/mysqld \
	&& chmod 777 /run/mysqld

VOLUME /var/lib/mysql

COPY healthcheck.sh /usr/local/bin/healthcheck.sh
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]

EXPOSE 3306
CMD mariadbd
