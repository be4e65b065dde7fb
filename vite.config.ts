import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * The production page may only talk to its own origin: a Content-Security-Policy makes
 * that a browser-enforced rule, not just a habit. (Build only: the dev server injects
 * inline scripts for hot reload.)
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'observatory-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' }],
  }
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of an intranet server.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
