import type { Instruction, ParsedDockerfile, Stage } from '../../parse/model.ts';
import { hasFlag, pipInvocation, positionals } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf, hasCacheMount, runs, shippedStageIndexes, stageChain } from '../helpers.ts';
import { apkVirtualName, osPackageCommand, packageBaseName, refreshesAptLists } from '../package-managers/os.ts';

/** Things a RUN can leave in its layer that a cleanup command removes. */
type Target = 'apt-lists' | 'apt-cache' | 'apk-cache' | 'rpm-cache' | 'home-cache' | 'npm-cache' | 'yarn-cache' | 'tmp' | 'apt-pkg' | 'apk-pkg' | 'rpm-pkg';

interface Item {
  target: Target;
  /** Package names (for *-pkg) or paths (for tmp). */
  keys: string[];
}

interface Creation extends Item {
  run: Instruction;
  /** What created it, e.g. `apt-get update`. */
  what: string;
}

interface Cleanup {
  cmd: ShellCommand;
  items: Item[];
}

const HOME_PREFIXES = ['/root/', '~/', '$HOME/', '${HOME}/'];

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/** What `rm` of a path removes; paths are normalised (`/x/*`, `/x/`, `/x/.` → `/x`). */
function rmItems(arg: string): Item[] {
  const p = arg.replace(/(\/\*|\/\.|\/)+$/, '') || '/';
  const out: Item[] = [];
  if (under(p, '/var/lib/apt/lists') || p === '/var/lib/apt') out.push({ target: 'apt-lists', keys: [] });
  if (under(p, '/var/cache/apt') || p === '/var/cache') out.push({ target: 'apt-cache', keys: [] });
  if (under(p, '/var/cache/apk') || p === '/var/cache') out.push({ target: 'apk-cache', keys: [] });
  if (under(p, '/var/cache/yum') || under(p, '/var/cache/dnf') || p === '/var/cache') out.push({ target: 'rpm-cache', keys: [] });
  for (const home of HOME_PREFIXES) {
    const rest = p.startsWith(home) ? p.slice(home.length) : null;
    if (rest === null) continue;
    if (rest === '.cache' || rest === '.cache/pip' || rest === '.cache/uv') out.push({ target: 'home-cache', keys: [] });
    if (rest === '.npm' || rest.startsWith('.npm/')) out.push({ target: 'npm-cache', keys: [] });
  }
  if (under(p, '/usr/local/share/.cache/yarn') || p === '/usr/local/share/.cache') out.push({ target: 'yarn-cache', keys: [] });
  if (under(p, '/tmp')) out.push({ target: 'tmp', keys: [p === '/tmp' ? '/tmp/*' : arg.replace(/\/+$/, '')] });
  return out;
}

/** Cleanup commands of a RUN and what each removes. */
function cleanupsOf(cmds: readonly ShellCommand[]): Cleanup[] {
  const out: Cleanup[] = [];
  for (const cmd of cmds) {
    const items: Item[] = [];
    const p = osPackageCommand(cmd);
    if (cmd.name === 'rm') {
      for (const a of positionals(cmd)) if (!a.dynamic) items.push(...rmItems(a.value));
    } else if (p?.family === 'apt') {
      if (p.subcommand === 'clean' || p.subcommand === 'autoclean') items.push({ target: 'apt-cache', keys: [] });
      if (p.subcommand === 'dist-clean') items.push({ target: 'apt-cache', keys: [] }, { target: 'apt-lists', keys: [] });
      if ((p.subcommand === 'purge' || p.subcommand === 'remove') && p.packages.length) items.push({ target: 'apt-pkg', keys: literalNames(p.packages) });
    } else if (p?.family === 'apk') {
      if (p.subcommand === 'del' && p.packages.length) items.push({ target: 'apk-pkg', keys: literalNames(p.packages) });
      if (p.subcommand === 'cache' && positionals(cmd)[1]?.value === 'clean') items.push({ target: 'apk-cache', keys: [] });
    } else if (p?.family === 'rpm') {
      if (p.subcommand === 'clean') items.push({ target: 'rpm-cache', keys: [] });
      if ((p.subcommand === 'remove' || p.subcommand === 'erase') && p.packages.length) items.push({ target: 'rpm-pkg', keys: literalNames(p.packages) });
    } else {
      const pip = pipInvocation(cmd);
      // Only pip, uv, npm and yarn have cache cleanups; skip the argument split for everything else.
      if (!pip && cmd.name !== 'uv' && cmd.name !== 'npm' && cmd.name !== 'yarn') continue;
      const sub = positionals(pip ?? cmd);
      if (pip && sub[0]?.value === 'cache' && (sub[1]?.value === 'purge' || sub[1]?.value === 'remove')) items.push({ target: 'home-cache', keys: [] });
      if (cmd.name === 'uv' && sub[0]?.value === 'cache' && (sub[1]?.value === 'clean' || sub[1]?.value === 'prune')) items.push({ target: 'home-cache', keys: [] });
      if (cmd.name === 'npm' && sub[0]?.value === 'cache' && sub[1]?.value === 'clean') items.push({ target: 'npm-cache', keys: [] });
      if (cmd.name === 'yarn' && sub[0]?.value === 'cache' && sub[1]?.value === 'clean') items.push({ target: 'yarn-cache', keys: [] });
    }
    if (items.length) out.push({ cmd, items });
  }
  return out;
}

