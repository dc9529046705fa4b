import { defineRule } from '../define-rule.ts';
import { commandsOf, runs, shippedStageIndexes, stageChain } from '../helpers.ts';
import { apkVirtualName, isBuildTool, osPackageCommands, type OsPackageCommand } from '../package-managers/os.ts';

/** Group names that say "temporary": `.build-deps`, `build-dependencies`, `.fetch-deps`, `.tmp`, `.phpize-deps`, `.dev-deps`. */
const TEMPORARY_NAME = /build|fetch|te?mp|compil|toolchain|phpize|(^|[-_.])(dev|devel|make)([-_.]|$)/i;

/**
 * Is this `--virtual` group meant to be removed? Its name says build/fetch/temporary, or its packages include a
 * compiler, build system or `-dev` headers (or a variable named so, like `$PHPIZE_DEPS`). Other groups, such as the official images'
 * `.redis-rundeps $runDeps` or `.persistent-deps`, hold runtime libraries that are meant to stay.
 */
function holdsBuildTooling(p: OsPackageCommand, name: string): boolean {
  // Variables count by their name: `$BUILD_DEPS`, `$PHPIZE_DEPS`, `${buildDeps}`.
  return TEMPORARY_NAME.test(name) || p.packages.some((w) => (w.dynamic ? TEMPORARY_NAME.test(w.value) : isBuildTool(w.value)));
}

function deletes(p: OsPackageCommand, name: string): boolean {
  return p.family === 'apk' && p.subcommand === 'del' && p.packages.some((w) => w.value === name);
}

export const noApkVirtualLeftBehind = defineRule({
  id: 'no-apk-virtual-left-behind',
  title: 'Delete an apk --virtual group in the RUN that adds it',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'cleanup-in-the-same-run',
  why:
    '`apk add --virtual .build-deps gcc musl-dev …` groups temporary packages under one name so that `apk del .build-deps` can remove them all. The removal only saves space when it happens in the same RUN: files written by one RUN stay in that layer, and an `apk del` in a later RUN merely hides them behind whiteouts. Only stages that end up in the image are checked, and only groups that hold build tooling: a name that says build, fetch or temporary (`.build-deps`, `.fetch-deps`), or compilers and `-dev` headers among the packages. Runtime groups such as the official images\' `apk add --virtual .redis-rundeps $runDeps` are meant to stay.',
  messages: {
    missing: (name: string) =>
      `The virtual package \`${name}\` is never deleted, so its packages (often a compiler toolchain of 100+ MB) stay in the image. End this RUN with \`&& apk del ${name}\` once the build steps that need it are done.`,
    later: (name: string, line: number) =>
      `\`${name}\` is deleted by the RUN on line ${line}, but that is a later layer: the packages stay in this RUN's layer and the deletion only hides them. Move \`apk del ${name}\` to the end of this RUN.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9',
      'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg2==2.9.9\nRUN apk del .build-deps',
      'FROM alpine:3.20\nRUN apk add --no-cache -t .fetch-deps curl && curl -fsSLo /usr/local/bin/tini https://example.com/tini',
      'FROM ruby:3.3-alpine\nRUN apk add --no-cache --virtual .native-gems gcc make musl-dev && bundle install',
    ],
    valid: [
      'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apk del .build-deps',
      'FROM python:3.12-alpine AS build\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip wheel --wheel-dir /wheels psycopg2==2.9.9\nFROM python:3.12-alpine\nCOPY --from=build /wheels /wheels',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual=.fetch-deps curl && curl -fsSLo /tmp/x https://example.com/x && apk del --no-network .fetch-deps',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .app-rundeps libpq libffi',
    ],
  },
  check({ dockerfile, report }, messages) {
    const shipped = shippedStageIndexes(dockerfile);
    const all = runs(dockerfile, { onbuild: false });
    all.forEach((run, index) => {
      if (!shipped.has(run.stage)) return;
      const cmds = osPackageCommands(commandsOf(run));
      for (const p of cmds) {
        const v = apkVirtualName(p);
        if (!v || !holdsBuildTooling(p, v.name) || cmds.some((q) => deletes(q, v.name))) continue;
        const laterRun = all.slice(index + 1).find((r) => {
          const stage = dockerfile.stages[r.stage];
          return stage !== undefined && stageChain(dockerfile, stage).some((s) => s.index === run.stage) && osPackageCommands(commandsOf(r)).some((q) => deletes(q, v.name));
        });
        const span = { line: v.flag.span.line, column: v.flag.span.column, endLine: v.word.span.endLine, endColumn: v.word.span.endColumn };
        report({ instruction: run, span, message: laterRun ? messages.later(v.name, laterRun.span.line) : messages.missing(v.name) });
      }
    });
  },
});
