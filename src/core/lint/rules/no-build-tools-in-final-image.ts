import type { ImageRef, Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, finalStage, runs, shippedStageIndexes, stageChain } from '../helpers.ts';
import { apkVirtualName, hasAutoRemoveIdiom, isBuildTool, osPackageCommands, packageBaseName, removes } from '../package-managers/os.ts';
import { toolchainOf } from './use-multi-stage-for-compiled-apps.ts';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Actual compilers (or meta-packages that pull one in): without one of these, headers and build systems build nothing. */
const COMPILERS = new Set([
  'gcc', 'g++', 'cc', 'c++', 'clang', 'gfortran', 'gcc-c++', 'gcc-gfortran',
  'build-essential', 'build-base', 'alpine-sdk', '@development-tools', '@development', '@c-development', 'development tools',
]);

function isCompiler(pkg: string): boolean {
  const name = packageBaseName(pkg).toLowerCase();
  return COMPILERS.has(name) || /^(gcc|g\+\+|clang|gfortran)-\d[\w.+~-]*$/.test(name);
}

/** Docker Hub images whose default (non-slim, non-Alpine) variants already ship gcc and make. */
const FULL_VARIANTS_WITH_COMPILERS = new Set(['buildpack-deps', 'gcc', 'python', 'node', 'ruby', 'perl', 'php', 'erlang', 'elixir', 'haskell', 'swift', 'pypy']);

/**
 * Is the base image a build/toolchain image (compilers are its purpose or already in it)? Toolchain images
 * (golang, rust, maven, gradle, JDKs, the .NET SDK), buildpack-deps and gcc, the full variants of the language
 * images built on buildpack-deps (python:3.12, node:22, ruby:3.3, Debian php images keep their phpize
 * compilers), devcontainer and CUDA `devel` images. Installing gcc there adds nothing new.
 */
