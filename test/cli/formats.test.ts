import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { APT, CLEAN, LATEST, project, ROOT, runCli, SHELL_CMD, type JsonOutput } from './helpers.ts';

const require = createRequire(path.join(ROOT, 'package.json'));

/**
 * The SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif (sarif-2.1.0-rtm.5.json, draft-04). Ajv 8
 * reads draft-07, so the one draft-04 keyword the file uses for its identity (`id`) is renamed.
 * unicodeRegExp is off because one `pattern` in that file is not a valid Unicode-mode regex.
 */
function sarifValidator(): ValidateFunction {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft4, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#', $id: String(id) });
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    columnKind: string;
    results: SarifResult[];
  }[];
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string; enabled?: boolean };
  properties: { category: string; equivalents: string[]; tags: string[] };
}
interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
}

let validate: ValidateFunction;
beforeAll(() => {
  validate = sarifValidator();
});

describe('--format sarif', () => {
  it('the schema check itself rejects broken logs', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
  });

  it('several files in ONE run, valid against the SARIF 2.1.0 schema, each result naming its file', async () => {
    const cwd = project({ Dockerfile: APT, 'services/api/Dockerfile': SHELL_CMD, 'web app/Dockerfile': LATEST, 'ok/Dockerfile': CLEAN });
    const r = await runCli(['lint', '--format', 'sarif', 'Dockerfile', 'services/api/Dockerfile', 'web app/Dockerfile', 'ok/Dockerfile'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout) as SarifLog;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`${pathToFileURL(cwd).href}/`);
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
    expect(run.results.map((x) => [x.ruleId, x.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['no-apt-lists-left-behind', 'Dockerfile'],
      ['use-exec-form-cmd', 'services/api/Dockerfile'],
      ['no-latest-tag', 'web%20app/Dockerfile'],
    ]);
    for (const res of run.results) {
      expect(res.locations[0]?.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(run.tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
    }
  });

  it('driver: name, version, rules with descriptions, help links, levels and properties', async () => {
    const cwd = project({ Dockerfile: APT });
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const log = JSON.parse((await runCli(['lint', '-f', 'sarif'], { cwd })).stdout) as SarifLog;
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'layerlab', version, informationUri: 'https://layerlab.dev' });
    const apt = driver.rules.find((x) => x.id === 'no-apt-lists-left-behind');
    expect(apt).toMatchObject({
      name: 'NoAptListsLeftBehind',
      shortDescription: { text: 'Remove the apt lists in the RUN that runs apt-get update' },
      helpUri: 'https://layerlab.dev/rules/no-apt-lists-left-behind',
      defaultConfiguration: { level: 'note' },
      properties: { category: 'size', equivalents: ['hadolint:DL3009'], tags: ['dockerfile', 'size'] },
    });
    expect(apt?.fullDescription.text).toMatch(/apt-get update/);
    expect(driver.rules.find((x) => x.id === 'no-latest-tag')?.defaultConfiguration.level).toBe('warning');
    expect(driver.rules.find((x) => x.id === 'no-latest-tag')?.defaultConfiguration.enabled).toBeUndefined();
    // Rules switched off by the config or --ignore are listed as disabled.
    const ignored = JSON.parse((await runCli(['lint', '-f', 'sarif', '--ignore', 'DL3007'], { cwd })).stdout) as SarifLog;
    expect(ignored.runs[0]!.tool.driver.rules.find((x) => x.id === 'no-latest-tag')?.defaultConfiguration).toEqual({ level: 'warning', enabled: false });
  });

  it('results: level mapping, exact region, fixes as replacements, stable fingerprints', async () => {
    const cwd = project({ Dockerfile: 'FROM node:latest\nRUN apt-get update && apt-get install -y curl\nCMD node server.js\n' });
    const first = JSON.parse((await runCli(['lint', '-f', 'sarif'], { cwd })).stdout) as SarifLog;
    const results = first.runs[0]!.results;
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['no-latest-tag', 'warning'],
      ['no-apt-lists-left-behind', 'note'],
      ['use-exec-form-cmd', 'warning'],
    ]);
    expect(results[0]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 });
    expect(results[0]?.fixes).toBeUndefined();
    expect(results[1]?.fixes).toEqual([
      {
        description: { text: 'Add `rm -rf /var/lib/apt/lists/*` to this RUN' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 46, endLine: 2, endColumn: 46 }, insertedContent: { text: ' && rm -rf /var/lib/apt/lists/*' } }],
          },
        ],
      },
    ]);
    expect(results[2]?.fixes?.[0]?.artifactChanges[0]?.replacements[0]).toEqual({
      deletedRegion: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 19 },
      insertedContent: { text: '["node", "server.js"]' },
    });
    const prints = results.map((x) => Object.values(x.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(3);
    // Same findings after lines are inserted above: same fingerprints.
    const moved = project({ Dockerfile: '# syntax=docker/dockerfile:1\n\nFROM node:latest\nRUN apt-get update && apt-get install -y curl\nCMD node server.js\n' });
    const second = JSON.parse((await runCli(['lint', '-f', 'sarif'], { cwd: moved })).stdout) as SarifLog;
    expect(second.runs[0]!.results.map((x) => Object.values(x.partialFingerprints)[0])).toEqual(prints);
    expect(validate(first)).toBe(true);
  });

  it('an unreadable file becomes a tool notification; the log stays valid', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const r = await runCli(['lint', '-f', 'sarif', 'Dockerfile', 'missing/Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ message: { text: 'cannot read missing/Dockerfile: no such file or directory.' } }] });
  });

  it('stdin and files outside the current directory stay valid URIs', async () => {
    const other = project({ Dockerfile: LATEST });
    const cwd = project({});
    const r = await runCli(['lint', '-f', 'sarif', '-', path.join(other, 'Dockerfile')], { cwd, input: SHELL_CMD });
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation)).toEqual([
      { uri: 'stdin', uriBaseId: '%SRCROOT%' },
      { uri: pathToFileURL(path.join(other, 'Dockerfile')).href },
    ]);
  });
});

