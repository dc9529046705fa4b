import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { noCurlPipeToShell } from './no-curl-pipe-to-shell.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [noCurlPipeToShell] }).diagnostics;
const count = (run: string) => lint(`FROM debian:bookworm-slim\n${run}`).length;

describe('no-curl-pipe-to-shell', () => {
  test('reports the pipeline from the download to the shell', () => {
    const [d] = lint('FROM debian:bookworm-slim\nRUN apt-get update && curl -fsSL https://example.com/i.sh | bash -s -- --yes');
    expect(d?.span).toEqual({ line: 2, column: 23, endLine: 2, endColumn: 77 });
    expect(d?.message).toContain('`curl … | bash`');
    expect(d?.severity).toBe('warning');
  });

  test.each([
    'RUN wget -qO- https://example.com/i.sh | sh',
    'RUN wget -O - https://example.com/i.sh | /bin/sh',
    'RUN curl -fsSL https://example.com/i.sh | sudo -E bash -',
    'RUN sudo curl -fsSL https://example.com/i.sh | sh',
    'RUN curl -sSL "$(echo https://example.com/i.sh)" | sh',
    'RUN curl -sSL https://example.com/get-pip.py | python3',
    'RUN curl -sSL https://example.com/i.pl | perl',
    'RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer',
    'RUN bash <(curl -s https://example.com/i.sh)',
    'RUN sh -c "$(curl -fsSL https://example.com/i.sh)"',
    'RUN eval "$(wget -qO- https://example.com/env.sh)"',
    'ONBUILD RUN curl -fsSL https://example.com/i.sh | sh',
  ])('reports: %s', (run) => {
    expect(count(run)).toBe(1);
  });

  test.each([
    'RUN curl -fsSL https://example.com/a.tgz | tar -xz',
    'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg',
    'RUN curl -fsSL https://example.com/v.json | python3 -c "import json, sys; print(json.load(sys.stdin))"',
    'RUN curl -fsSL https://example.com/i.sh | bash -c "cat > /tmp/i.sh"',
    'RUN curl -fsSL https://example.com/i.sh | tee /tmp/i.sh > /dev/null',
    'RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh',
    'RUN curl -fsSL https://example.com/i.sh | sh /dev/stdin-is-data.sh',
    'RUN echo "curl https://example.com | sh" > /README',
    'RUN curl -fsSL https://example.com/v.txt | php -r "echo trim(stream_get_contents(STDIN));"',
  ])('accepts: %s', (run) => {
    expect(count(run)).toBe(0);
  });
});
