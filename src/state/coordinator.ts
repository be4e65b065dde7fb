import type { Connector, QueryResult, QuerySession, Row } from '../db/connector'
import { err } from '../lib/result'
import { testHooks } from '../lib/test-hooks'
import { createDerivedSql, type DerivedTable, type SqlQuery } from '../queries/derived'
import type { Query } from '../queries/query'
import { quoteIdent } from '../queries/sql'
import { type CatalogSnapshot, readinessOf } from './catalog'

/** Where the coordinator learns which tables are loaded, and at which revision (the app's catalog store). */
export interface CatalogSource {
  get(): CatalogSnapshot
  subscribe(listener: () => void): () => void
}

export interface CoordinatorOptions {
  readonly catalog: CatalogSource
  /** The engine, when it is already there; `attach` gives it (or a new one) later. */
  readonly connector?: Connector
}

interface Waiting {
  readonly query: SqlQuery
  readonly tables: readonly string[]
  readonly resolve: (r: QueryResult<Row>) => void
  /** Sent once its tables are in, but neither cached nor shared (an export's pages). */
  readonly uncached?: true
}

/** Answers kept (least recently used go first): room for every page's views and the views one click away. */
const CACHE_LIMIT = 1500
/** The longest a finished result waits for the rest of its burst before it is shown anyway. */
const BURST_HOLD_MS = 50
/** Derived tables kept at once; the least recently used go first. */
const DERIVED_LIMIT = 24

const asQuery = (q: string | SqlQuery): SqlQuery => (typeof q === 'string' ? { sql: q, derived: [] } : q)
/** The tables of a Query; a bare statement must be given its tables. */
const tablesOf = (q: string | SqlQuery | Query<unknown>): readonly string[] => {
  if (typeof q !== 'string' && 'tables' in q) return q.tables
  throw new Error('A query without its tables: pass a Query, or the tables it reads')
}

/** A map used as a least-recently-used list: the entry just used goes to the back of the eviction order. */
function touch<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.delete(key)
  map.set(key, value)
  return value
}

/**
 * The one owner of every round trip to the database (as in Mosaic's coordinator). Views
 * state the SQL they need and the tables it reads, as early as they like: a query waits
 * here until its tables are loaded and then goes out at once, ahead of any later loading.
 * Identical queries share one round trip; results are cached per revision of their tables.
 * Derived tables (pre-aggregations) a query reads are created first, once per revision.
 * The app makes one at start-up and hands it to its views (React context); a test makes its own.
 */
export class Coordinator {
  readonly catalog: CatalogSource
  private connector: Connector | null
  private waiting: Waiting[] = []
  private cache = new Map<string, Promise<QueryResult<Row>>>()
  /** The answers of cached queries that have arrived, so a view can show one in the render that asks for it. */
  private settled = new WeakMap<Promise<QueryResult<Row>>, QueryResult<Row>>()
  private cacheEpoch = 0
  private demanded = new Set<string>()
  /** Derived table name → the data revision it was built from, and its creation. */
  private derived = new Map<string, { key: string; created: Promise<QueryResult<Row>> }>()
  /** Queries in flight, and finished results held back until the rest of their burst is done. */
  private inflight = 0
  private held: (() => void)[] = []
  private holdTimer: ReturnType<typeof setTimeout> | null = null
  /** Called once no view waits for an answer any more (prefetching resumes then). */
  private idleWaiters: (() => void)[] = []
  /** Queries sent to the engine so far, for views and ahead of them (a test sees a prefetched click send none). */
  readonly sent = { views: 0, prefetched: 0 }
  /** The SQL console's own connection, one per engine. */
  private sessions = new WeakMap<Connector, Promise<QuerySession>>()

  private readonly unsubscribe: () => void

  constructor({ catalog, connector }: CoordinatorOptions) {
    this.catalog = catalog
    this.connector = connector ?? null
    this.unsubscribe = catalog.subscribe(() => this.flush())
  }

  /** Stops following the catalog (a test's instance, at its end). */
  dispose() {
    this.unsubscribe()
  }

  attach(connector: Connector) {
    this.connector = connector
    // A new engine: nothing derived or cached from the old one is there any more.
    this.cache.clear()
    this.derived.clear()
    this.flush()
  }

  /** The engine is being replaced: queries wait for the next one. */
  detach() {
    this.connector = null
  }

  /** A view on screen will need these tables (even before it can write its SQL). */
  demand(tables: readonly string[]) {
    for (const t of tables) this.demanded.add(t)
  }

  /** Tables that views on screen need or queries wait for: what to load first. */
  wantedTables(): Set<string> {
    return new Set([...this.demanded, ...this.waiting.flatMap((w) => w.tables)])
  }

