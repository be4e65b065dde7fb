import { getTable, TABLES } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import { type BrowserEngine, startBrowserEngine } from '../db/browser'
import { databaseFingerprint } from '../db/fingerprint'
import { loadArrowTables, replaceTableFromArrow } from '../db/load-table'
import { offerTestHooks } from '../lib/test-hooks'
import type { PublishedTable } from '../published/manifest'
import { catalog, nextRevision, setDataReady, setEngine, setTable, setTables, type TableState } from '../state/catalog'
import type { Coordinator } from '../state/coordinator'
import { published, readInitialManifest, registerApplier, setApplied, setApplying } from '../state/published'
import { forgetEngine, replayUploads, replayUploadsOf, tablesWithStoredUploads } from '../state/uploads'
import { downloadTable, fetchEmbedded, fetchPublished, type TableDownload } from './table-files'

let engine: BrowserEngine | null = null
/** The app's coordinator, given at start-up: the engine is attached to it, and taken away on a restart. */
let coordinator: Coordinator
/**
 * Every table's file as last loaded (the published version, else the embedded one), kept so
 * a restarted engine can load the same data again without the network.
 */
let downloads = new Map<string, Promise<TableDownload>>()
/** Published ad-hoc tables (no registry entry): loaded after the registry tables. */
let adhocDownloads = new Map<string, Promise<TableDownload>>()
let restarting: Promise<void> | null = null

/**
 * Start-up: the manifest of published data is read and the tables' files (published, else
 * embedded) download while DuckDB instantiates. The tables the open page is waiting for
 * load first, so its queries reach the engine ahead of the rest of the data; then every
 * other table loads. A table that fails is reported and the rest go on.
 * Marks: duckdb-ready, data-ready (app-ready is set when the page's widgets have settled).
 */
export async function boot(appCoordinator: Coordinator): Promise<void> {
  coordinator = appCoordinator
  setTables(Object.fromEntries(TABLES.map((t) => [t.name, { status: 'loading' } as const])))
  const manifest = readInitialManifest()
  downloads = new Map(TABLES.map((t) => [t.name, manifest.then((m) => downloadTable(t, m.tables[t.name]))]))
  adhocDownloads = new Map()
  const holding = tablesWithStoredUploads()
  registerApplier(applyPublishedChanges)

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
  const shown = await manifest
  for (const entry of Object.values(shown.tables)) {
    if (entry.kind === 'adhoc' && !getTable(entry.table)) adhocDownloads.set(entry.table, downloadAdhoc(entry))
  }
  await loadAdhoc(engine, holding)
  await replayUploads(engine.db, held)
  setApplied(shown, await loadProblems())
  performance.mark('data-ready')
  setDataReady()
}

const downloadAdhoc = async (entry: PublishedTable): Promise<TableDownload> => {
  const file = await fetchPublished(entry)
  return file.ok ? { file, entry } : { file, entry: null, fallback: `临时表「${entry.label}」无法载入：${file.reason}` }
}

/** Why published tables are not shown (their embedded data is, instead), by table. */
async function loadProblems(): Promise<Record<string, string>> {
  const all = await Promise.all([...downloads, ...adhocDownloads].map(async ([name, d]) => [name, await d] as const))
  return Object.fromEntries(all.flatMap(([name, d]) => (d.fallback ? [[name, d.fallback]] : [])))
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
  const downloaded = await Promise.all(tables.map(async (table) => ({ table, ...(await downloads.get(table.name)!) })))
  let results = await loadArrowTables(target.connector, downloaded)
  // A published version the engine refuses (say, columns of an older registry) gives way
  // to the embedded data, as one that cannot be downloaded does.
  const refused = downloaded.filter((d) => d.entry && !results.get(d.table.name)?.ok)
  if (refused.length) {
    const again = await Promise.all(
      refused.map(async ({ table }) => {
        const reason = results.get(table.name)
        const fallback = `「${table.label}」的已发布版本无法载入，显示内置数据：${reason && !reason.ok ? reason.error.reason : ''}`
        const download: TableDownload = { file: await fetchEmbedded(table), entry: null, fallback }
        downloads.set(table.name, Promise.resolve(download))
        return { table, ...download }
      }),
    )
    results = new Map([...results, ...(await loadArrowTables(target.connector, again))])
  }
  const entries = new Map(
    await Promise.all(tables.map(async (t) => [t.name, (await downloads.get(t.name)!).entry] as const)),
  )
  const hold = await holding
  const states: Record<string, TableState> = {}
  const held: Record<string, TableState> = {}
  for (const table of tables) {
    const r = results.get(table.name)!
    const entry = entries.get(table.name) ?? null
    const state: TableState = r.ok
      ? {
          status: 'ready',
          rows: r.value.rows,
          latestPeriod: r.value.latestPeriod,
          source: entry ? 'published' : 'embedded',
          revision: nextRevision(),
          ...(entry ? { base: entry } : {}),
        }
      : { status: 'error', reason: r.error.reason, ...(r.error.detail ? { detail: r.error.detail } : {}) }
    if (hold.has(table.name)) held[table.name] = state
    else states[table.name] = state
  }
  // One update: waiting queries go out now, before the next batch is sent to the engine.
  setTables(states)
  return held
}

