// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Every browser-only global (DOM, storage, workers, media, …), plus the network and `self`, which
// Node shares with browsers. tsconfig.models.json also type-checks models/ without the DOM library.
const browserOnly = Object.keys(globals.browser).filter((k) => !(k in globals['shared-node-browser']));
const DOM_GLOBALS = [
  ...new Set([
    ...browserOnly,
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'self',
    'importScripts',
    'localStorage',
    'sessionStorage',
    'navigator',
    'indexedDB',
    'caches',
    'window',
    'document',
    'location',
  ]),
].map((name) => ({ name, message: 'models/ is pure TypeScript: no DOM, storage, workers or network. Pass data in as arguments.' }));

const TFJS = { group: ['@tensorflow/*'], message: 'TensorFlow.js is loaded lazily inside the ml worker only (src/ml/).' };
const WORKER_ENTRIES = {
  group: ['**/workers/*.worker*'],
  message:
    'Call workers through the bridge (src/workers/index.ts); take their types from the domain modules (src/twin, src/share, src/ml, …).',
};
const UI = {
  group: ['**/ui/*', '**/ui/**'],
  message: 'The engine does not depend on the UI: return message keys and data, and let src/ui word them.',
};
/** The engine: what the workers run, and the database. */
const ENGINE = ['src/import', 'src/twin', 'src/ml', 'src/share', 'src/data', 'src/risk', 'src/rpc'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'dev-dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [TFJS],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The fence around models/: pure functions that workers, tests and the CLI share.
    files: ['models/**/*.ts'],
    ignores: ['models/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'comlink', 'chart.js'].map((name) => ({
            name,
            message: 'models/ is pure TypeScript: no React, Dexie, Comlink or Chart.js.',
          })),
          patterns: [
            { group: ['react/*', 'react-dom/*', 'dexie/*', 'chart.js/*'], message: 'models/ is pure TypeScript.' },
            {
              group: ['**/src/*', '**/src/**', '**/workers/*', '**/workers/**'],
              message: 'models/ must not depend on the app or the workers.',
            },
            { group: ['node:*'], message: 'models/ runs in browsers too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['test/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The UI reaches the workers through src/workers (the bridge), never by importing a worker entry,
    // not even for a type: the calls' types live in the domain modules (src/twin, src/share, src/ml, …).
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS, WORKER_ENTRIES] }],
    },
  },
  {
    // Layers: the engine (what the workers run, and the database) never depends on the UI.
    files: ENGINE.map((d) => `${d}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [TFJS, WORKER_ENTRIES, UI] }],
    },
  },
  {
    // tfjs is loaded lazily here and nowhere else.
    files: ['src/ml/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [WORKER_ENTRIES, UI] }],
    },
  },
);
