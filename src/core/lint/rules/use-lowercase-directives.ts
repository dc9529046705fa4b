import { defineRule } from '../define-rule.ts';

export const useLowercaseDirectives = defineRule({
  id: 'use-lowercase-directives',
  title: 'Write parser directives in lowercase',
  category: 'maintainability',
  severity: 'style',
  equivalents: [],
  lesson: null,
  why:
    'Parser directives such as `# syntax=`, `# escape=` and `# check=` must be the first lines of the file. Their names are case-insensitive, but the documented convention is lowercase, and a lowercase name is easier to recognise as a directive rather than an ordinary comment.',
  messages: {
    casing: (raw: string, lower: string) => `Write the directive name \`${raw}\` in lowercase: \`# ${lower}=…\`.`,
  },
  examples: {
    invalid: [
      { code: '# Syntax=docker/dockerfile:1\nFROM alpine:3.20', fixed: '# syntax=docker/dockerfile:1\nFROM alpine:3.20' },
      { code: '# ESCAPE=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022', fixed: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022' },
    ],
    valid: ['# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20', '# A Comment=not a directive\n\nFROM alpine:3.20'],
  },
  check({ dockerfile, report }, messages) {
    for (const d of dockerfile.directives) {
      const text = dockerfile.lineText(d.span.line);
      const m = /^(\s*#\s*)([A-Za-z]+)/.exec(text);
      const raw = m?.[2];
      if (!m || !raw || raw === raw.toLowerCase()) continue;
      const column = (m[1] as string).length + 1;
      const span = { line: d.span.line, column, endLine: d.span.line, endColumn: column + raw.length };
      report({ span, message: messages.casing(raw, raw.toLowerCase()), fix: { title: 'Lowercase the directive name', edits: [{ span, text: raw.toLowerCase() }] } });
    }
  },
});
