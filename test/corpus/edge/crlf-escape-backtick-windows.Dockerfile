# escape=`
# CRLF + backtick escape, as a Windows developer writes it in Notepad.
FROM mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022
SHELL ["pwsh", "-Command"]
RUN New-Item -ItemType Directory -Path C:\tools ; `
    Write-Host 'created'
COPY tools\ C:\tools\
CMD ["pwsh", "-File", "C:\\tools\\run.ps1"]
