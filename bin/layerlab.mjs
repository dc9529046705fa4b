#!/usr/bin/env node
// Runs the built CLI (dist/cli.mjs, made by `npm run build:cli` and shipped in the package); in a
// clone without a build it runs the TypeScript sources directly (Node >= 22.18 strips types).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.mjs', import.meta.url);
const source = new URL('../src/cli/main.ts', import.meta.url);
const [major, minor] = process.versions.node.split('.').map(Number);
if (!existsSync(fileURLToPath(built)) && (major < 22 || (major === 22 && minor < 18))) {
  console.error(`layerlab: Node ${process.versions.node} is too old to run from source. Use Node >= 22.18 (see .nvmrc), or run \`npm run build:cli\` first.`);
  process.exit(2);
}
const { main } = await import(existsSync(fileURLToPath(built)) ? built.href : source.href);
process.exitCode = await main(process.argv.slice(2));