/** The published ad-hoc tables, each created from its stream (one that fails is skipped and said). */
async function loadAdhoc(target: BrowserEngine, holding: Promise<ReadonlySet<string>>): Promise<void> {
  const hold = await holding
  for (const [name, download] of adhocDownloads) {
    const d = await download
    if (!d.file.ok || !d.entry) continue
    const loaded = await replaceTableFromArrow(target.connector, name, null, d.file.bytes)
    if (!loaded.ok) {
      adhocDownloads.set(
        name,
        Promise.resolve({ ...d, entry: null, fallback: `临时表「${name}」无法载入：${loaded.error.reason}` }),
      )
      continue
    }
    if (hold.has(name)) continue
    setTable(name, {
      status: 'ready',
      rows: loaded.value.rows,
      latestPeriod: null,
      source: 'published',
      revision: nextRevision(),
      base: d.entry,
    })
  }
}

/**
 * Shows a newer manifest (the wall at its refresh, a desk when the user applies the notice):
 * each changed table's rows are swapped in place in one transaction, so views keep their
 * figures until the new ones arrive and nothing blanks. A table with this browser's drafts
 * gets the new version and then its drafts again on top. A table that fails to load keeps
 * what it showed, and is said.
 */
async function applyPublishedChanges(): Promise<void> {
  const target = engine
  if (!target || catalog.get().engine.status !== 'ready') return
  setApplying(true)
  const { latest, pending, problems: before } = published.get()
  const problems: Record<string, string> = { ...before }
  for (const change of pending) delete problems[change.table]
  const redo = new Set<string>()
  try {
    for (const change of pending) {
      const table = getTable(change.table) ?? null
      const download: TableDownload | null = change.next
        ? table
          ? await downloadTable(table, change.next)
          : await downloadAdhoc(change.next)
        : table
          ? { file: await fetchEmbedded(table), entry: null }
          : null
      if (!download) {
        // An ad-hoc table was unpublished: it goes, unless a draft of this browser made it.
        const state = catalog.get().tables[change.table]
        if (state?.status === 'ready' && !state.draft) {
          await target.connector.query(`DROP TABLE IF EXISTS "${change.table.replaceAll('"', '""')}"`)
          setTables({ [change.table]: { status: 'error', reason: '该临时表已撤销发布' } })
        }
        adhocDownloads.delete(change.table)
        continue
      }
      if (download.fallback) problems[change.table] = download.fallback
      if (!download.file.ok) {
        problems[change.table] = `「${change.next?.label ?? change.table}」未能更新：${download.file.reason}`
        continue
      }
      const loaded = await replaceTableFromArrow(target.connector, change.table, table, download.file.bytes)
      if (!loaded.ok) {
        problems[change.table] = `「${change.next?.label ?? change.table}」未能更新：${loaded.error.reason}`
        continue
      }
      ;(table ? downloads : adhocDownloads).set(change.table, Promise.resolve(download))
      const previous = catalog.get().tables[change.table]
      if (previous?.status === 'ready' && previous.draft) redo.add(change.table)
      setTable(change.table, {
        status: 'ready',
        rows: loaded.value.rows,
        latestPeriod: loaded.value.latestPeriod,
        source: download.entry ? 'published' : 'embedded',
        revision: nextRevision(),
        ...(download.entry ? { base: download.entry } : {}),
      })
    }
    if (redo.size) await replayUploadsOf(target.db, redo)
  } finally {
    setApplied(latest, problems)
    setApplying(false)
  }
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
        const holding = tablesWithStoredUploads()
        const held = await loadBatch(engine, TABLES, holding)
        await loadAdhoc(engine, holding)
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
    cachedRows: () => appCoordinator.cachedRows(),
    // Every table's rows and the catalog, to show that hostile SQL changed nothing.
    fingerprint: () => (engine ? databaseFingerprint((sql) => engine!.connector.query(sql)) : null),
  })
}
