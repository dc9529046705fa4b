# A .NET worker on alpine with ICU (globalization on), tzdata, trimmed self-contained publish with
# a NuGet cache mount; runtime-deps base image.
# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build
WORKDIR /src
COPY Worker.csproj .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore -r linux-musl-x64
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish -c Release -r linux-musl-x64 --self-contained true --no-restore \
      -p:PublishTrimmed=true -p:PublishSingleFile=true -o /out

FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-alpine
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false TZ=Europe/Berlin
RUN apk add --no-cache icu-libs tzdata
WORKDIR /app
COPY --from=build /out/Worker ./
USER app
ENTRYPOINT ["./Worker"]
