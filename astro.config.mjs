// @ts-check
import { defineConfig } from 'astro/config';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://layerlab.dev',
  srcDir: './src',
  publicDir: './public',
  // dist/ also holds the bundled CLI (dist/cli.mjs); the site goes in its own folder.
  outDir: './dist/site',
});
