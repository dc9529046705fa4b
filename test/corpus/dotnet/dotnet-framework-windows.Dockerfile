# escape=`
# A .NET Framework 4.8 ASP.NET site on Windows Server Core: backtick escape so Windows paths keep
# their backslashes, PowerShell as SHELL, msbuild in the SDK image, IIS runtime image.
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build
WORKDIR C:\src
COPY *.sln .
COPY WebApp\*.csproj .\WebApp\
COPY WebApp\packages.config .\WebApp\
RUN nuget restore

COPY WebApp\. .\WebApp\
WORKDIR C:\src\WebApp
RUN msbuild /p:Configuration=Release -r:False

FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022 AS runtime
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]

RUN Remove-Website -Name 'Default Web Site'; `
    New-Item -Path 'C:\inetpub\wwwroot\app' -ItemType Directory | Out-Null; `
    New-Website -Name 'app' -Port 80 -PhysicalPath 'C:\inetpub\wwwroot\app'

WORKDIR /inetpub/wwwroot/app
COPY --from=build C:\src\WebApp\. ./
