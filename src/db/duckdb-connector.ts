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

  async close(): Promise<void> {
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
  constructor(
    private readonly connection: AsyncDuckDBConnection,
    private readonly dead: Mortality,
  ) {}

  async check(sql: string): Promise<QueryError | null> {
    try {
      const statement = await this.connection.prepare(sql)
      await statement.close()
      return null
    } catch (e) {
      return { message: messageOf(e), sql }
    }
  }

  send<T = Row>(sql: string): PendingQuery<T> {
    const run = async (): Promise<Result<ColumnsAndRows<T>, QueryError>> => {
      try {
        const reader = await this.connection.send(sql)
        // The schema is known once the stream is open (and forgotten once it has been read).
        await reader.open()
        const columns = reader.schema.fields.map((f) => ({ name: f.name, numeric: isNumericType(f.type) }))
        const batches = []
        for await (const batch of reader) batches.push(batch)
        // Batch by batch: a batch has what arrowToRows reads, and building a Table here could mix
        // two copies of apache-arrow (DuckDB-WASM's and ours) that do not recognise each other.
        const rows = batches.flatMap((b) => arrowToRows<T>(b as unknown as Table))
        return ok({ columns, rows })
      } catch (e) {
        return err({ message: messageOf(e), sql })
      }
    }
    return {
      result: this.dead.race(run(), (reason) => err({ message: reason, sql })),
      cancel: async () => {
        try {
          await this.connection.cancelSent()
        } catch {
          // Nothing was running: there is nothing to stop.
        }
      },
    }
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