  /** The answer to a query, once its tables are loaded: a Query names its tables itself. */
  query<T = Row>(query: Query<T>): Promise<QueryResult<T>>
  query<T = Row>(query: string | SqlQuery, tables: readonly string[]): Promise<QueryResult<T>>
  query<T = Row>(query: string | SqlQuery | Query<T>, tables = tablesOf(query)): Promise<QueryResult<T>> {
    const q = asQuery(query)
    const now = this.tryRun(q, tables)
    if (now) return now as Promise<QueryResult<T>>
    return new Promise((resolve) => this.waiting.push({ query: q, tables, resolve: resolve as Waiting['resolve'] }))
  }

  /**
   * Asks like `query` (waiting for the tables), but the answer is neither cached nor shared:
   * for rows nobody else will ask for, such as the pages of a table export, which must not
   * fill the cache that the dashboards' answers live in.
   */
  fetchUncached<T = Row>(query: string | SqlQuery, tables: readonly string[]): Promise<QueryResult<T>> {
    const q = asQuery(query)
    const now = this.tryRunUncached(q, tables)
    if (now) return now as Promise<QueryResult<T>>
    return new Promise((resolve) =>
      this.waiting.push({ query: q, tables, resolve: resolve as Waiting['resolve'], uncached: true }),
    )
  }

  /** How many rows the cached answers hold (tests check that an export leaves none behind). */
  cachedRows(): number {
    let rows = 0
    for (const pending of this.cache.values()) {
      const r = this.settled.get(pending)
      if (r?.ok) rows += r.value.length
    }
    return rows
  }

  /**
   * The answer to `query` if it is cached and has arrived, else undefined (then ask with
   * `query`). A click whose views were prefetched re-renders once, with the new figures,
   * instead of once to show "loading" and again a task later with the same figures.
   */
  peek<T = Row>(query: string | SqlQuery, tables: readonly string[] = tablesOf(query)): QueryResult<T> | undefined {
    const key = this.cacheKey(asQuery(query), tables)
    if (typeof key !== 'string') return undefined
    const pending = this.cache.get(key)
    return pending && (this.settled.get(pending) as QueryResult<T> | undefined)
  }

  /** Runs a statement now, uncached (writes, or reads right after a write). */
  async run<T = Row>(sql: string): Promise<QueryResult<T>> {
    if (!this.connector) return err({ message: '数据引擎尚未就绪', sql })
    return this.connector.query<T>(sql)
  }

  /**
   * A session for statements a user types and may cancel (the SQL console): a connection of
   * its own on the current engine, opened once. Null while there is no engine.
   */
  session(): Promise<QuerySession> | null {
    const connector = this.connector
    if (!connector?.openSession) return null
    let session = this.sessions.get(connector)
    if (!session) {
      session = connector.openSession()
      this.sessions.set(connector, session)
      void session.catch(() => this.sessions.delete(connector))
    }
    return session
  }

  /**
   * Runs a query nobody has asked for yet (the likely next click), unless its answer is
   * cached or coming: the answer goes to the cache. It is not part of any burst, so it never
   * holds back what a view is waiting for. Resolves when done; false when it could not run.
   */
  prefetch(query: string | SqlQuery, tables: readonly string[] = tablesOf(query)): Promise<boolean> {
    const q = asQuery(query)
    const key = this.cacheKey(q, tables)
    if (typeof key !== 'string' || !this.connector) return Promise.resolve(false)
    const have = this.cache.get(key)
    if (have) return have.then((r) => r.ok)
    this.sent.prefetched++
    return this.remember(key, this.execute(this.connector, q)).then((r) => r.ok)
  }

  /** Queries views are waiting for (prefetching steps aside while there are any). */
  get busy(): boolean {
    return this.inflight > 0 || this.waiting.length > 0
  }

  /** Resolves as soon as no view waits for an answer (at once if none does). */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** The cache key of a query over `tables` now, or why it cannot run yet (a result to give, or null to wait). */
  private cacheKey(q: SqlQuery, tables: readonly string[]): string | Promise<QueryResult<Row>> | null {
    const snapshot = this.catalog.get()
    const readiness = readinessOf(snapshot, tables)
    if (readiness.kind === 'engine-failed')
      return Promise.resolve(err({ message: `数据引擎未能启动：${readiness.reason}`, sql: q.sql }))
    if (readiness.kind === 'failed')
      return Promise.resolve(err({ message: `表 ${readiness.table} 未能加载：${readiness.reason}`, sql: q.sql }))
    if (readiness.kind === 'waiting' || !this.connector) return null
    const epoch = snapshot.epoch
    if (epoch !== this.cacheEpoch) {
      // A refresh: answers from before it will never be asked for again (a wall refreshing
      // every few minutes for days would otherwise fill the cache with dead entries).
      this.cache.clear()
      this.cacheEpoch = epoch
    }
    return `${readiness.key}\u0000${epoch}\u0000${q.userText ? 'user' : 'app'}\u0000${q.sql}`
  }

