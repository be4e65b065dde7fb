import { shortHash } from '../lib/hash'
import { tablesRead } from './query'
import { quoteIdent } from './sql'

/**
 * A table derived from the data by a query, materialised once and then read by many
 * queries (Mosaic's pre-aggregation for cross-filtering). Its name is a hash of its SQL, so
 * the same definition always has the same name; the coordinator creates it when first
 * needed and again whenever the tables it reads change.
 */
export interface DerivedTable {
  readonly name: string
  readonly sql: string
  /** The tables its SQL reads: it is rebuilt when any of them changes, and only then. */
  readonly sources: readonly string[]
}

/** `sources` defaults to the tables its SQL reads. */
export function derivedTable(prefix: string, sql: string, sources: readonly string[] = tablesRead(sql)): DerivedTable {
  return { name: `${prefix}_${shortHash(sql)}`, sql, sources }
}

/** A query together with the derived tables it reads. */
export interface SqlQuery {
  readonly sql: string
  readonly derived: readonly DerivedTable[]
  /**
   * The SQL holds text a user wrote (a console query, a built chart, a stored pin): it runs only
   * as one prepared, read-only SELECT over it (`Connector.readOnly`), never as a plain query.
   */
  readonly userText?: true
}

/** A query holding user text (see `SqlQuery.userText`). */
export const userQuery = (sql: string): SqlQuery => ({ sql, derived: [], userText: true })

export function createDerivedSql(table: DerivedTable): string {
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table.name)} AS ${table.sql}`
}
