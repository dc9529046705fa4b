import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APT, APT_FIXED, CLEAN, project, runCli, type JsonOutput } from './helpers.ts';

const read = (dir: string, file = 'Dockerfile') => readFileSync(path.join(dir, file), 'utf8');

describe('layerlab lint --fix', () => {
  it('writes the fixes back, reports the count and the findings that remain', async () => {
    const cwd = project({ Dockerfile: 'FROM node:latest\nRUN apt-get update && apt-get install -y curl\nCMD node server.js\n' });
    const r = await runCli(['lint', '--fix'], { cwd });
    expect(read(cwd)).toBe('FROM node:latest\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD ["node", "server.js"]\n');
    expect(r.code).toBe(1); // no-latest-tag has no fix
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Dockerfile', '  fixed 2 problems', expect.stringMatching(/^ {2}1:6 {2}warning {2}`node:latest` .* {2}no-latest-tag$/)]);
    expect(r.stdout).toContain('(2 fixes applied)');
    expect(r.stderr).toBe('');
  });

  it('exit 0 when the fixes leave nothing at the threshold; a second run changes nothing', async () => {
    const cwd = project({ Dockerfile: APT });
    const first = await runCli(['lint', '--fix', '--format', 'json'], { cwd });
    expect(first.code).toBe(0);
    expect(read(cwd)).toBe(APT_FIXED);
    const out = JSON.parse(first.stdout) as JsonOutput;
    expect(out.files[0]).toMatchObject({ file: 'Dockerfile', fixesApplied: 1, findings: [] });
    expect(out.summary).toMatchObject({ fixesApplied: 1, findings: 0, exitCode: 0 });
    expect(first.stderr).toBe('layerlab lint: applied 1 fix to Dockerfile\n');
    const second = await runCli(['lint', '--fix', '--format', 'json'], { cwd });
    expect(read(cwd)).toBe(APT_FIXED);
    expect((JSON.parse(second.stdout) as JsonOutput).files[0]?.fixesApplied).toBe(0);
    expect(second.stderr).toBe('');
  });

  it('counts fixes per file and leaves clean files untouched', async () => {
    const cwd = project({ 'a/Dockerfile': APT, 'b/Dockerfile': 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD node server.js\n', 'c/Dockerfile': CLEAN });
    const r = await runCli(['lint', '--fix', '-f', 'json', 'a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile'], { cwd });
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(out.files.map((f) => [f.file, f.fixesApplied])).toEqual([
      ['a/Dockerfile', 1],
      ['b/Dockerfile', 2],
      ['c/Dockerfile', 0],
    ]);
    expect(read(cwd, 'b/Dockerfile')).toBe('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD ["node", "server.js"]\n');
    expect(read(cwd, 'c/Dockerfile')).toBe(CLEAN);
  });

  it('keeps a byte order mark and CRLF line endings', async () => {
    const cwd = project({ Dockerfile: '\uFEFFFROM debian:bookworm\r\nRUN apt-get update && apt-get install -y curl\r\n' });
    await runCli(['lint', '--fix'], { cwd });
    expect(read(cwd)).toBe('\uFEFFFROM debian:bookworm\r\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r\n');
  });

  it('with - prints the fixed Dockerfile on stdout and the report on stderr', async () => {
    const cwd = project({});
    const r = await runCli(['lint', '--fix', '-'], { cwd, input: 'FROM node:latest\nCMD node server.js\n' });
    expect(r.stdout).toBe('FROM node:latest\nCMD ["node", "server.js"]\n');
    expect(r.stderr).toContain('<stdin>\n  fixed 1 problem\n');
    expect(r.stderr).toContain('no-latest-tag');
    expect(r.code).toBe(1);
    const clean = await runCli(['lint', '--fix', '-'], { cwd, input: CLEAN });
    expect(clean).toMatchObject({ code: 0, stdout: CLEAN });
  });

  it('does not write when fixes are off; suppressed findings are not fixed', async () => {
    const cwd = project({ Dockerfile: APT });
    await runCli(['lint'], { cwd });
    expect(read(cwd)).toBe(APT);
    const suppressed = 'FROM debian:bookworm\n# layerlab-ignore no-apt-lists-left-behind -- lists are removed by the base image cleanup\nRUN apt-get update\n';
    writeFileSync(path.join(cwd, 'Dockerfile'), suppressed);
    const r = await runCli(['lint', '--fix'], { cwd });
    expect(r.code).toBe(0);
    expect(read(cwd)).toBe(suppressed);
  });
});
