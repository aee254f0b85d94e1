// @ts-check
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const sdkPackages = ['@octokit/*', '@gitbeaker/*', 'isomorphic-git', 'isomorphic-git/*']

/**
 * Layers import downward only (DESIGN.md, "Layers"):
 * app → features → lib → providers, storage. Provider SDKs live in providers/, IndexedDB in storage/.
 */
function restrict(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] }
}
const noSdk = {
  group: sdkPackages,
  message: 'Provider SDKs are imported by their adapter in src/providers/ only.',
}
const noIdb = { group: ['idb-keyval'], message: 'IndexedDB is reached through src/storage/ only.' }
const noUp = (layers, why) => ({
  group: layers.flatMap((layer) => [`@/${layer}/*`, `**/${layer}/*`]),
  message: why,
})
const noReact = {
  group: ['react', 'react-dom', '@mantine/*', '@tanstack/*', 'zustand'],
  message: 'This layer has no React.',
}
// Adapters are reached through lib/provider-for-connection so that each loads lazily.
const noAdapters = {
  group: ['@/providers/*/*'],
  message: 'Load adapters through lib/provider-for-connection (they are lazy chunks).',
}
// Components reach stored data through lib/ hooks; the schemas are pure and may be shared.
const noStorage = {
  group: ['@/storage/*', '!@/storage/schema.ts'],
  allowTypeImports: true,
  message: 'Reach storage through lib/; only types and the pure schemas come from storage/.',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      // Other build folders: the sub-path build of the e2e run, a second checkout's E2E_DIST.
      'dist-*/**',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'test-results-*/**',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
    },
  },
  {
    files: ['src/app/**'],
    rules: restrict([noSdk, noIdb, noAdapters, noStorage]),
  },
  {
    files: ['src/features/**'],
    rules: restrict([
      noSdk,
      noIdb,
      noAdapters,
      noStorage,
      noUp(['app'], 'Features do not import the app layer.'),
    ]),
  },
  {
    files: ['src/lib/**'],
    rules: restrict([
      noSdk,
      noIdb,
      noAdapters,
      noUp(['app', 'features'], 'lib/ sits below features and app.'),
    ]),
  },
  {
    // The one module that loads adapters, each as its own lazy chunk.
    files: ['src/lib/provider-for-connection.ts'],
    rules: restrict([noSdk, noIdb]),
  },
  {
    files: ['src/providers/**'],
    rules: restrict([
      noIdb,
      noUp(['app', 'features', 'lib', 'storage'], 'Adapters know nothing of the UI or storage.'),
      noReact,
    ]),
  },
  {
    files: ['src/storage/**'],
    rules: restrict([
      noSdk,
      noUp(['app', 'features', 'lib'], 'storage/ sits at the bottom.'),
      noReact,
    ]),
  },
  {
    files: ['src/**'],
    ignores: ['src/main.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/mocks/]',
          message: 'Only main.tsx loads the demo mocks.',
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/**',
      'mocks/**',
      '*.config.ts',
      'eslint.config.js',
      'scripts/**',
      'receiver/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs', 'receiver/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    ...tseslint.configs.disableTypeChecked,
  },
)
