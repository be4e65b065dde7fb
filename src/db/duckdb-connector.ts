import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import { DataType, type Table } from 'apache-arrow'

import { err, ok, type Result } from '../lib/result'
import { arrowToRows, type Row } from './arrow-rows'
import type {
  ColumnsAndRows,
  Connector,
  PendingQuery,
  QueryError,
  QueryResult,
  QuerySession,
  SqlParam,
} from './connector'
import {
  asUserSubquery,
  confirmSingleStatement,
  describeRefusal,
  inReadOnlyTransaction,
  linesOfUserText,
  SerialQueue,
} from './read-only'
import { logStatement } from './statement-log'

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/**
 * The engine's death, as far as waiting queries care: each query listens while it runs and
 * stops when it finishes. (A `dead.then(...)` per query on one promise that never settles
 * would keep every query's closure alive for as long as the engine lives: a screen left on
 * for days would grow without bound.)
 */
export class Mortality {
  private reason: string | null = null
  private readonly waiting = new Set<(reason: string) => void>()

  declare(reason: string) {
    this.reason ??= reason
    for (const settle of this.waiting) settle(reason)
    this.waiting.clear()
  }

  /** `work`, or `onDead(reason)` if the engine dies first. */
  race<R>(work: Promise<R>, onDead: (reason: string) => R): Promise<R> {
    if (this.reason !== null) return Promise.resolve(onDead(this.reason))
    return new Promise<R>((resolve, reject) => {
      const settle = (reason: string) => resolve(onDead(reason))
      this.waiting.add(settle)
      work.then(
        (value) => {
          this.waiting.delete(settle)
          resolve(value)
        },
        (error: unknown) => {
          this.waiting.delete(settle)
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
  }

  /** Queries listening now (for tests: it must not grow with the number of queries run). */
  get listening(): number {
    return this.waiting.size
  }
}

/**
 * One fate per engine: every connection on it (the dashboard's, the console's, each
 * upload's) learns of its death, so nothing waits for a worker that will never answer.
 */
const fates = new WeakMap<AsyncDuckDB, Mortality>()

export function fateOf(db: AsyncDuckDB): Mortality {
  let fate = fates.get(db)
  if (!fate) fates.set(db, (fate = new Mortality()))
  return fate
}

/** A new connection; throws if the engine is declared dead before it answers. */
async function connect(db: AsyncDuckDB): Promise<AsyncDuckDBConnection> {
  const connected = await fateOf(db).race<Result<AsyncDuckDBConnection, string>>(
    db.connect().then((c) => ok(c)),
    (reason) => err(reason),
  )
  if (!connected.ok) throw new Error(connected.error)
  return connected.value
}

/** A Connector over one DuckDB-WASM connection. */
export class DuckDBConnector implements Connector {
  /** Every query still waiting when the engine is declared dead fails as a value. */
  readonly dead: Mortality

  private constructor(
    readonly db: AsyncDuckDB,
    readonly connection: AsyncDuckDBConnection,
  ) {
    this.dead = fateOf(db)
  }

  /** The worker is gone (crashed, killed, unresponsive): answer every pending query on it with an error. */
  kill(reason: string) {
    this.dead.declare(reason)
  }

  static async open(db: AsyncDuckDB): Promise<DuckDBConnector> {
    return new DuckDBConnector(db, await connect(db))
  }

  /** The connection user text runs on (see read-only.ts), opened on first use, one read at a time. */
  private reader: Promise<AsyncDuckDBConnection> | null = null
  private readonly readerQueue = new SerialQueue()

  /**
   * The app's own SQL. Never text a user wrote: a plain query runs every statement in its
   * text. User text goes through `readOnly` (or a session's `read`).
   */
  async query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>> {
    logStatement({ kind: 'sql', sql, ...(params?.length ? { params } : {}) })
    return this.dead.race(this.run<T>(sql, params), (reason) => err({ message: reason, sql }))
  }

  private async run<T>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>> {
    try {
      if (!params || params.length === 0) {
        return ok(arrowToRows<T>(await this.connection.query(sql)))
      }
      const statement = await this.connection.prepare(sql)
      try {
        return ok(arrowToRows<T>(await statement.query(...params)))
      } finally {
        await statement.close()
      }
    } catch (e) {
      return err({ message: messageOf(e), sql })
    }
  }

  /**
   * SQL holding text a user wrote (a built chart, a pin): one prepared SELECT over it, which
   * DuckDB confirms is a single statement, run in a read-only transaction.
   */
  async readOnly<T = Row>(sql: string): Promise<QueryResult<T>> {
    const wrapped = asUserSubquery(sql)
    logStatement({ kind: 'sql', sql: wrapped })
    return this.dead.race(
      this.readerQueue.run(() => this.runReadOnly<T>(wrapped, sql)),
      (reason) => err({ message: reason, sql }),
    )
  }

  private async runReadOnly<T>(wrapped: string, sql: string): Promise<QueryResult<T>> {
    try {
      this.reader ??= connect(this.db).then(async (c) => (await applySessionSettings(c), c))
      const connection = await this.reader
      const statement = await connection.prepare(wrapped)
      try {
        return ok(arrowToRows<T>(await inReadOnlyTransaction(connection, () => statement.query())))
      } finally {
        await statement.close().catch(() => undefined)
      }
    } catch (e) {
      return err({ message: describeRefusal(messageOf(e), sql), sql })
    }
  }

  async close(): Promise<void> {
    const reader = this.reader
    this.reader = null
    if (reader) await (await reader.catch(() => null))?.close()
    await this.connection.close()
  }

  /**
   * A second connection for the SQL console. Its statements go out with `send`, which the
   * worker runs in slices, so `cancelSent` can stop a runaway query between two slices.
   */
  async openSession(): Promise<QuerySession> {
    const connection = await connect(this.db)
    await applySessionSettings(connection)
    return new DuckDBSession(connection, this.dead)
  }
}

const isNumericType = (t: DataType) => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t)

class DuckDBSession implements QuerySession {
  private readonly queue = new SerialQueue()

  constructor(
    private readonly connection: AsyncDuckDBConnection,
    private readonly dead: Mortality,
  ) {}

  /**
   * The text is prepared as the subquery of our SELECT, never on its own: binding some
   * statements already acts (binding EXPORT DATABASE creates its directory). The line numbers
   * in DuckDB's message are put back to the user's own lines.
   */
  async check(text: string): Promise<QueryError | null> {
    const message = await confirmSingleStatement(this.connection, asUserSubquery(text))
    return message === null ? null : { message: describeRefusal(linesOfUserText(message), text), sql: text }
  }

  /**
   * SQL holding user text, as one read-only SELECT that can be cancelled: prepared first, which
   * proves DuckDB reads the wrapped text as one statement; then sent, the very same text, so the
   * worker runs it in slices and `cancelSent` can stop it (a prepared statement's own run cannot
   * be interrupted); inside a read-only transaction.
   */
  read<T = Row>(sql: string): PendingQuery<T> {
    const wrapped = asUserSubquery(sql)
    let cancelled = false
    const run = async (): Promise<Result<ColumnsAndRows<T>, QueryError>> => {
      const refused = await confirmSingleStatement(this.connection, wrapped)
      if (refused !== null) return err({ message: describeRefusal(refused, sql), sql })
      if (cancelled) return err({ message: 'query was canceled', sql })
      try {
        return ok(await inReadOnlyTransaction(this.connection, () => this.stream<T>(wrapped, () => cancelled)))
      } catch (e) {
        return err({ message: describeRefusal(messageOf(e), sql), sql })
      }
    }
    return {
      result: this.dead.race(this.queue.run(run), (reason) => err({ message: reason, sql })),
      cancel: async () => {
        cancelled = true
        try {
          await this.connection.cancelSent()
        } catch {
          // Nothing was running: there is nothing to stop.
        }
      },
    }
  }

  private async stream<T>(wrapped: string, cancelled: () => boolean): Promise<ColumnsAndRows<T>> {
    // A cancel that came while the statement was prepared or the transaction begun: cancelSent
    // had nothing to stop then, so the query must not start now. Checked in the same task as the
    // send, so a later cancel reaches the worker after it.
    if (cancelled()) throw new Error('query was canceled')
    const reader = await this.connection.send(wrapped)
    // The schema is known once the stream is open (and forgotten once it has been read).
    await reader.open()
    const columns = reader.schema.fields.map((f) => ({ name: f.name, numeric: isNumericType(f.type) }))
    const batches = []
    for await (const batch of reader) batches.push(batch)
    // Batch by batch: a batch has what arrowToRows reads, and building a Table here could mix
    // two copies of apache-arrow (DuckDB-WASM's and ours) that do not recognise each other.
    const rows = batches.flatMap((b) => arrowToRows<T>(b as unknown as Table))
    return { columns, rows }
  }

  async close(): Promise<void> {
    await this.connection.close()
  }
}

/** Settings every database gets: no extension may be downloaded or loaded behind our back. */
export const SESSION_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']

export async function applySessionSettings(connection: AsyncDuckDBConnection): Promise<void> {
  for (const statement of SESSION_SETTINGS) await connection.query(statement)
}
