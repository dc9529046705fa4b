/** Finds, reads and validates `.layerlab.json`, then merges the command-line flags over it. */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfig, type FailureThreshold, type ResolvedConfig, type RuleIdentity } from '../core/lint/config.ts';
import { CliError, describeFsError } from './io.ts';

export const CONFIG_FILE_NAME = '.layerlab.json';

/**
 * The nearest `.layerlab.json` from `start` upward. The search stops after a directory that contains
 * `.git` (the repository root) or at the filesystem root.
 */
export function findConfigFile(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export interface CliConfigFlags {
  ignore: readonly string[];
  trustedRegistries: readonly string[];
  failureThreshold: FailureThreshold | undefined;
}

export interface LoadedConfig {
  /** Absolute path of the file used, or null when none was found. */
  file: string | null;
  config: ResolvedConfig;
}

/** defaults < config file < command-line flags (lists concatenate). */
export async function loadConfig(options: { cwd: string; explicit: string | undefined; flags: CliConfigFlags; rules: readonly RuleIdentity[] }): Promise<LoadedConfig> {
  const file = options.explicit !== undefined ? path.resolve(options.cwd, options.explicit) : findConfigFile(options.cwd);
  const shown = file ? path.relative(options.cwd, file) || file : '';
  let base: ResolvedConfig | undefined;
  if (file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const hint = options.explicit !== undefined ? 'Check the path given to --config.' : 'Fix its permissions, or pass --config with another file.';
      throw new CliError(`layerlab: cannot read config file ${shown}: ${describeFsError(error)}. ${hint}`);
    }
    let input: unknown;
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CliError(`layerlab: config file ${shown} is not valid JSON (${detail}). It must hold one JSON object, e.g. {"ignore": ["DL3008"]}.`);
    }
    const resolved = resolveConfig(input, options.rules);
    if (!resolved.ok) {
      throw new CliError(
        [`layerlab: config file ${shown} is invalid:`, ...resolved.errors.map((e) => `  ${e}`), `Fix the fields above in ${shown} (see "Configuration file" in the README).`].join('\n'),
      );
    }
    base = resolved.config;
  }
  const { flags } = options;
  const merged = resolveConfig(
    {
      ignore: [...flags.ignore],
      trustedRegistries: [...flags.trustedRegistries],
      ...(flags.failureThreshold ? { failureThreshold: flags.failureThreshold } : {}),
    },
    options.rules,
    base,
  );
  if (!merged.ok) {
    const lines = merged.errors.map((e) => `  ${e.replace(/^ignore: /, '--ignore: ')}`);
    throw new CliError([`layerlab lint: invalid command-line option:`, ...lines].join('\n'));
  }
  return { file, config: merged.config };
}
