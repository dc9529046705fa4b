import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands } from '../hadolint/index.ts';
import { listOf, unpinnedPipPackages } from '../package-managers/languages.ts';

export const usePinnedPipPackages = defineRule({
  id: 'use-pinned-pip-packages',
  title: 'Pin the versions of packages installed with pip',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3013'],
  lesson: null,
  why:
    '`pip install flask` installs whatever release is newest on the day of the build, so two builds of the same Dockerfile can ship different code, and a new major version can break the image without any change on your side. Pin each package (`flask==3.0.3`) or install from a pinned requirements or constraints file. Requirements files (`-r`), local projects (`.`), wheels, archives, paths and VCS URLs with `@ref` are not flagged.',
  messages: {
    unpinned: (packages: readonly string[]) =>
      `${listOf(packages)} ${packages.length > 1 ? 'are' : 'is'} installed without a version, so each build gets whatever is newest on the index. Pin ${packages.length > 1 ? 'them' : 'it'}, e.g. \`${packages[0] ?? ''}==<version>\`, or list pinned versions in a requirements file and run \`pip install -r requirements.txt\`.`,
  },
  examples: {
    invalid: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn==22.0.0',
      'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir --upgrade pip',
      'FROM python:3.12-slim\nRUN pip3 install --no-cache-dir git+https://github.com/pallets/flask.git#egg=flask',
      'FROM python:3.12-slim\nONBUILD RUN pip install --no-cache-dir requests',
    ],
    valid: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23"',
      'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
      'FROM python:3.12-slim\nCOPY . /src\nRUN pip install --no-cache-dir /src',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir -c constraints.txt flask',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir git+https://github.com/pallets/flask.git@3.0.3',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const run of runs(dockerfile)) {
      for (const c of hadolintCommands(dockerfile, run)) {
        const unpinned = unpinnedPipPackages(c);
        if (unpinned.length === 0) continue;
        report({ instruction: run, span: c.cmd.span, message: messages.unpinned(unpinned) });
        break;
      }
    }
  },
});
