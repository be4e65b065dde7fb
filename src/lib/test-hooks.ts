/**
 * The one door for browser tests and benchmarks into the running app (as Excalidraw's single
 * test hook, `window.h`). Closed unless the page sets `window.__OBSERVATORY_TEST__ = true`
 * before the app loads; then `window.__observatory` is this object, typed here. A test may
 * fill the fields it drives before the app loads (an init script), or at any time after; the
 * app adds the controls it offers. Nothing is kept, and nothing is looked at, without the flag.
 */
export interface TestHooks {
  /** A query whose SQL contains one of these fails, so a test sees a panel fail calmly (the coordinator). */
  faults?: string[]
  /** Every statement and Arrow insert sent to DuckDB, with when it was sent (the engine benchmark replays them). */
  statements?: LoggedStatement[]
  /** Where an upload's time goes: each staging statement and mark, and how long it took (the upload benchmark). */
  ingestTimings?: IngestTiming[]

  // What the app offers (set once it has started):
  /** Ends the engine's worker without telling the app, so the watchdog has to notice. */
  stopEngineWorker?(): void
  /** Ends the worker the way a crash does, with the error it reports. */
  crashEngineWorker?(): void
  /** Queries sent to the engine so far: for views, and ahead of them (a prefetched click sends none). */
  queriesSent?(): { views: number; prefetched: number }
  /** Rows held in the coordinator's cache (an export must not add its rows there). */
  cachedRows?(): number
  /** Every table's contents and the catalog, hashed: hostile SQL must leave it unchanged. */
  fingerprint?(): Promise<unknown> | null
  /** The chart instance drawn in an element (or in the element's `.echart` descendant), to find and click its items. */
  chart?(element: Element): unknown
  /** Benchmark only: a bare read_csv on the upload engine, to compare with. */
  bareReadCsv?(bytes: Uint8Array | Blob): Promise<{ ms: number; rows: number }>
  /** Benchmark only: a statement on the upload engine (to put a table back between runs). */
  sql?(text: string): Promise<unknown[]>
}

export type LoggedStatement =
  | { readonly kind: 'sql'; readonly sql: string; readonly params?: readonly unknown[]; readonly at: number }
  | { readonly kind: 'insert'; readonly table: string; readonly at: number }

export interface IngestTiming {
  readonly sql: string
  readonly ms: number
  readonly at?: number
}

/** The charts drawn, by their element: only filled behind the flag. */
const charts = new WeakMap<Element, unknown>()

interface TestGlobal {
  __OBSERVATORY_TEST__?: boolean
  __observatory?: TestHooks
}

/** The hooks, when the test flag is set; undefined otherwise (the production path). */
export function testHooks(): TestHooks | undefined {
  const g = globalThis as TestGlobal
  if (!g.__OBSERVATORY_TEST__) return undefined
  const hooks = (g.__observatory ??= {})
  hooks.chart ??= (el) => charts.get(el) ?? (el.querySelector('.echart') && charts.get(el.querySelector('.echart')!))
  return hooks
}

/** Adds what the app offers to the hooks, when the flag is set. */
export function offerTestHooks(offered: Partial<TestHooks>): void {
  const hooks = testHooks()
  if (hooks) Object.assign(hooks, offered)
}

/** A chart instance drawn in `element`, for `chart(element)` (with the flag set; otherwise nothing is kept). */
export function offerChart(element: Element, chart: unknown): void {
  if (testHooks()) charts.set(element, chart)
}
