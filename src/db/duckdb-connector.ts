import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import { err, ok } from '../lib/result'
import { arrowToRows, type Row } from './arrow-rows'
import type { Connector, QueryResult, SqlParam } from './connector'

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** A Connector over one DuckDB-WASM connection. */
export class DuckDBConnector implements Connector {
  /** Resolves when the engine is declared dead: every query still waiting then fails as a value. */
  private readonly dead: Promise<string>
  private declareDead!: (reason: string) => void

  private constructor(
    readonly db: AsyncDuckDB,
    readonly connection: AsyncDuckDBConnection,
  ) {
    this.dead = new Promise((resolve) => (this.declareDead = resolve))
  }

  /** The worker is gone (crashed, killed, unresponsive): answer every pending query with an error. */
  kill(reason: string) {
    this.declareDead(reason)
  }

  static async open(db: AsyncDuckDB): Promise<DuckDBConnector> {
    return new DuckDBConnector(db, await db.connect())
  }

  async query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>> {
    return Promise.race([this.run<T>(sql, params), this.dead.then((reason) => err({ message: reason, sql }))])
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
}

/** Settings every database gets: no extension may be downloaded or loaded behind our back. */
export const SESSION_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
]

export async function applySessionSettings(connection: AsyncDuckDBConnection): Promise<void> {
  for (const statement of SESSION_SETTINGS) await connection.query(statement)
}
