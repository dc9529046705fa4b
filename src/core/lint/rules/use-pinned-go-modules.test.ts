import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { usePinnedGoModules as rule } from './use-pinned-go-modules.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (cmd: string) => findings(`FROM golang:1.23\nRUN ${cmd}`).length;
const countOnbuild = (cmd: string) => findings(`FROM golang:1.23\nONBUILD RUN ${cmd}`).length;

describe('use-pinned-go-modules (hadolint DL3062)', () => {
  test.each(['install', 'get', 'run'])('go %s: no version, @latest and @none are flagged; a version is not', (sub) => {
    for (const m of ['example.com/tool', 'example.com/tool@latest', 'example.com/tool@none']) {
      expect(count(`go ${sub} ${m}`)).toBe(1);
      expect(countOnbuild(`go ${sub} ${m}`)).toBe(1);
    }
    expect(count(`go ${sub} example.com/tool@v1.2.3`)).toBe(0);
    expect(countOnbuild(`go ${sub} example.com/tool@v1.2.3`)).toBe(0);
  });

  test.each(['go install .', 'go install ./cmd/...', 'go install /src/cmd/app', 'go build ./...', 'go mod download', 'go get', 'go install -ldflags "-s -w" ./cmd/app'])('accepts %s', (cmd) => {
    expect(count(cmd)).toBe(0);
  });

  test('go run: only the module is checked, not the program arguments', () => {
    expect(count('go run example.com/gen@v1.0.0 example.com/other')).toBe(0);
  });

  test('like hadolint, when the RUN has a go run, go install is not checked', () => {
    expect(count('go run example.com/gen@v1.0.0 && go install example.com/tool')).toBe(0);
  });

  test('reports the go command', () => {
    const d = findings('FROM golang:1.23\nRUN go mod download && go install golang.org/x/tools/gopls@latest');
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 2, column: 24, endLine: 2, endColumn: 66 });
  });
});
