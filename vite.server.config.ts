// The production server (server/) as ES modules for plain `node`: dist-server/server.mjs, and
// dist-server/checker.mjs for the process that checks published tables.
// Packages stay in node_modules (Vite leaves a server build's dependencies external); the
// app's own modules it shares (registry, checks, the DuckDB Node engine) are bundled in.
import { defineConfig } from 'vite'

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    // The server, and the checker process it starts (server/checks/process.ts).
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { server: 'server/main.ts', checker: 'server/checks/process.ts' },
      // Flat: the server finds checker.mjs beside the module that starts it.
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
})
