import { startBrowserEngine } from '../db/browser'
import { loadCsvTables, type TableFile } from '../db/load-table'
import { embeddedUrl } from '../datasets/embedded'
import { TABLES } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import { nextRevision, setDataReady, setEngine, setTables, type TableState } from '../state/catalog'
import { coordinator } from '../state/coordinator'

async function fetchBytes(url: string | undefined): Promise<TableFile['file']> {
  if (!url) return { ok: false, reason: '文件缺失：构建中没有这张表的内置数据' }
  try {
    const response = await fetch(url)
    if (!response.ok) return { ok: false, reason: `文件缺失（HTTP ${response.status}）` }
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) }
  } catch (e) {
    return { ok: false, reason: `文件无法读取：${e instanceof Error ? e.message : String(e)}` }
  }
}

/**
 * Start-up: the embedded files download while DuckDB instantiates. The tables the open
 * page is waiting for load first, so its queries reach the engine ahead of the rest of the
 * data; then every other table loads. A table that fails is reported and the rest go on.
 * Marks: duckdb-ready, data-ready (app-ready is set when the page's widgets have settled).
 */
export async function boot(): Promise<void> {
  setTables(Object.fromEntries(TABLES.map((t) => [t.name, { status: 'loading' } as const])))
  const downloads = new Map(TABLES.map((t) => [t.name, fetchBytes(embeddedUrl(t))]))

  let engine: Awaited<ReturnType<typeof startBrowserEngine>>
  try {
    engine = await startBrowserEngine()
  } catch (e) {
    setEngine({ status: 'failed', reason: e instanceof Error ? e.message : String(e) })
    setTables(Object.fromEntries(TABLES.map((t) => [t.name, { status: 'error', reason: '数据引擎未能启动' } as const])))
    setDataReady()
    return
  }
  performance.mark('duckdb-ready')
  coordinator.attach(engine.connector)
  setEngine({ status: 'ready', bundle: engine.bundle })

  const wanted = coordinator.wantedTables()
  const first = TABLES.filter((t) => wanted.has(t.name))
  const rest = TABLES.filter((t) => !wanted.has(t.name))
  if (first.length) {
    // Loading them releases the queries waiting in the coordinator, which reach the engine
    // before the next batch does.
    await loadBatch(engine, first, downloads)
  }
  if (rest.length) await loadBatch(engine, rest, downloads)
  performance.mark('data-ready')
  setDataReady()
}

async function loadBatch(
  engine: Awaited<ReturnType<typeof startBrowserEngine>>,
  tables: readonly TableDef[],
  downloads: Map<string, Promise<TableFile['file']>>,
) {
  const files = await Promise.all(tables.map(async (table) => ({ table, file: await downloads.get(table.name)! })))
  const results = await loadCsvTables(engine.db, engine.connector, files)
  const states: Record<string, TableState> = {}
  for (const table of tables) {
    const r = results.get(table.name)!
    states[table.name] = r.ok
      ? { status: 'ready', rows: r.value.rows, latestPeriod: r.value.latestPeriod, source: 'embedded', revision: nextRevision() }
      : { status: 'error', reason: r.error.reason, ...(r.error.detail ? { detail: r.error.detail } : {}) }
  }
  // One update: waiting queries go out now, before the next batch is sent to the engine.
  setTables(states)
}