function literalNames(words: readonly { value: string; dynamic: boolean }[]): string[] {
  return words.filter((w) => !w.dynamic).map((w) => packageBaseName(w.value));
}

function envSet(df: ParsedDockerfile, stage: Stage, name: string): boolean {
  return stageChain(df, stage).some((s) => s.vars.some((v) => v.kind === 'ENV' && v.name === name)) || df.globalArgs.some((v) => v.name === name);
}

/** Value of a short option also inside bundles (`-fsSLo FILE`, `-qO-`, `-O/tmp/x`), or of a long one. */
function optionValue(cmd: ShellCommand, short: string, long: string): string | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value ?? '';
    if (v === '--') break;
    if (v === long) return args[i + 1]?.value;
    if (v.startsWith(`${long}=`)) return v.slice(long.length + 1);
    if (/^-[^-]/.test(v)) {
      const at = v.indexOf(short, 1);
      if (at < 0 || !/^[A-Za-z0-9]*$/.test(v.slice(1, at))) continue;
      return at === v.length - 1 ? args[i + 1]?.value : v.slice(at + 1);
    }
  }
  return undefined;
}

/** Download targets under /tmp (`wget -O /tmp/x`, `wget -P /tmp`, `curl -o /tmp/x`, `git clone URL /tmp/x`). */
function tmpDownloads(cmd: ShellCommand): string[] {
  const out: string[] = [];
  if (cmd.name === 'wget') {
    const o = optionValue(cmd, 'O', '--output-document');
    if (o) out.push(o);
    const dir = optionValue(cmd, 'P', '--directory-prefix');
    if (dir) out.push(`${dir.replace(/\/+$/, '')}/*`);
  } else if (cmd.name === 'curl') {
    const o = optionValue(cmd, 'o', '--output');
    if (o) out.push(o);
  } else if (cmd.name === 'git') {
    const pos = positionals(cmd, ['-c', '-b', '--branch', '--depth', '-C', '--origin', '-o']);
    if (pos[0]?.value === 'clone' && pos[2]) out.push(pos[2].value);
  }
  return out.filter((p) => under(p.replace(/\/\*$/, ''), '/tmp'));
}

