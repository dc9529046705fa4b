# A static site served by nginx, written quickly: untagged image, ADD for local files, installs
# curl for a healthcheck without cleanup (apk without --no-cache), exposes an unused port.
FROM nginx
RUN apk update && apk add curl
ADD ./dist /usr/share/nginx/html
ADD nginx.conf /etc/nginx/nginx.conf
EXPOSE 80 443
HEALTHCHECK CMD curl --fail http://localhost/ || exit 1
