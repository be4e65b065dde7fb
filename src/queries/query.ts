import type { DerivedTable, SqlQuery } from './derived'
import type { FilterSet } from './filters'

/**
 * A query with everything needed to run it and to cache its answer (as Mosaic's `Query.from`):
 * its SQL, the derived tables it reads, and every base table it reads, found in the SQL itself,
 * so no caller lists tables apart from the statement they belong to. A cached answer is keyed
 * by `sql` and the revisions of `tables`: a table left out would leave a stale answer cached.
 * `R` is the row type the SQL returns (for the type checker only).
 */
export interface Query<R = unknown> extends SqlQuery {
  readonly tables: readonly string[]
  /** Never set: carries the row type. */
  readonly rows?: readonly R[]
}

/** A query for any filters: what a view, a prefetch, the build or a briefing runs. */
export type QueryBuilder<R> = (filters: FilterSet) => Query<R>

/** Quoted names after FROM or JOIN: the tables a statement reads (CTEs and functions are unquoted here). */
const TABLE_REF = /\b(?:FROM|JOIN)\s+"((?:[^"]|"")+)"/gi

function namesIn(sql: string): string[] {
  return [...sql.matchAll(TABLE_REF)].map((m) => m[1]!.replace(/""/g, '"'))
}

/** The base tables a statement reads: the derived tables it reads stand for the tables they are made from. */
export function tablesRead(sql: string, derived: readonly DerivedTable[] = []): string[] {
  const byName = new Map(derived.map((d) => [d.name, d]))
  const out = new Set<string>()
  for (const name of namesIn(sql)) {
    const d = byName.get(name)
    for (const t of d ? d.sources : [name]) out.add(t)
  }
  return [...out]
}

/** A statement as a Query: its tables read from its text. */
export function from<R>(q: string | SqlQuery): Query<R> {
  const s: SqlQuery = typeof q === 'string' ? { sql: q, derived: [] } : q
  return { sql: s.sql, derived: s.derived, tables: tablesRead(s.sql, s.derived) }
}

/** A SQL builder over the page's filters as a QueryBuilder (the builder's other arguments fixed by the caller). */
export function over<R>(build: (filters: FilterSet) => string | SqlQuery): QueryBuilder<R> {
  return (filters) => from<R>(build(filters))
}

/**
 * The key of a query's answer for given data: stable across runs and machines (the build
 * computes it in Node), since derived tables are named by a hash of their SQL.
 */
export function queryKey(q: SqlQuery): string {
  return q.sql
}
