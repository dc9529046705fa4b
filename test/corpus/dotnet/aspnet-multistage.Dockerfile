# An ASP.NET Core API: restore on the csproj files first, publish in the SDK image on the build
# platform for the target arch, run on the aspnet runtime as the built-in `app` user.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:9.0 AS build
ARG TARGETARCH
WORKDIR /source

COPY *.sln .
COPY src/Api/*.csproj ./src/Api/
COPY src/Domain/*.csproj ./src/Domain/
RUN dotnet restore -a $TARGETARCH

COPY src/. ./src/
WORKDIR /source/src/Api
RUN dotnet publish -a $TARGETARCH --no-restore -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:9.0
EXPOSE 8080
WORKDIR /app
COPY --link --from=build /app .
USER $APP_UID
ENTRYPOINT ["./Api"]
