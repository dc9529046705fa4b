/** The engine with its shell parser loaded from node_modules, for the CLI, the agent and tests. */
import { lintDockerfile, type LintOptions, type LintResult } from '../core/lint/run-rules.ts';
import type { ShellParser } from '../core/shell/types.ts';
import { loadShellParser } from './shell-binaries.ts';

export interface NodeLinter {
  shell: ShellParser;
  lint(text: string, options?: Omit<LintOptions, 'shell'>): LintResult;
}

export async function createNodeLinter(): Promise<NodeLinter> {
  const shell = await loadShellParser();
  return { shell, lint: (text, options = {}) => lintDockerfile(text, { ...options, shell }) };
}
