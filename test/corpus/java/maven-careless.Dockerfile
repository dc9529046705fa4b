# A Java app shipped in the Maven image: maven:latest, everything copied first so any change
# re-downloads the internet, the JDK and ~/.m2 stay in the image, MAINTAINER, shell-form start.
FROM maven:latest
MAINTAINER Jane Developer <jane@example.com>

COPY . /usr/src/app
WORKDIR /usr/src/app
RUN mvn clean install

ADD https://repo1.maven.org/maven2/io/opentelemetry/javaagent/opentelemetry-javaagent/2.10.0/opentelemetry-javaagent-2.10.0.jar /otel.jar

EXPOSE 8080
ENTRYPOINT java -javaagent:/otel.jar -jar target/app-0.0.1-SNAPSHOT.jar
