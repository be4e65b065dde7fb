import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { build, preview } from 'vite'

/** Builds (unless told not to) and serves dist/ on a free port of 127.0.0.1. */
export async function serveBuild({ skipBuild = false } = {}): Promise<{ url: string; close(): Promise<void> }> {
  if (!skipBuild || !existsSync('dist/index.html')) await build({ logLevel: 'warn' })
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } })
  const { port } = server.httpServer.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.httpServer.close(() => r())) }
}
