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
  /** The app's own SQL, never text a user wrote (it runs every statement in its text). */
  query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>>
  /**
   * SQL holding text a user wrote (a built chart, a pin, anything read back from storage): run
   * only as one prepared SELECT over it, read-only (src/db/read-only.ts). A connector without
   * it cannot run such SQL at all.
   */
  readOnly?<T = Row>(sql: string): Promise<QueryResult<T>>
  /** A connection of its own for ad-hoc statements that a user may cancel (the SQL console). */
  openSession?(): Promise<QuerySession>
}

/** A result with its column names and whether each is numeric (a grid needs both, even with no rows). */
export interface ColumnsAndRows<T = Row> {
  readonly columns: readonly { readonly name: string; readonly numeric: boolean }[]
  readonly rows: T[]
}

/** A statement on its way: its answer, and a way to stop it. */
export interface PendingQuery<T = Row> {
  readonly result: Promise<Result<ColumnsAndRows<T>, QueryError>>
  /** Asks the engine to stop; the result then fails with DuckDB's "query was canceled". */
  cancel(): Promise<void>
}

export interface QuerySession {
  /** Parses and binds the user's text without running it: DuckDB's own message for a typo or a missing column. */
  check(text: string): Promise<QueryError | null>
  /** Runs SQL holding user text as one read-only SELECT that can be cancelled. One at a time per session. */
  read<T = Row>(sql: string): PendingQuery<T>
  close(): Promise<void>
}
