import type { Span } from '../../diagnostic.ts';
import { BUILTIN_ARGS } from '../../parse/vars.ts';
import { defineRule } from '../define-rule.ts';
import { closestName } from '../helpers.ts';

/** Names referenced as `$NAME` or `${NAME…}` (nested defaults included), in order, once each. */
export function referencedVars(text: string, escapeChar = '\\'): string[] {
  const out: string[] = [];
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === escapeChar) continue;
    const name = m[1] as string;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export const noUndefinedArgInFrom = defineRule({
  id: 'no-undefined-arg-in-from',
  title: 'Declare every ARG that FROM uses before the first FROM',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['buildkit:UndefinedArgInFrom'],
  lesson: 'choosing-a-base-image',
  why:
    'FROM can only use ARGs declared before the first FROM (plus the predefined platform ARGs such as `BUILDPLATFORM` and `TARGETARCH`). An undeclared or misspelled name silently expands to an empty string, so `FROM python:${PYTHON_VERSON}-slim` asks for `python:-slim` and the build fails, or picks an image you did not mean. Declare it with a default (`ARG PYTHON_VERSION=3.12`) above the first FROM.',
  messages: {
    undefined: (name: string, suggestion: string | undefined) =>
      suggestion
        ? `\`${name}\` is not declared before the first FROM, so it expands to an empty string. Did you mean \`${suggestion}\`?`
        : `\`${name}\` is not declared before the first FROM, so it expands to an empty string here. Add \`ARG ${name}=<default>\` above the first FROM (an ARG inside a stage is not visible to FROM).`,
  },
  examples: {
    invalid: [
      'FROM python:${PYTHON_VERSION}-slim',
      'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSON}-slim',
      'FROM --platform=$BUILDPLATFROM golang:1.22 AS build',
    ],
    valid: [
      'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'ARG BASE\nFROM ${BASE:-alpine:3.20}',
    ],
  },
  check({ dockerfile, report }, messages) {
    const declared = new Set([...dockerfile.globalArgs.map((a) => a.name), ...BUILTIN_ARGS]);
    const escape = dockerfile.escapeChar;
    const check = (text: string, span: Span | undefined, instruction: (typeof dockerfile.stages)[number]['from']) => {
      for (const name of referencedVars(text, escape)) {
        if (declared.has(name)) continue;
        report({ instruction, span, message: messages.undefined(name, closestName(name, declared)) });
      }
    };
    for (const stage of dockerfile.stages) {
      check(stage.image.raw, stage.imageSpan ?? undefined, stage.from);
      const platform = stage.from.flags.find((f) => f.name === 'platform');
      if (platform?.value) check(platform.value, platform.span, stage.from);
    }
  },
});