  private remember(key: string, pending: Promise<QueryResult<Row>>): Promise<QueryResult<Row>> {
    this.cache.set(key, pending)
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!)
    // A failure is not cached: the next ask retries.
    void pending.then((r) => {
      if (r.ok) this.settled.set(pending, r)
      else if (this.cache.get(key) === pending) this.cache.delete(key)
    })
    return pending
  }

  private tryRunUncached(q: SqlQuery, tables: readonly string[]): Promise<QueryResult<Row>> | null {
    const key = this.cacheKey(q, tables)
    if (typeof key !== 'string') return key
    return this.execute(this.connector!, q)
  }

  private tryRun(q: SqlQuery, tables: readonly string[]): Promise<QueryResult<Row>> | null {
    const key = this.cacheKey(q, tables)
    if (typeof key !== 'string') return key
    const cached = this.cache.get(key)
    if (cached) return touch(this.cache, key, cached)
    this.sent.views++
    return this.remember(key, this.batched(this.execute(this.connector!, q)))
  }

  /**
   * A click sends several queries at once; their answers arrive one by one. Holding each
   * until the whole burst is done lets the page re-render once instead of once per widget.
   */
  private batched(result: Promise<QueryResult<Row>>): Promise<QueryResult<Row>> {
    this.inflight++
    return new Promise((resolve) => {
      void result.then((r) => {
        this.inflight--
        this.held.push(() => resolve(r))
        if (this.inflight === 0) this.release()
        else this.holdTimer ??= setTimeout(() => this.release(), BURST_HOLD_MS)
      })
    })
  }

  private release() {
    if (this.holdTimer) clearTimeout(this.holdTimer)
    this.holdTimer = null
    for (const resolve of this.held.splice(0)) resolve()
    this.notifyIdle()
  }

  private notifyIdle() {
    if (this.busy) return
    for (const resolve of this.idleWaiters.splice(0)) resolve()
  }

  private async execute(connector: Connector, q: SqlQuery): Promise<QueryResult<Row>> {
    const fault = injectedFault(q.sql)
    if (fault) return err({ message: fault, sql: q.sql })
    // The engine runs one connection's statements in the order they are sent, so the query
    // goes out at once, right behind the creation of the derived tables it reads — not a
    // round trip later, behind every query sent meanwhile (at start-up, the whole page's).
    if (q.userText) {
      // Text a user wrote never goes through a plain query, which runs every statement in it.
      if (!connector.readOnly) return err({ message: '数据引擎不支持只读查询，未执行', sql: q.sql })
      return connector.readOnly<Row>(q.sql)
    }
    const made = q.derived.map((table) => this.ensureDerived(connector, table))
    const pending = connector.query<Row>(q.sql)
    for (const creation of made) {
      const r = await creation
      if (!r.ok) {
        await pending
        return err({ message: r.error.message, sql: q.sql })
      }
    }
    const result = await pending
    // Evicted between creation and use (many views at once): build it again, once.
    if (!result.ok && q.derived.some((d) => result.error.message.includes(d.name))) {
      for (const table of q.derived) this.derived.delete(table.name)
      for (const table of q.derived) await this.ensureDerived(connector, table)
      return connector.query<Row>(q.sql)
    }
    return result
  }

  private ensureDerived(connector: Connector, table: DerivedTable): Promise<QueryResult<Row>> {
    // Keyed by the revisions of the tables it reads, not of whatever the asking view reads.
    const readiness = readinessOf(this.catalog.get(), table.sources)
    if (readiness.kind !== 'ready')
      return Promise.resolve(err({ message: `派生表 ${table.name} 的数据尚未就绪`, sql: table.sql }))
    const dataKey = readiness.key
    const have = this.derived.get(table.name)
    if (have && have.key === dataKey) return touch(this.derived, table.name, have).created
    const created = connector.query<Row>(createDerivedSql(table))
    this.derived.set(table.name, { key: dataKey, created })
    void created.then((r) => {
      if (!r.ok && this.derived.get(table.name)?.created === created) this.derived.delete(table.name)
    })
    while (this.derived.size > DERIVED_LIMIT) {
      const oldest = this.derived.keys().next().value!
      this.derived.delete(oldest)
      void connector.query(`DROP TABLE IF EXISTS ${quoteIdent(oldest)}`)
    }
    return created
  }

  private flush() {
    if (this.waiting.length === 0) return
    const still: Waiting[] = []
    for (const w of this.waiting) {
      const run = w.uncached ? this.tryRunUncached(w.query, w.tables) : this.tryRun(w.query, w.tables)
      if (run) void run.then(w.resolve)
      else still.push(w)
    }
    this.waiting = still
    this.notifyIdle()
  }
}

/**
 * Browser tests inject failures to see that a panel fails calmly and the others carry on:
 * with the test flag set, a query whose SQL contains one of the hooks' `faults` fails.
 */
function injectedFault(sql: string): string | null {
  const hit = testHooks()?.faults?.find((f) => sql.includes(f))
  return hit ? `注入的测试故障（${hit}）` : null
}
