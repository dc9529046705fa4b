import type { TextEdit } from '../../diagnostic.ts';
import type { ParsedDockerfile, Stage } from '../../parse/model.ts';
import { defineRule } from '../define-rule.ts';

export const useLowercaseStageName = defineRule({
  id: 'use-lowercase-stage-name',
  title: 'Write stage names in lower case',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['buildkit:StageNameCasing'],
  lesson: null,
  why:
    'BuildKit lower-cases stage names, so `AS Builder` is really `builder`, yet other tools (hadolint, scripts that grep for `--from=Builder`) compare them exactly as written. A name in lower case means the same thing everywhere. BuildKit warns about it.',
  messages: {
    casing: (name: string) =>
      `Stage name \`${name}\` is not lower case. BuildKit treats it as \`${name.toLowerCase()}\`, while other tools compare names exactly; write \`AS ${name.toLowerCase()}\` and use that spelling in \`COPY --from\` and \`FROM\`.`,
  },
  examples: {
    invalid: [
      { code: 'FROM golang:1.22 AS Build\nRUN go build -o /app .', fixed: 'FROM golang:1.22 AS build\nRUN go build -o /app .' },
      {
        code: 'FROM golang:1.22 AS goBuilder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=goBuilder /app /app',
        fixed: 'FROM golang:1.22 AS gobuilder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=gobuilder /app /app',
      },
    ],
    valid: ['FROM golang:1.22 AS build', 'FROM golang:1.22 AS go-builder\nFROM alpine:3.20\nCOPY --from=go-builder /app /app'],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      const name = stage.nameRaw;
      if (name === null || !stage.nameSpan || stage.from.args.length !== 3 || name === name.toLowerCase()) continue;
      const edits: TextEdit[] = [{ span: stage.nameSpan, text: name.toLowerCase() }, ...referenceEdits(dockerfile, stage)];
      report({ instruction: stage.from, span: stage.nameSpan, message: messages.casing(name), fix: { title: `Rename the stage to \`${name.toLowerCase()}\``, edits } });
    }
  },
});

/** Later references to the stage written in another case: `FROM Name`, `COPY --from=Name`, `--mount=…,from=Name`. */
function referenceEdits(df: ParsedDockerfile, stage: Stage): TextEdit[] {
  const lower = (stage.nameRaw as string).toLowerCase();
  const edits: TextEdit[] = [];
  for (const i of df.instructions) {
    if (i.index <= stage.from.index) continue;
    if (i.keyword === 'FROM') {
      const s = df.stages[i.stage];
      if (s && s.imageSpan && s.image.raw !== lower && s.image.raw.toLowerCase() === lower) edits.push({ span: s.imageSpan, text: lower });
      continue;
    }
    for (const f of i.flags) {
      if (!f.valueSpan || f.value === null) continue;
      if (i.keyword === 'COPY' && f.name === 'from' && f.value !== lower && f.value.toLowerCase() === lower) {
        edits.push({ span: f.valueSpan, text: lower });
      } else if (i.keyword === 'RUN' && f.name === 'mount') {
        const start = df.offsetOf(f.valueSpan.line, f.valueSpan.column);
        const text = df.text.slice(start, df.offsetOf(f.valueSpan.endLine, f.valueSpan.endColumn));
        const m = /(^|,)from=([^,]*)/.exec(text);
        const value = m?.[2];
        if (m && value !== undefined && value !== lower && value.toLowerCase() === lower) {
          const at = start + m.index + (m[1] as string).length + 'from='.length;
          edits.push({ span: df.spanOf(at, at + value.length), text: lower });
        }
      }
    }
  }
  return edits;
}
