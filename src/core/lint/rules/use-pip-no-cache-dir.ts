import type { TextEdit } from '../../diagnostic.ts';
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { insertAfter } from '../package-managers/fixes.ts';
import { hadolintCommands, hasCacheOrTmpfsMountWith } from '../hadolint/index.ts';
import { isTruthy, pipInstallKeepsCache, pipInstallWord, scriptDisablesPipCache } from '../package-managers/languages.ts';

export const usePipNoCacheDir = defineRule({
  id: 'use-pip-no-cache-dir',
  title: 'Install with pip --no-cache-dir',
  category: 'size',
  severity: 'warning',
  equivalents: ['hadolint:DL3042'],
  lesson: 'cleanup-in-the-same-run',
  why:
    'pip keeps every downloaded wheel in ~/.cache/pip. In an image nobody runs pip again, so that cache is dead weight stored in the layer, often tens of MB. `--no-cache-dir` skips it. `ENV PIP_NO_CACHE_DIR=1` (in this stage or the stage it builds on), `PIP_NO_CACHE_DIR=1` in the RUN, or a BuildKit cache mount on the pip cache do the same; pipx and pipenv are not checked.',
  messages: {
    cache: (command: string) =>
      `\`${command}\` stores the downloaded packages in ~/.cache/pip inside this layer. Add \`--no-cache-dir\`, or mount the cache instead: \`RUN --mount=type=cache,target=/root/.cache/pip ...\`.`,
  },
  examples: {
    invalid: [
      {
        code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt',
        fixed: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
      },
      {
        code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip==24.2 && pip install -r requirements.txt',
        fixed: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip==24.2 && pip install --no-cache-dir -r requirements.txt',
      },
      'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install -r requirements.txt',
      'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip install -r requirements.txt',
    ],
    valid: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
      'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt',
      'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install -r requirements.txt',
      'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt',
      'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
      'FROM python:3.12-slim\nRUN pipx install poetry==1.8.3',
    ],
  },
  check({ dockerfile, report }, messages) {
    const envOff = pipCacheDisabledByEnv(dockerfile);
    for (const run of runs(dockerfile)) {
      if (envOff.has(run) || hasCacheOrTmpfsMountWith(run, '.cache/pip') || scriptDisablesPipCache(run.shell?.text ?? '')) continue;
      const bad = hadolintCommands(dockerfile, run).filter(pipInstallKeepsCache);
      const first = bad[0];
      if (!first) continue;
      const edits: TextEdit[] = [];
      for (const c of bad) {
        const word = pipInstallWord(c);
        const edit = word ? insertAfter(run, word, ' --no-cache-dir') : null;
        if (edit) edits.push(edit);
      }
      const fix = edits.length === bad.length ? { title: 'Add --no-cache-dir', edits } : undefined;
      report({ instruction: run, span: first.cmd.span, message: messages.cache(first.name.startsWith('python') ? `${first.name} -m pip install` : `${first.name} install`), fix });
    }
  },
});

/**
 * RUNs after a truthy `ENV PIP_NO_CACHE_DIR` in their stage, as hadolint tracks it: a stage is known by
 * its alias (or image name) and starts with the value of the stage or image it is built FROM.
 * ONBUILD RUN triggers see only ONBUILD ENV triggers.
 */
function pipCacheDisabledByEnv(df: ParsedDockerfile): Set<Instruction> {
  const out = new Set<Instruction>();
  const byStage = new Map<string, boolean>();
  let current = '';
  let onbuild = false;
  const disables = (i: Instruction) => {
    const p = i.properties.find((e) => e.name === 'PIP_NO_CACHE_DIR');
    return p !== undefined && isTruthy(p.value ?? '');
  };
  for (const i of df.instructions) {
    if (i.keyword === 'FROM') {
      const stage = df.stages.find((s) => s.from === i);
      const image = (stage?.image.name ?? '').toLowerCase();
      current = stage?.name ?? image;
      byStage.set(current, byStage.get(image) ?? false);
    } else if (i.keyword === 'ENV' && disables(i)) byStage.set(current, true);
    else if (i.keyword === 'RUN' && byStage.get(current) === true) out.add(i);
    const t = i.trigger;
    if (t?.keyword === 'ENV' && disables(t)) onbuild = true;
    else if (t?.keyword === 'RUN' && onbuild) out.add(t);
  }
  return out;
}
