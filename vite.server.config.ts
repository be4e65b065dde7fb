// The production server (server/) as one ES module for plain `node`: dist-server/server.mjs.
// Packages stay in node_modules (Vite leaves a server build's dependencies external); the
// app's own modules it shares (registry, checks, the DuckDB Node engine) are bundled in.
import { defineConfig } from 'vite'

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'server.mjs' } },
  },
})
