// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'src/core/folder/validators.generated.js',
      'node_modules/**',
      'test-results/**',
      '.vscode-test/**',
      '*.vsix',
      'bench/repos/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain must not know VS Code exists: the CLI and plain-Node tests share it.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/core and src/cli must not import vscode.' }] },
      ],
    },
  },
  {
    // Browser-safe code every side shares (the webview too): it stands alone.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'src/shared imports only src/shared: no src/core, src/extension, src/cli, node:* or vscode.',
            },
          ],
        },
      ],
    },
  },
  {
    // The webview bundles the protocol: from the core it takes types only.
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./core/',
              allowTypeImports: true,
              message: 'The protocol takes only types from src/core (import type): the webview bundles it.',
            },
            {
              regex: '^(?!\\./|\\.\\./shared/|\\.\\./core/)',
              message: 'The protocol imports only its own files, src/shared and types of src/core.',
            },
          ],
        },
      ],
    },
  },
  // The webview runs in a browser: it imports lit, @vscode-elements, chart.js, its own files, src/protocol
  // and src/shared, nothing else. `up` is the way from a folder of it to the repository root.
  ...[
    { files: ['webview/*.ts'], up: '\\.\\./' },
    { files: ['webview/views/*.ts'], up: '\\.\\./\\.\\./' },
  ].map(({ files, up }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|lit$|@vscode-elements/|chart\\.js$)',
              message:
                'Of packages, the webview imports only lit, @vscode-elements and chart.js (no node:*, no vscode).',
            },
            {
              regex: `^${up}(?!src/(protocol|shared)/)`,
              message: 'Outside its folder, the webview imports only src/protocol and src/shared.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
