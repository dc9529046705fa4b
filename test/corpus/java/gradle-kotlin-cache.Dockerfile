# syntax=docker/dockerfile:1
# A Kotlin/Ktor service built with Gradle: build scripts first for dependency resolution, Gradle
# home as cache mount, installDist output copied to a JRE alpine image.
FROM gradle:8.11.1-jdk21 AS build
WORKDIR /home/gradle/project
COPY settings.gradle.kts build.gradle.kts gradle.properties ./
COPY gradle ./gradle
RUN --mount=type=cache,target=/home/gradle/.gradle/caches \
    gradle dependencies --no-daemon > /dev/null
COPY src ./src
RUN --mount=type=cache,target=/home/gradle/.gradle/caches \
    gradle installDist --no-daemon

FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S app && adduser -S app -G app
COPY --from=build --chown=app:app /home/gradle/project/build/install/ktor-api /opt/ktor-api
USER app
EXPOSE 8080
ENTRYPOINT ["/opt/ktor-api/bin/ktor-api"]
