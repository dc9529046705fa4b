# A .NET app that runs straight from the SDK image with `dotnet run`: no publish, no runtime
# image, source copied before restore, root user, shell-form entrypoint.
FROM mcr.microsoft.com/dotnet/sdk:latest
WORKDIR /app
COPY . .
RUN dotnet restore
RUN dotnet build -c Release
EXPOSE 80
ENTRYPOINT dotnet run --project src/WebApp/WebApp.csproj --urls http://0.0.0.0:80
