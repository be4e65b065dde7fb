import { existsSync } from 'node:fs'
import path from 'node:path'
import { preview } from 'vite'

export interface PreviewServer {
  readonly url: string
  close(): Promise<void>
}

/** Serves the existing production build (dist/) on a free port of 127.0.0.1. */
export async function startPreviewServer(root = process.cwd()): Promise<PreviewServer> {
  if (!existsSync(path.join(root, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: run `vite build` first')
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  }
}
