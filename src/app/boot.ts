import { embeddedUrl } from '../datasets/embedded'
import { TABLES } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import { type BrowserEngine, startBrowserEngine } from '../db/browser'
import { loadArrowTables, type TableFile } from '../db/load-table'
import { offerTestHooks } from '../lib/test-hooks'
import { catalog, nextRevision, setDataReady, setEngine, setTables, type TableState } from '../state/catalog'
import type { Coordinator } from '../state/coordinator'
import { forgetEngine, replayUploads, tablesWithStoredUploads } from '../state/uploads'

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

let engine: BrowserEngine | null = null
/** The app's coordinator, given at start-up: the engine is attached to it, and taken away on a restart. */
let coordinator: Coordinator
/** The embedded files, kept so a restarted engine can load them again without the network. */
let downloads = new Map<string, Promise<TableFile['file']>>()
let restarting: Promise<void> | null = null

/**
 * Start-up: the embedded files download while DuckDB instantiates. The tables the open
 * page is waiting for load first, so its queries reach the engine ahead of the rest of the
 * data; then every other table loads. A table that fails is reported and the rest go on.
 * Marks: duckdb-ready, data-ready (app-ready is set when the page's widgets have settled).
 */
export async function boot(appCoordinator: Coordinator): Promise<void> {
  coordinator = appCoordinator
  setTables(Object.fromEntries(TABLES.map((t) => [t.name, { status: 'loading' } as const])))
  downloads = new Map(TABLES.map((t) => [t.name, fetchBytes(embeddedUrl(t))]))
  const holding = tablesWithStoredUploads()

  try {
    engine = await startEngine()
  } catch (e) {
    setEngine({ status: 'failed', reason: e instanceof Error ? e.message : String(e) })
    setTables(Object.fromEntries(TABLES.map((t) => [t.name, { status: 'error', reason: '数据引擎未能启动' } as const])))
    setDataReady()
    return
  }
  performance.mark('duckdb-ready')

  const wanted = coordinator.wantedTables()
  const first = TABLES.filter((t) => wanted.has(t.name))
  const rest = TABLES.filter((t) => !wanted.has(t.name))
  // Loading them releases the queries waiting in the coordinator, which reach the engine
  // before the next batch does.
  const held = {
    ...(first.length ? await loadBatch(engine, first, holding) : {}),
    ...(rest.length ? await loadBatch(engine, rest, holding) : {}),
  }
  await replayUploads(engine.db, held)
  performance.mark('data-ready')
  setDataReady()
}

async function startEngine(): Promise<BrowserEngine> {
  const started = await startBrowserEngine()
  started.onCrash((reason) => void restartEngine(reason))
  coordinator.attach(started.connector)
  setEngine({ status: 'ready', bundle: started.bundle })
  return started
}

/**
 * Loads the embedded tables and shows them, except those in `holding` (tables stored uploads
 * change): their embedded states come back instead, for replayUploads to show once the
 * uploads are done again, so no view draws the sample first.
 */
async function loadBatch(
  target: BrowserEngine,
  tables: readonly TableDef[],
  holding: Promise<ReadonlySet<string>>,
): Promise<Record<string, TableState>> {
  const files = await Promise.all(tables.map(async (table) => ({ table, file: await downloads.get(table.name)! })))
  const results = await loadArrowTables(target.connector, files)
  const hold = await holding
  const states: Record<string, TableState> = {}
  const held: Record<string, TableState> = {}
  for (const table of tables) {
    const r = results.get(table.name)!
    const state: TableState = r.ok
      ? {
          status: 'ready',
          rows: r.value.rows,
          latestPeriod: r.value.latestPeriod,
          source: 'embedded',
          revision: nextRevision(),
        }
      : { status: 'error', reason: r.error.reason, ...(r.error.detail ? { detail: r.error.detail } : {}) }
    if (hold.has(table.name)) held[table.name] = state
    else states[table.name] = state
  }
  // One update: waiting queries go out now, before the next batch is sent to the engine.
  setTables(states)
  return held
}

/**
 * The engine died or stopped answering: replace it without a page reload. Until the new
 * one has the data, the catalog says 'restarting' and views keep their last good figures;
 * then every table gets a new revision and every view asks again.
 */
export function restartEngine(reason: string): Promise<void> {
  restarting ??= (async () => {
    setEngine({ status: 'restarting', reason })
    coordinator.detach()
    forgetEngine()
    engine?.kill(reason)
    for (let attempt = 0; ; attempt++) {
      try {
        engine = await startEngine()
        const held = await loadBatch(engine, TABLES, tablesWithStoredUploads())
        await replayUploads(engine.db, held)
        performance.mark('engine-restarted')
        return
      } catch (e) {
        setEngine({ status: 'restarting', reason: e instanceof Error ? e.message : String(e) })
        await new Promise((r) => setTimeout(r, Math.min(30_000, 2_000 * 2 ** attempt)))
      }
    }
  })().finally(() => {
    restarting = null
  })
  return restarting
}

/**
 * A heartbeat for screens left running: if the engine does not answer a trivial query in
 * `timeoutMs`, it is replaced. Returns a stop function.
 */
export function watchEngine(everyMs = 15_000, timeoutMs = 20_000): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const beat = async () => {
    if (stopped) return
    if (engine && catalog.get().engine.status === 'ready') {
      const answered = await Promise.race([
        engine.connector.query('SELECT 1 AS "alive"').then((r) => r.ok),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
      ])
      if (!answered && !stopped) await restartEngine('数据引擎无响应，正在重新启动')
    }
    if (!stopped) timer = setTimeout(() => void beat(), everyMs)
  }
  timer = setTimeout(() => void beat(), everyMs)
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}

/**
 * For browser tests only (behind the test flag, see lib/test-hooks): end the engine's worker
 * without telling the app, so the watchdog has to notice; or the way a crash does, with the
 * error it reports; and count the queries sent.
 */
export function exposeTestHooks(appCoordinator: Coordinator) {
  offerTestHooks({
    stopEngineWorker: () => engine?.worker.terminate(),
    // A crash as the page sees one: the worker is gone and reports an uncaught error.
    crashEngineWorker: () => {
      engine?.worker.terminate()
      engine?.worker.dispatchEvent(new ErrorEvent('error', { message: '测试：模拟引擎崩溃' }))
    },
    queriesSent: () => ({ ...appCoordinator.sent }),
  })
}
