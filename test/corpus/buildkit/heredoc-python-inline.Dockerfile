# syntax=docker/dockerfile:1.4
# A heredoc run by python3 as interpreter (RUN <<EOT python3), a heredoc whose body contains
# shell-looking text that is not shell, and a heredoc that installs packages with pip.
FROM python:3.13-slim

RUN <<EOT
pip install --no-cache-dir requests==2.32.3 rich==13.9.4
EOT

RUN python3 <<EOF
import json, pathlib
cfg = {"apt-get update": "not a command", "paths": ["/a", "/b"]}
pathlib.Path("/etc/tool.json").write_text(json.dumps(cfg))
print("wrote config && done | ok")
EOF

RUN <<"EOF" sh -c 'cat > /usr/local/bin/greet && chmod +x /usr/local/bin/greet'
#!/bin/sh
echo "hello, $1"
EOF

ENTRYPOINT ["greet"]
CMD ["world"]
