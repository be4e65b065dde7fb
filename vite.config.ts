import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

import { embeddedData } from './scripts/embedded-data.ts'
import { offlineBuild } from './scripts/offline-build.ts'

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
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head' },
    ],
  }
}

/**
 * How `vite preview` serves the build (what `npm start`, the browser tests and the
 * benchmark use): every file under assets/ is named after its content, so the browser may
 * keep it for good. That spares a returning visitor the 34 MB engine download, and lets
 * the browser keep the engine's compiled code with the cached file (src/db/browser.ts), so
 * the next start does not compile it again. index.html is still checked on every visit.
 */
function cacheHashedAssets(): Plugin {
  return {
    name: 'observatory-cache-hashed-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (/^\/assets\/[^/?]+(\?|$)/.test(req.url ?? '')) {
          // The static server sets its own no-cache header later on: this one wins.
          const setHeader = res.setHeader.bind(res)
          res.setHeader = (name, value) =>
            setHeader(name, name.toLowerCase() === 'cache-control' ? 'public, max-age=31536000, immutable' : value)
        }
        next()
      })
    },
  }
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path of an intranet server.
  base: './',
  plugins: [react(), embeddedData(), contentSecurityPolicy(), cacheHashedAssets(), offlineBuild()],
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
