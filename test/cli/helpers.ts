/** Spawns the real CLI (node bin/layerlab.mjs) in temporary directories with real files. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../src/core/lint/registry.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'layerlab.mjs');

// bin/layerlab.mjs prefers dist/cli.mjs; a stale build there would be tested instead of src/cli.
if (existsSync(path.join(ROOT, 'dist', 'cli.mjs'))) {
  throw new Error('dist/cli.mjs exists, so bin/layerlab.mjs would run that build instead of the sources under test. Delete it (rm -rf dist) and run the tests again.');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * A fresh directory holding `files` (path -> content). It gets a .git (so the config search stops
 * there) and, unless `files` has one or `isolate` is false, a .layerlab.json from `isolatedConfig()`.
 */
export function project(files: Record<string, string>, options: { git?: boolean; isolate?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-'));
  if (options.git !== false) mkdirSync(path.join(dir, '.git'));
  if (options.isolate !== false && !('.layerlab.json' in files)) writeFileSync(path.join(dir, '.layerlab.json'), isolatedConfig());
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Findings of three rules that exist from the start: info, warning (fixable), warning. */
export const APT = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n';
export const APT_FIXED = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';
export const LATEST = 'FROM node:latest\nCMD ["node", "server.js"]\n';
export const SHELL_CMD = 'FROM python:3.12-slim\nCMD gunicorn app.wsgi\n';
export const CLEAN = 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n';

export interface JsonFinding {
  ruleId: string;
  severity: string;
  category: string;
  message: string;
  line: number;
  span: { line: number; column: number; endLine: number; endColumn: number };
  equivalents: string[];
  docsUrl: string;
  fix?: { title: string; edits: { span: { line: number; column: number; endLine: number; endColumn: number }; text: string }[] };
}

export interface JsonOutput {
  version: number;
  tool: { name: string; version: string };
  files: { file: string; fixesApplied: number; suppressed: number; findings: JsonFinding[] }[];
  errors: { file: string; message: string }[];
  summary: Record<string, unknown>;
}

export function ruleIds(output: JsonOutput): string[] {
  return output.files.flatMap((f) => f.findings.map((x) => x.ruleId));
}

/** The rules the CLI tests rely on; other rules (written concurrently) are switched off by `isolatedConfig`. */
export const KNOWN_RULES = ['no-apt-lists-left-behind', 'no-latest-tag', 'use-exec-form-cmd'];

/** A `.layerlab.json` body that switches off every rule but KNOWN_RULES, plus `extra` fields. */
export function isolatedConfig(extra: Record<string, unknown> = {}): string {
  const others = registeredRuleIds().filter((id) => !KNOWN_RULES.includes(id));
  const ignore = [...others, ...((extra['ignore'] as string[] | undefined) ?? [])];
  return `${JSON.stringify({ ...extra, ignore }, null, 2)}\n`;
}

function registeredRuleIds(): string[] {
  return rules.map((r) => r.id);
}
