# A legacy servlet app on Tomcat: removes the default webapps, copies the war as ROOT.war,
# tweaks JVM options through setenv.sh; uses ADD for a local file and a yum-style chmod.
FROM tomcat:9.0-jdk11-temurin

RUN rm -rf /usr/local/tomcat/webapps/*

ADD target/legacy-portal.war /usr/local/tomcat/webapps/ROOT.war
ADD conf/server.xml /usr/local/tomcat/conf/server.xml
COPY conf/setenv.sh /usr/local/tomcat/bin/setenv.sh
RUN chmod +x /usr/local/tomcat/bin/setenv.sh

ENV CATALINA_OPTS="-Xms512m -Xmx1024m -Dfile.encoding=UTF-8"
EXPOSE 8080
CMD ["catalina.sh", "run"]
