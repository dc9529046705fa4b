# escape=`

# A Windows Server Core image: backtick escape directive, PowerShell as SHELL, Windows paths
# with backslashes, continuation with backticks, ENV with a Windows PATH, JSON CMD with
# escaped backslashes.
FROM mcr.microsoft.com/windows/servercore:ltsc2022

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]

ENV NODE_VERSION=22.12.0 `
    APP_HOME=C:\app

RUN Invoke-WebRequest $('https://nodejs.org/dist/v{0}/node-v{0}-win-x64.zip' -f $env:NODE_VERSION) -OutFile 'node.zip' -UseBasicParsing ; `
    Expand-Archive node.zip -DestinationPath C:\ ; `
    Rename-Item -Path $('C:\node-v{0}-win-x64' -f $env:NODE_VERSION) -NewName 'C:\nodejs' ; `
    Remove-Item -Force node.zip

RUN setx /M PATH $($env:PATH + ';C:\nodejs')

WORKDIR C:\app
COPY package.json package-lock.json C:\app\
RUN npm ci --omit=dev
COPY . C:\app\

USER ContainerUser
EXPOSE 3000
CMD ["C:\\nodejs\\node.exe", "C:\\app\\server.js"]
