# All instructions in lower case and mixed case; builds fine but is flagged by casing checks.
from ubuntu:24.04 as build
run apt-get update && apt-get install -y --no-install-recommends make gcc && rm -rf /var/lib/apt/lists/*
workdir /src
copy . .
Run make
From ubuntu:24.04
Copy --from=build /src/out/tool /usr/local/bin/tool
entrypoint ["tool"]
cmd ["--help"]
