// @ts-check
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layering of docs/STYLE.md, made real: each entry says what a folder may not import.
 * Dependency direction: app → pages/bigscreen → widgets → specs → everything else → lib.
 */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map((group) => ({ group: Array.isArray(group) ? group : [group], message })) },
    ],
  },
})

const DUCKDB = ['@duckdb/*', 'apache-arrow', 'apache-arrow/*']
const UPWARD = ['**/app/*', '**/pages/*', '**/bigscreen/*', '**/widgets/*', '**/widgets/**']

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-server/**',
      'dist-archive/**',
      'published/**',
      'node_modules/**',
      'bench/results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // Side-effect imports (style sheets) stay last, in the order written: CSS order is cascade order.
      'simple-import-sort/imports': ['error', { groups: [['^node:'], ['^@?\\w'], ['^'], ['^\\.'], ['^\\u0000']] }],
      'simple-import-sort/exports': 'error',
      'no-duplicate-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Untrusted text from files must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text as text: innerHTML turns file contents into markup.' },
        { property: 'outerHTML', message: 'Render text as text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' },
      ],
    },
  },
  // Only src/db touches DuckDB.
  layer(['src/**/*.{ts,tsx}'], [DUCKDB], 'Only src/db may touch DuckDB; ask the connector instead.'),
  { files: ['src/db/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  layer(
    ['src/db/**/*.ts'],
    [['react', 'react-dom', 'echarts', 'echarts/*'], UPWARD],
    'src/db is the data engine: no React, no charts, no views.',
  ),
  // lib imports nothing internal.
  layer(
    ['src/lib/**/*.ts'],
    [
      ['react', 'react-dom', 'echarts', 'echarts/*', ...DUCKDB],
      ['../*/**', '../*', '!../lib/**'],
    ],
    'src/lib is pure and imports nothing internal.',
  ),
  // Pure builders: no React, no DuckDB, no views.
  layer(
    ['src/charts/**/*.ts', 'src/queries/**/*.ts'],
    [['react', 'react-dom', ...DUCKDB], UPWARD, ['**/db/*', '**/state/*', '**/ui/*', '**/export/*', '**/specs/*']],
    'charts/ and queries/ are pure functions: data in, option or SQL out.',
  ),
  // Specs sit between the builders and the views: one definition per chart, figure and narrative, as pure data.
  layer(
    ['src/specs/**/*.ts'],
    [
      ['react', 'react-dom', 'echarts', 'echarts/*', ...DUCKDB],
      UPWARD,
      ['**/db/*', '**/state/*', '**/ui/*', '**/export/*', '**/explore/*', '**/ingest/*'],
    ],
    'src/specs is pure: queries, option builders and words; no React, no engine, no state, no views.',
  ),
  // src/explore: the console's and chart builder's pure logic (SQL text, specs, stores over an injected storage).
  layer(
    ['src/explore/**/*.ts'],
    [
      ['react', 'react-dom', 'echarts', 'echarts/*', '@codemirror/*', ...DUCKDB],
      UPWARD,
      ['**/db/*', '**/state/*', '**/ui/*', '**/export/*'],
    ],
    'src/explore is pure: SQL text, chart specs and stores, no React, no engine, no views.',
  ),
  // Pages compose widgets: no SQL builders, no engine, no echarts.init.
  layer(
    ['src/pages/**/*.{ts,tsx}', 'src/bigscreen/**/*.{ts,tsx}'],
    [DUCKDB, ['**/db/*', '**/queries/*'], ['echarts', 'echarts/*']],
    'Pages compose widgets; data and charts live in widgets.',
  ),
  {
    files: ['src/pages/**/*.{ts,tsx}', 'src/bigscreen/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/\\b(SELECT|FROM|WHERE|GROUP BY)\\b/]',
          message: 'No SQL in pages: put it in src/queries.',
        },
        {
          selector: 'TemplateElement[value.raw=/\\b(SELECT|FROM|WHERE|GROUP BY)\\b/]',
          message: 'No SQL in pages: put it in src/queries.',
        },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' },
      ],
    },
  },
  // Generic UI has no domain.
  layer(
    ['src/ui/**/*.{ts,tsx}'],
    [DUCKDB, UPWARD, ['**/datasets/*', '**/queries/*', '**/db/*', '**/state/*']],
    'src/ui holds generic components with no domain imports.',
  ),
  layer(
    ['src/widgets/**/*.{ts,tsx}'],
    [DUCKDB, ['**/app/*', '**/pages/*', '**/bigscreen/*']],
    'Widgets never import pages or the app.',
  ),
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'bench/**/*.mjs', '*.config.{ts,js}'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
)
