import type { Connector, QueryResult, Row } from '../db/connector'
import { err } from '../lib/result'
import { catalog, readinessOf } from './catalog'

interface Waiting {
  readonly sql: string
  readonly tables: readonly string[]
  readonly resolve: (r: QueryResult<Row>) => void
}

const CACHE_LIMIT = 400

/**
 * The one owner of every round trip to the database (as in Mosaic's coordinator). Views
 * state the SQL they need and the tables it reads, as early as they like: a query waits
 * here until its tables are loaded and then goes out at once, ahead of any later loading.
 * Identical queries share one round trip; results are cached per revision of their tables.
 */
class Coordinator {
  private connector: Connector | null = null
  private waiting: Waiting[] = []
  private cache = new Map<string, Promise<QueryResult<Row>>>()
  private demanded = new Set<string>()

  constructor() {
    catalog.subscribe(() => this.flush())
  }

  attach(connector: Connector) {
    this.connector = connector
    this.flush()
  }

  /** A view on screen will need these tables (even before it can write its SQL). */
  demand(tables: readonly string[]) {
    for (const t of tables) this.demanded.add(t)
  }

  /** Tables that views on screen need or queries wait for: what to load first. */
  wantedTables(): Set<string> {
    return new Set([...this.demanded, ...this.waiting.flatMap((w) => w.tables)])
  }

  query<T = Row>(sql: string, tables: readonly string[]): Promise<QueryResult<T>> {
    const now = this.tryRun(sql, tables)
    if (now) return now as Promise<QueryResult<T>>
    return new Promise((resolve) => this.waiting.push({ sql, tables, resolve: resolve as Waiting['resolve'] }))
  }

  /** Runs a statement now, uncached (writes, or reads right after a write). */
  async run<T = Row>(sql: string): Promise<QueryResult<T>> {
    if (!this.connector) return err({ message: '数据引擎尚未就绪', sql })
    return this.connector.query<T>(sql)
  }

  private tryRun(sql: string, tables: readonly string[]): Promise<QueryResult<Row>> | null {
    const readiness = readinessOf(catalog.get(), tables)
    if (readiness.kind === 'engine-failed') return Promise.resolve(err({ message: `数据引擎未能启动：${readiness.reason}`, sql }))
    if (readiness.kind === 'failed') return Promise.resolve(err({ message: `表 ${readiness.table} 未能加载：${readiness.reason}`, sql }))
    if (readiness.kind === 'waiting' || !this.connector) return null
    const key = `${readiness.key}\u0000${sql}`
    let pending = this.cache.get(key)
    if (!pending) {
      pending = this.connector.query<Row>(sql)
      this.cache.set(key, pending)
      if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!)
      // A failure is not cached: the next ask retries.
      void pending.then((r) => {
        if (!r.ok && this.cache.get(key) === pending) this.cache.delete(key)
      })
    }
    return pending
  }

  private flush() {
    if (this.waiting.length === 0) return
    const still: Waiting[] = []
    for (const w of this.waiting) {
      const run = this.tryRun(w.sql, w.tables)
      if (run) void run.then(w.resolve)
      else still.push(w)
    }
    this.waiting = still
  }
}

export const coordinator = new Coordinator()
