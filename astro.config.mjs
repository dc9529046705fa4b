// @ts-check
import { defineConfig } from 'astro/config';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://layerlab.dev',
  srcDir: './src',
  publicDir: './public',
});
