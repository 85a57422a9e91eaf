import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Layers are kept honest here: domain code never imports Electron or React, the renderer reaches
// main only through the contract, the shared catalogues and pure rules.
const rendererMayImportFromMain =
  '^(\\.\\./)+main/(?!contract\\.ts$|[^/]+/contract\\.ts$|ipc/(contract-kit|fields)\\.ts$|i18n/(zh-CN|en)\\.ts$|[^/]+/rules/|[^/]+/vocabulary\\.ts$)';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'react', 'antd'], patterns: ['**/renderer/**'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'drizzle-orm', 'exceljs'],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            { regex: rendererMayImportFromMain, message: 'The renderer reaches main through window.api (the contract) only.' },
          ],
        },
      ],
    },
  },
  {
    // Tests poke at bad input on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
