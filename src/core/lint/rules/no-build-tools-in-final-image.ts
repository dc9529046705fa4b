import { defineRule } from '../define-rule.ts';
import { commandsOf, runs, shippedStageIndexes } from '../helpers.ts';
import { apkVirtualName, hasAutoRemoveIdiom, isBuildTool, osPackageCommands, removes } from '../package-managers/os.ts';

export const noBuildToolsInFinalImage = defineRule({
  id: 'no-build-tools-in-final-image',
  title: 'Keep compilers and build headers out of the final image',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'build-vs-runtime-deps',
  why:
    'Compilers, build systems and `-dev` header packages are needed to build software, not to run it, and they are large: `build-essential` is about 320 MB on Debian bookworm and `gcc` alone 180 MB. Installed in a stage that ships, they stay in the image unless the same RUN removes them. Build in a separate stage and COPY only the results, or install, build and remove in one RUN. Packages added with `apk add --virtual` are left to no-apk-virtual-left-behind.',
  messages: {
    tools: (names: string[], remove: string) =>
      `${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is a build tool' : 'are build tools'} that stay${names.length === 1 ? 's' : ''} in the final image (a C toolchain is typically 100-300 MB). Compile in a builder stage and \`COPY --from=builder\` only the results, or remove ${names.length === 1 ? 'it' : 'them'} at the end of this same RUN (\`&& ${remove}\`); removing in a later RUN does not shrink the image.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 && rm -rf /var/lib/apt/lists/*',
      'FROM alpine:3.20\nRUN apk add --no-cache build-base linux-headers && make -C /src install',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*\nRUN apt-get purge -y build-essential cmake',
    ],
    valid: [
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
      'FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nFROM debian:bookworm-slim\nCOPY --from=build /go/bin/app /usr/local/bin/app',
      'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev && make -C /src install && apk del gcc musl-dev',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/*',
    ],
  },
  check({ dockerfile, report }, messages) {
    const shipped = shippedStageIndexes(dockerfile);
    for (const run of runs(dockerfile, { onbuild: false })) {
      if (!shipped.has(run.stage)) continue;
      const all = commandsOf(run);
      const cmds = osPackageCommands(all);
      const autoRemoved = hasAutoRemoveIdiom(all);
      for (const p of cmds) {
        if (p.action !== 'install' || apkVirtualName(p)) continue;
        if (p.family === 'apt' && autoRemoved) continue;
        const tools = p.packages
          .filter((w) => !w.dynamic && isBuildTool(w.value))
          .filter((w) => !cmds.some((q) => removes(q, p, w.value)))
          .map((w) => w.value);
        if (tools.length === 0) continue;
        const names = [...new Set(tools)];
        const remove =
          p.family === 'apt' ? `apt-get purge -y --auto-remove ${names.join(' ')}` : p.family === 'apk' ? `apk del ${names.join(' ')}` : p.family === 'zypper' ? `zypper remove -y ${names.join(' ')}` : `${p.tool} remove -y ${names.join(' ')}`;
        report({ instruction: run, span: p.cmd.span, message: messages.tools(names, remove) });
      }
    }
  },
});
