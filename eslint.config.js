import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.astro/**', 'node_modules/**', 'scratch/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure and shared by browser, CLI and agent.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/core is pure: no node:* imports. Pass data in instead.' },
            { regex: '^(?!\\.|dockerfile-ast$|dockerfile-utils$|web-tree-sitter$|zod$)', message: 'src/core may import only dockerfile-ast, dockerfile-utils, web-tree-sitter, zod and itself.' },
            { regex: '\\.\\./(node|cli|agent|islands|pages|components)/', message: 'src/core must not import Node, CLI or UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'fetch', 'localStorage', 'Date'],
    },
  },
);