/** What a RUN creates, before its own cleanups are taken into account. */
function createdBy(df: ParsedDockerfile, run: Instruction): Creation[] {
  const stage = df.stages[run.stage];
  const out: Creation[] = [];
  const add = (target: Target, what: string, keys: string[] = []) => out.push({ target, keys, what: what.startsWith('the ') ? what : `\`${what}\``, run });
  for (const cmd of commandsOf(run)) {
    const p = osPackageCommand(cmd);
    if (p?.family === 'apt') {
      if (refreshesAptLists(p) && !hasCacheMount(run, (t) => under(t, '/var/lib/apt'))) add('apt-lists', `${p.tool} ${p.subcommand ?? 'update'}`);
      if (p.action === 'install' && p.subcommand !== 'build-dep') {
        if (!hasCacheMount(run, (t) => under(t, '/var/cache/apt'))) add('apt-cache', `${p.tool} install`);
        add('apt-pkg', `${p.tool} install`, literalNames(p.packages));
      }
    } else if (p?.family === 'apk') {
      const noCache = hasFlag(cmd, '--no-cache') || hasCacheMount(run, (t) => under(t, '/var/cache/apk'));
      if ((p.subcommand === 'add' || p.subcommand === 'update' || p.subcommand === 'upgrade') && !noCache) add('apk-cache', `apk ${p.subcommand}`);
      if (p.subcommand === 'add') {
        const v = apkVirtualName(p);
        add('apk-pkg', 'apk add', [...literalNames(p.packages), ...(v ? [v.name] : [])]);
      }
    } else if (p?.family === 'rpm') {
      if ((p.action === 'install' || p.action === 'upgrade' || p.action === 'update') && !hasCacheMount(run, (t) => under(t, '/var/cache/yum') || under(t, '/var/cache/dnf'))) {
        add('rpm-cache', `${p.tool} ${p.subcommand ?? ''}`.trim());
      }
      if (p.action === 'install') add('rpm-pkg', `${p.tool} install`, literalNames(p.packages));
    } else {
      const pip = pipInvocation(cmd);
      if (pip && positionals(pip)[0]?.value === 'install' && !hasFlag(pip, '--no-cache-dir') && !(stage && envSet(df, stage, 'PIP_NO_CACHE_DIR')) && !hasCacheMount(run, (t) => t.includes('/.cache'))) {
        add('home-cache', 'pip install');
      }
      if (cmd.name === 'uv' && ['sync', 'pip'].includes(positionals(cmd)[0]?.value ?? '') && !hasFlag(cmd, '--no-cache') && !(stage && envSet(df, stage, 'UV_NO_CACHE')) && !hasCacheMount(run, (t) => t.includes('/.cache'))) {
        add('home-cache', `uv ${positionals(cmd)[0]?.value}`);
      }
      if (cmd.name === 'npm' && ['install', 'i', 'ci', 'add'].includes(positionals(cmd)[0]?.value ?? '') && !hasCacheMount(run, (t) => t.includes('.npm'))) add('npm-cache', `npm ${positionals(cmd)[0]?.value}`);
      if (cmd.name === 'yarn' && ['install', 'add', undefined].includes(positionals(cmd)[0]?.value) && !hasCacheMount(run, (t) => t.includes('yarn'))) add('yarn-cache', 'yarn install');
      const downloads = tmpDownloads(cmd);
      const tmp = downloads.length > 0 && hasCacheMount(run, (t) => t === '/tmp') ? [] : downloads;
      if (tmp.length) add('tmp', `the \`${cmd.name}\` download to ${tmp.join(', ')}`, tmp);
    }
  }
  return out;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** Does removing `item` remove (part of) `created`? */
function hits(item: Item, created: Item): boolean {
  if (item.target !== created.target) return false;
  if (item.target === 'tmp') {
    return item.keys.some((r) => created.keys.some((c) => {
      const cPath = c.replace(/\/\*$/, '');
      return r === '/tmp/*' || r === c || under(cPath, r) || globToRegExp(r).test(cPath) || (c.endsWith('/*') && under(r, cPath));
    }));
  }
  if (item.target.endsWith('-pkg')) return item.keys.some((k) => created.keys.includes(k));
  return true;
}

/** Creations of a RUN that its own cleanups did not remove. */
function leftIn(created: readonly Creation[], cleanups: readonly Cleanup[]): Creation[] {
  const cleaned = cleanups.flatMap((c) => c.items);
  return created.filter((c) => !cleaned.some((i) => hits(i, c)));
}

function commandText(df: ParsedDockerfile, cmd: ShellCommand): string {
  const s = cmd.span;
  if (s.line !== s.endLine) return [cmd.nameWord?.raw ?? cmd.name, ...cmd.args.map((a) => a.raw)].join(' ');
  return df.lineText(s.line).slice(s.column - 1, s.endColumn - 1);
}

export const noCleanupInLaterRun = defineRule({
  id: 'no-cleanup-in-later-run',
  title: 'Clean up in the RUN that created the files, not in a later one',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'layers-and-whiteouts',
  why:
    'Every RUN becomes a layer, and layers only add. Deleting files that an earlier RUN created writes "whiteout" markers that hide them, but their bytes stay in the earlier layer and are still downloaded and stored. Package lists, package caches, downloaded archives and removed packages only leave the image when they are deleted in the same RUN that created them. Only stages that end up in the image are checked, and only files that an earlier RUN of the stage (or of a stage it builds on) is known to have created.',
  messages: {
    later: (cleanups: string[], sources: { line: number; whats: string[] }[], packages: boolean) => {
      const list = cleanups.map((c) => `\`${c}\``);
      const what = list.length === 1 ? (list[0] as string) : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
      const from = sources.map((s) => `line ${s.line}: ${s.whats.join(', ')}`).join('; ');
      const stay = packages ? 'Those packages stay' : `Whatever ${list.length === 1 ? 'it removes' : 'they remove'} stays`;
      const move =
        sources.length === 1 && cleanups.length === 1
          ? `Move it to the end of the RUN on line ${sources[0]?.line} (\`… && ${cleanups[0]}\`) and remove it here.`
          : sources.length === 1
            ? `Move these cleanups to the end of the RUN on line ${sources[0]?.line} and remove them here.`
            : 'Move each cleanup to the end of the RUN that created the files and remove it here.';
      return `${what} cannot make the image smaller: ${list.length === 1 ? 'it deletes' : 'they delete'} what an earlier RUN created (${from}). ${stay} in the earlier layer; a later layer can only hide ${packages ? 'them' : 'it'} behind whiteouts. ${move}`;
    },
  },
  examples: {
    invalid: [
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*',
      'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev && make -C /src install\nRUN apk del .build-deps',
      'FROM python:3.12-slim\nRUN pip install -r /tmp/requirements.txt\nRUN pip cache purge',
      'FROM debian:bookworm-slim\nRUN curl -fsSL -o /tmp/node.tar.xz https://nodejs.org/dist/v20.15.0/node-v20.15.0-linux-x64.tar.xz \\\n && tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1\nRUN rm -rf /tmp/*',
    ],
    valid: [
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      'FROM debian:bookworm-slim\nRUN rm -rf /tmp/build-cache',
      'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nRUN rm -rf /var/lib/apt/lists/*\nFROM debian:bookworm-slim\nCOPY --from=build /usr/bin/gcc /usr/bin/gcc',
      'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
    ],
  },
  check({ dockerfile, report }, messages) {
    const shipped = shippedStageIndexes(dockerfile);
    // What the RUNs of each shipped stage left behind, by target. A base stage lies wholly before the
    // stages built on it, so "an earlier RUN of the stage chain" is every RUN of the base stages plus
    // the earlier RUNs of the stage itself. RUNs are only analysed once a later cleanup needs them.
    const stages = new Map<number, { pending: { run: Instruction; cleanups: Cleanup[] }[]; left: Map<Target, Creation[]> }>();
    /** Position of a leftover within its RUN's list, to keep document order. */
    const ordinal = new Map<Creation, number>();
    const leftovers = (stage: number): Map<Target, Creation[]> => {
      const st = stages.get(stage);
      if (!st) return new Map();
      for (const { run, cleanups } of st.pending) {
        leftIn(createdBy(dockerfile, run), cleanups).forEach((c, n) => {
          ordinal.set(c, n);
          const list = st.left.get(c.target);
          if (list) list.push(c);
          else st.left.set(c.target, [c]);
        });
      }
      st.pending = [];
      return st.left;
    };
    for (const run of runs(dockerfile, { onbuild: false })) {
      const stage = dockerfile.stages[run.stage];
      if (!stage || !shipped.has(run.stage)) continue;
      const cleanups = cleanupsOf(commandsOf(run));
      if (cleanups.length > 0) checkRun(run, stage, cleanups);
      let st = stages.get(stage.index);
      if (!st) stages.set(stage.index, (st = { pending: [], left: new Map() }));
      st.pending.push({ run, cleanups });
    }

    /** Reports the cleanups of a RUN that remove what an earlier RUN of its stage chain left behind. */
    function checkRun(run: Instruction, stage: Stage, cleanups: readonly Cleanup[]): void {
      const chain = stageChain(dockerfile, stage).map((s) => leftovers(s.index));
      if (!chain.some((m) => m.size > 0)) return;
      // A cleanup of something this RUN creates again is a legitimate same-RUN cleanup.
      const own = createdBy(dockerfile, run);
      const offending: ShellCommand[] = [];
      const matched = new Set<Creation>();
      for (const c of cleanups) {
        const items = c.items.filter((i) => !own.some((o) => hits(i, o)));
        let found = false;
        for (const i of items) {
          for (const m of chain) {
            for (const e of m.get(i.target) ?? []) {
              if (!hits(i, e)) continue;
              found = true;
              matched.add(e);
            }
          }
        }
        if (found) offending.push(c.cmd);
      }
      const sources = [...matched].sort((a, b) => a.run.index - b.run.index || (ordinal.get(a) as number) - (ordinal.get(b) as number));
      const first = offending[0];
      if (!first) return;
      const byLine = new Map<number, string[]>();
      for (const s of sources) {
        const line = s.run.span.line;
        const whats = byLine.get(line) ?? [];
        if (!whats.includes(s.what)) whats.push(s.what);
        byLine.set(line, whats);
      }
      report({
        instruction: run,
        span: first.span,
        message: messages.later(
          offending.map((c) => commandText(dockerfile, c)),
          [...byLine].sort((a, b) => a[0] - b[0]).map(([line, whats]) => ({ line, whats })),
          sources.every((s) => s.target.endsWith('-pkg')),
        ),
      });
    }
  },
});
