import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { build } from 'vite'

import { ArrowMaker } from '../../scripts/arrow-maker'
import { onExit } from '../../tests/support/cleanup'
import { startServer } from '../../tests/support/server'

export interface Served {
  readonly url: string
  close(): Promise<void>
}

/**
 * Builds (unless told not to) and serves dist/ with the production server (the build's
 * dist-server/server.mjs, with an empty data dir) on a free port of 127.0.0.1.
 */
export async function serveBuild({ skipBuild = false } = {}): Promise<Served> {
  if (!skipBuild || !existsSync('dist/index.html') || !existsSync('dist-server/server.mjs'))
    await build({ logLevel: 'warn' })
  return serveDir('dist')
}

/**
 * Serves a copy of the build whose embedded tables are replaced (e.g. a million-row table),
 * given as CSV and made into Arrow streams as the build makes them, so the app loads them
 * exactly as it loads its own data.
 */
export async function serveBuildWith(
  files: Readonly<Record<string, string | Buffer>>,
  extra: Readonly<Record<string, Buffer>> = {},
): Promise<Served> {
  return serveTempDir('observatory-bench-dist-', async (dir) => {
    cpSync('dist', dir, { recursive: true })
    const arrow = new ArrowMaker()
    try {
      for (const [table, csv] of Object.entries(files)) {
        const name = readdirSync(path.join(dir, 'assets')).find(
          (f) => f.startsWith(`${table}-`) && f.endsWith('.arrow'),
        )
        if (!name) throw new Error(`no embedded file for ${table} in dist`)
        writeFileSync(path.join(dir, 'assets', name), await arrow.mustMake(table, csv))
        // The build's compressed copies hold the old rows: the server would prefer them.
        for (const suffix of ['.br', '.gz']) rmSync(path.join(dir, 'assets', name + suffix), { force: true })
      }
    } finally {
      await arrow.close()
    }
    // Files a benchmark page fetches for itself (not part of the app).
    for (const [name, body] of Object.entries(extra)) writeFileSync(path.join(dir, name), body)
  })
}

/**
 * Serves a new temporary directory once `fill` has written it. The directory goes when the
 * server is closed, if filling it fails, or when the process exits first.
 */
export async function serveTempDir(prefix: string, fill: (dir: string) => Promise<void>): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  const forget = onExit(remove)
  try {
    await fill(dir)
    const served = await serveDir(dir)
    return { url: served.url, close: async () => (await served.close(), remove(), forget()) }
  } catch (error) {
    remove()
    forget()
    throw error
  }
}

async function serveDir(outDir: string): Promise<Served> {
  const server = await startServer({ built: true, distDir: path.resolve(outDir) })
  return { url: server.url, close: () => server.close() }
}
