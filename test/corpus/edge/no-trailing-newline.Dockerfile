# The last line has no newline at the end of the file, and the last instruction is continued.
FROM busybox:1.37
COPY index.html /www/
CMD ["httpd", "-f", "-p", "8080", \
     "-h", "/www"]