import { existsSync } from 'node:fs'
import path from 'node:path'

import { preview } from 'vite'

export interface PreviewServer {
  readonly url: string
  close(): Promise<void>
}

/**
 * Serves the existing production build on a free port of 127.0.0.1: dist/, or the folder in
 * E2E_DIST (so a build of work in progress can be tested without replacing dist/).
 */
export async function startPreviewServer(root = process.cwd()): Promise<PreviewServer> {
  const outDir = process.env.E2E_DIST ?? 'dist'
  if (!existsSync(path.resolve(root, outDir, 'index.html')))
    throw new Error(`${outDir}/index.html is missing: run \`vite build\` first`)
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  }
}
