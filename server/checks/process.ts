// The checker process: a table sent to the publish API is hashed and checked by DuckDB-WASM here, apart from
// the server, at a lower CPU priority. A 1,000,000-row check keeps a core busy for seconds;
// in its own process, below the server, it does not hold up the manifest polls of 200
// screens. Bundled to dist-server/checker.mjs; started (and ended) by checks/client.ts.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import os from 'node:os'

import { resolveTable } from '../tables'
import { TableChecker } from './checker'
import type { CheckReply, CheckRequest, ReferenceFile } from './protocol'

/** Lower than the server (0); the engine's worker thread, started later, inherits it. */
const NICE = 10

try {
  os.setPriority(NICE)
} catch {
  // Not allowed here: the checks still run, at the server's priority.
}

let references: Readonly<Record<string, ReferenceFile>> = {}
const checker = new TableChecker(async (table) => {
  const ref = references[table]
  if (!ref) throw new Error(`no reference file for ${table}`)
  return { key: ref.key, bytes: new Uint8Array(await readFile(ref.file)) }
})

const reply = (message: CheckReply) => process.send?.(message)

process.on('message', (request: CheckRequest) => {
  void (async () => {
    try {
      const resolved = resolveTable(request.table)
      if (!resolved.ok) throw new Error(resolved.error)
      references = request.references
      const bytes = new Uint8Array(await readFile(request.file))
      // The version's name; hashed here, off the server's event loop, before the engine takes the bytes.
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      reply({ id: request.id, sha256, outcome: await checker.check(resolved.target, bytes) })
    } catch (error) {
      reply({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })()
})

// Ends with the server.
process.on('disconnect', () => {
  void checker.close().finally(() => process.exit(0))
})