describe('--format json', () => {
  it('follows the documented contract', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\nRUN apt-get update \\\n && apt-get install -y curl\n', 'b/Dockerfile': CLEAN });
    const r = await runCli(['lint', '--format', 'json', 'Dockerfile', 'b/Dockerfile'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOutput;
    expect(Object.keys(out)).toEqual(['version', 'tool', 'files', 'errors', 'summary']);
    expect(out.version).toBe(1);
    expect(out.files.map((f) => f.file)).toEqual(['Dockerfile', 'b/Dockerfile']);
    expect(out.files[1]).toEqual({ file: 'b/Dockerfile', fixesApplied: 0, suppressed: 0, findings: [] });
    expect(out.files[0]?.findings).toEqual([
      {
        ruleId: 'no-apt-lists-left-behind',
        severity: 'info',
        category: 'size',
        message: expect.stringContaining('`apt-get update`') as unknown as string,
        line: 2,
        span: { line: 2, column: 5, endLine: 2, endColumn: 19 },
        equivalents: ['hadolint:DL3009'],
        docsUrl: 'https://layerlab.dev/rules/no-apt-lists-left-behind',
        fix: { title: 'Add `rm -rf /var/lib/apt/lists/*` to this RUN', edits: [{ span: { line: 3, column: 28, endLine: 3, endColumn: 28 }, text: ' && rm -rf /var/lib/apt/lists/*' }] },
      },
    ]);
    expect(out.errors).toEqual([]);
    expect(out.summary).toEqual({ files: 2, findings: 1, error: 0, warning: 0, info: 1, style: 0, fixesApplied: 0, suppressed: 0, failureThreshold: 'info', failed: true, exitCode: 1 });
  });

  it('line is the first line of the instruction; span is the exact place', async () => {
    const cwd = project({ Dockerfile: 'FROM debian:bookworm\nRUN echo start && \\\n    apt-get update && \\\n    apt-get install -y curl\n' });
    const out = JSON.parse((await runCli(['lint', '-f', 'json'], { cwd })).stdout) as JsonOutput;
    expect(out.files[0]?.findings[0]).toMatchObject({ line: 2, span: { line: 3, column: 5, endLine: 3, endColumn: 19 } });
  });

  it('--docs-base-url changes docsUrl', async () => {
    const cwd = project({ Dockerfile: LATEST });
    const out = JSON.parse((await runCli(['lint', '-f', 'json', '--docs-base-url', 'https://intranet.example/lint'], { cwd })).stdout) as JsonOutput;
    expect(out.files[0]?.findings[0]?.docsUrl).toBe('https://intranet.example/lint/no-latest-tag');
  });
});

describe('--format checkstyle', () => {
  it('is checkstyle 4.3 XML with escaped attributes and layerlab.<rule> sources', async () => {
    const cwd = project({ 'a&b/Dockerfile': SHELL_CMD, 'c/Dockerfile': APT, 'ok/Dockerfile': CLEAN });
    const r = await runCli(['lint', '--format', 'checkstyle', 'a&b/Dockerfile', 'c/Dockerfile', 'ok/Dockerfile'], { cwd });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="utf-8"?>');
    expect(lines[1]).toBe('<checkstyle version="4.3">');
    expect(lines[2]).toBe('  <file name="a&amp;b/Dockerfile">');
    expect(lines[3]).toBe(
      '    <error line="2" column="5" severity="warning" message="CMD in shell form runs under `/bin/sh -c`, which does not pass signals on. Write it as a JSON array, e.g. CMD [&quot;executable&quot;, &quot;arg&quot;]." source="layerlab.use-exec-form-cmd"/>',
    );
    expect(lines[4]).toBe('  </file>');
    expect(lines[5]).toBe('  <file name="c/Dockerfile">');
    expect(lines[6]).toMatch(/^ {4}<error line="2" column="5" severity="info" message="`apt-get update` leaves [^"<>]*" source="layerlab.no-apt-lists-left-behind"\/>$/);
    expect(lines.slice(7)).toEqual(['  </file>', '  <file name="ok/Dockerfile">', '  </file>', '</checkstyle>']);
    // Nothing unescaped: every & starts an entity.
    expect(r.stdout.match(/&(?!amp;|quot;|lt;|gt;|apos;|#\d+;)/g)).toBeNull();
  });
});

describe('--format gitlab', () => {
  it('is a Code Quality array with stable, unique fingerprints and mapped severities', async () => {
    const cwd = project({ Dockerfile: 'FROM node:latest\nRUN apt-get update\n', 'api/Dockerfile': LATEST });
    const run = () => runCli(['lint', '--format', 'gitlab', 'Dockerfile', 'api/Dockerfile'], { cwd });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code).toBe(1);
    const issues = JSON.parse(a.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['no-latest-tag', 'major', 'Dockerfile', 1],
      ['no-apt-lists-left-behind', 'minor', 'Dockerfile', 2],
      ['no-latest-tag', 'major', 'api/Dockerfile', 1],
    ]);
    for (const i of issues) {
      expect(i.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(i.description.length).toBeGreaterThan(20);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(b.stdout).toBe(a.stdout);
  });

  it('no findings: an empty array', async () => {
    const r = await runCli(['lint', '-f', 'gitlab'], { cwd: project({ Dockerfile: CLEAN }) });
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});
