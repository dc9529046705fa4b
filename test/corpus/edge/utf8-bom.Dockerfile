# Saved by an editor with a UTF-8 byte order mark at the start of the file.
FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
