// The benchmark's replay page (bench/engine.ts): a DuckDB engine started exactly as the app
// starts it, given the app's start-up work — the statements and Arrow inserts the app sent
// between duckdb-ready and app-ready, recorded on a cold load — twice in a row. The first
// pass is what the engine costs the app on a cold start; the second, the same work once every
// piece of the engine it needs has been compiled. No page, no charts: engine time only.
import { embeddedUrl } from '../../src/datasets/embedded'
import { TABLES } from '../../src/datasets/registry'
import { startBrowserEngine } from '../../src/db/browser'
import type { LoggedStatement } from '../../src/db/statement-log'

interface Pass {
  readonly totalMs: number
  readonly ms: number[]
}
const w = window as unknown as {
  __replayWork: LoggedStatement[]
  __replay?: { engineMs: number; passes: Pass[]; errors: string[] } | { failed: string }
}

async function main() {
  const work = w.__replayWork
  // The embedded files download while the engine starts, as at the app's start-up.
  const files = new Map(
    TABLES.map((t) => [t.name, fetch(embeddedUrl(t)!).then(async (r) => new Uint8Array(await r.arrayBuffer()))]),
  )
  const t0 = performance.now()
  const engine = await startBrowserEngine()
  const engineMs = performance.now() - t0
  const bytes = new Map(await Promise.all([...files].map(async ([name, p]) => [name, await p] as const)))
  const errors: string[] = []
  const passes: Pass[] = []
  for (let pass = 0; pass < 2; pass++) {
    const ms: number[] = []
    const start = performance.now()
    for (const step of work) {
      const a = performance.now()
      if (step.kind === 'sql') {
        const r = await engine.connector.query(step.sql, step.params as never)
        if (!r.ok) errors.push(`${r.error.message.split('\n')[0]} — ${step.sql.slice(0, 80)}`)
      } else {
        await engine.connector.connection.insertArrowFromIPCStream(bytes.get(step.table)!.slice(), {
          name: step.table,
          create: false,
        })
      }
      ms.push(performance.now() - a)
    }
    passes.push({ totalMs: performance.now() - start, ms })
  }
  w.__replay = { engineMs, passes, errors }
}

main().catch((e: unknown) => (w.__replay = { failed: e instanceof Error ? e.message : String(e) }))