export function baseShipsCompilers(image: ImageRef): boolean {
  if (image.resolved === null) return false;
  if (toolchainOf(image)) return true;
  const tag = (image.tag ?? 'latest').toLowerCase();
  const full = `${image.registry ?? ''}/${image.name}`.toLowerCase();
  if (/(^|[/-])(vscode\/)?devcontainers?([/-]|$)|^\/gitpod\/workspace/.test(full)) return true;
  if (/(^|\/)cuda$/.test(image.name) && tag.includes('devel')) return true;
  if (image.registry !== null && !DOCKER_HUB.has(image.registry)) return false;
  const repo = image.name.replace(/^library\//, '');
  if (!FULL_VARIANTS_WITH_COMPILERS.has(repo)) return false;
  if (repo === 'buildpack-deps' || repo === 'gcc') return true;
  return !/slim|alpine|windows|nanoserver|servercore/.test(tag);
}

/** Programs that drive builds: an image whose CMD or ENTRYPOINT runs one of these is a build environment. */
const BUILD_DRIVERS = new Set(['make', 'gmake', 'cmake', 'ctest', 'ninja', 'meson', 'scons', 'bazel', 'bazelisk', 'autoreconf', 'latexmk', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']);

function programOf(i: Instruction): string | undefined {
  const first = i.json ? i.json[0] : /^\s*["']?([^\s"']+)/.exec(i.argsText)?.[1];
  return first?.split(/[/\\]/).pop();
}

/**
 * Is the image a build environment rather than an application? Its CMD/ENTRYPOINT runs a build driver
 * (`make`, `cmake`, `latexmk`, …), or it has no CMD/ENTRYPOINT and copies nothing from the build context
 * (a CI/toolbox or base image: the installed tools are what it is for).
 */
function isBuildEnvironment(df: ParsedDockerfile): boolean {
  const last = finalStage(df);
  if (!last) return false;
  const instructions = stageChain(df, last).reverse().flatMap((s) => s.instructions);
  const entry = instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const lastOf = (k: string) => entry.filter((i) => i.keyword === k).at(-1);
  const programs = [lastOf('ENTRYPOINT'), lastOf('CMD')].flatMap((i) => (i ? [programOf(i)] : []));
  if (programs.some((p) => p !== undefined && BUILD_DRIVERS.has(p))) return true;
  const copiesContext = instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from'));
  return entry.length === 0 && !copiesContext;
}

export const noBuildToolsInFinalImage = defineRule({
  id: 'no-build-tools-in-final-image',
  title: 'Keep compilers and build headers out of the final image',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'build-vs-runtime-deps',
  why:
    'Compilers, build systems and `-dev` header packages are needed to build software, not to run it, and they are large: `build-essential` is about 320 MB on Debian bookworm and `gcc` alone 180 MB. Installed in a stage that ships, they stay in the image unless the same RUN removes them. Build in a separate stage and COPY only the results, or install, build and remove in one RUN. Only installs that include a compiler are reported (header packages alone, as the official ruby image keeps for gem builds, build nothing). Not reported: base images that already ship compilers (golang, rust, JDK, .NET SDK, buildpack-deps and the full python/node/ruby variants built on it, devcontainers), and build environments whose CMD or ENTRYPOINT runs `make`, `cmake` or similar, or that copy no application and set no command. Packages added with `apk add --virtual` are left to no-apk-virtual-left-behind.',
  messages: {
    tools: (names: string[], remove: string) =>
      `${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is a build tool' : 'are build tools'} that stay${names.length === 1 ? 's' : ''} in the final image (a C toolchain is typically 100-300 MB). Compile in a builder stage and \`COPY --from=builder\` only the results, or remove ${names.length === 1 ? 'it' : 'them'} at the end of this same RUN (\`&& ${remove}\`); removing in a later RUN does not shrink the image.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM alpine:3.20\nRUN apk add --no-cache build-base linux-headers && make -C /src install\nCMD ["/usr/local/bin/server"]',
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN cmake -S /src -B /build && cmake --build /build\nRUN apt-get purge -y build-essential cmake\nCMD ["/build/app"]',
    ],
    valid: [
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nFROM debian:bookworm-slim\nCOPY --from=build /go/bin/app /usr/local/bin/app',
      'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev && make -C /src install && apk del gcc musl-dev\nCMD ["/usr/local/bin/server"]',
      'FROM ruby:3.3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev libyaml-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD ["ruby", "/app/app.rb"]',
      'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /work\nCMD ["make"]',
    ],
  },
  check({ dockerfile, report }, messages) {
    const last = finalStage(dockerfile);
    if (!last) return;
    const root = stageChain(dockerfile, last).at(-1) ?? last;
    if (baseShipsCompilers(root.image) || isBuildEnvironment(dockerfile)) return;
    const shipped = shippedStageIndexes(dockerfile);
    for (const run of runs(dockerfile, { onbuild: false })) {
      if (!shipped.has(run.stage)) continue;
      const all = commandsOf(run);
      const cmds = osPackageCommands(all);
      const autoRemoved = hasAutoRemoveIdiom(all);
      const kept = cmds.flatMap((p) => {
        if (p.action !== 'install' || apkVirtualName(p)) return [];
        if (p.family === 'apt' && autoRemoved) return [];
        const tools = p.packages
          .filter((w) => !w.dynamic && isBuildTool(w.value))
          .filter((w) => !cmds.some((q) => removes(q, p, w.value)))
          .map((w) => w.value);
        return tools.length > 0 ? [{ p, tools }] : [];
      });
      // Headers and build systems without a compiler build nothing (e.g. `-dev` packages kept for later gem builds).
      if (!kept.some(({ tools }) => tools.some(isCompiler))) continue;
      for (const { p, tools } of kept) {
        const names = [...new Set(tools)];
        const remove =
          p.family === 'apt' ? `apt-get purge -y --auto-remove ${names.join(' ')}` : p.family === 'apk' ? `apk del ${names.join(' ')}` : p.family === 'zypper' ? `zypper remove -y ${names.join(' ')}` : `${p.tool} remove -y ${names.join(' ')}`;
        report({ instruction: run, span: p.cmd.span, message: messages.tools(names, remove) });
      }
    }
  },
});
