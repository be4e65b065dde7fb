import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

import { embeddedData } from './scripts/embedded-data.ts'
import { offlineBuild } from './scripts/offline-build.ts'
import { precompress } from './scripts/precompress.ts'
import { serverBundle } from './scripts/server-bundle.ts'
import { CSP } from './server/csp.ts'

/**
 * The production page may only talk to its own origin (server/csp.ts): the policy goes into
 * index.html, so a static copy of dist/ keeps it. (Build only: the dev server injects inline
 * scripts for hot reload.)
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'observatory-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' },
    ],
  }
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of an intranet server.
  base: './',
  plugins: [react(), embeddedData(), contentSecurityPolicy(), offlineBuild(), precompress(), serverBundle()],
  build: {
    target: 'es2022',
    // The DuckDB wasm files are big by nature; everything else should stay small.
    chunkSizeWarningLimit: 900,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB-WASM instances are heavy: a few workers at a time on a 2-core machine.
    maxWorkers: 2,
  },
})
