import type { Result } from '../lib/result'
import type { Row } from './arrow-rows'

export type { Row } from './arrow-rows'

export type SqlParam = string | number | boolean | null

export interface QueryError {
  /** DuckDB's message (or ours), to show as-is. */
  readonly message: string
  readonly sql: string
}

export type QueryResult<T> = Result<T[], QueryError>

/**
 * The one interface views and the rest of the app use to reach the database. It never
 * rejects: a failed query comes back as `{ ok: false, error }` for a view to show.
 */
export interface Connector {
  query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>>
}
