// Lint enforces the layers: services never import electron; the renderer imports only types from
// main/api.ts and values from main/shared/, whose modules import nothing but those types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** The thin Electron glue: the only files that may import `electron`. */
const ELECTRON_GLUE = [
  'main/app.ts',
  'main/window.ts',
  'main/protocol.ts',
  'main/preload.ts',
  'main/ipc.ts',
  'main/dialogs.ts',
];

/**
 * API methods the renderer must not call: each answers with every row of the library, 100,000 at the
 * size of a whole archive. The renderer asks for a page, the documents with notes, or rows by id.
 */
const RENDERER_FORBIDDEN_CALLS = [
  {
    property: 'listDocuments',
    message:
      'The renderer never receives the whole library: use listDocumentPage, listAnnotatedDocuments or getDocumentSummaries.',
  },
];

/** What the renderer may import from outside itself. */
const RENDERER_IMPORT_RULES = [
  {
    // main/markdown/read-markdown is the one other exception: browser-safe, see its block below.
    group: [
      '**/main/**',
      '!**/main/api',
      '!**/main/api.ts',
      '!**/main/shared',
      '!**/main/shared/*',
      '!**/main/markdown',
      '**/main/markdown/*',
      '!**/main/markdown/read-markdown',
    ],
    message:
      'The renderer is untrusted and runs in a browser: it may import only types from main/api.ts, values from main/shared/ and the Markdown reader.',
  },
  {
    group: ['**/main/api', '**/main/api.ts'],
    allowTypeImports: true,
    message: 'Import only types from main/api.ts.',
  },
  {
    group: ['node:*', 'electron', 'fs', 'path', 'child_process'],
    message: 'No Node or Electron in the renderer.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'bench/.corpus/**',
      'bench/.work/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'main/**/*.ts',
      'build/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      '*.config.*',
      'eslint.config.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.ts', 'build/**/*.ts', 'bench/**/*.ts'],
    ignores: ELECTRON_GLUE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Services are plain Node: only the Electron glue files may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // Values both processes need (defaults, orderings) live here once; the renderer bundles them too.
    files: ['main/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['*', '!../api', '!../api.ts'],
              message: 'main/shared/ imports nothing: the renderer bundles it. Only types from ../api.',
            },
            {
              group: ['../api', '../api.ts'],
              allowTypeImports: true,
              message: 'Import only types from ../api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Markdown reader is bundled into the renderer too: it may import only the parser packages and types.
    files: ['main/markdown/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'fs', 'path', 'child_process'],
              message: 'main/markdown runs in the renderer too.',
            },
            {
              group: ['../*', '!../api'],
              message: 'main/markdown runs in the renderer too: no other part of main/.',
            },
            { group: ['../api'], allowTypeImports: true, message: 'Import only types from main/api.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'no-restricted-properties': ['error', ...RENDERER_FORBIDDEN_CALLS],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: RENDERER_IMPORT_RULES,
        },
      ],
    },
  },
  {
    // Arrows point one way: the app renders components and uses controllers, never the reverse.
    files: ['renderer/controllers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_IMPORT_RULES,
            {
              group: ['../components/*', '../app/*'],
              message: 'Controllers hold behaviour only: templates and components belong to renderer/app/.',
            },
          ],
        },
      ],
    },
  },
);
