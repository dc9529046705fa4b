# escape=`
# Nano Server with cmd.exe: SHELL switched to cmd /S /C, a RUN with `&&` under cmd,
# a path with spaces in quotes, and ENTRYPOINT in exec form with Windows separators.
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
SHELL ["cmd", "/S", "/C"]
USER ContainerAdministrator
RUN mkdir "C:\Program Files\tool" && setx /M PATH "%PATH%;C:\Program Files\tool"
COPY bin\tool.exe "C:\Program Files\tool\tool.exe"
USER ContainerUser
ENTRYPOINT ["C:\\Program Files\\tool\\tool.exe"]
