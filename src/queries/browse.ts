import type { NumericFilter } from '../lib/filter-expr'
import { type DerivedTable, derivedTable, type SqlQuery } from './derived'
import { numberLiteral, quoteIdent, quoteLiteral } from './sql'

export interface SortKey {
  readonly id: string
  readonly desc: boolean
}

/** A filter on one column of a grid: text contains, or a numeric comparison. */
export type ColumnFilter =
  | { readonly id: string; readonly kind: 'text'; readonly text: string }
  | { readonly id: string; readonly kind: 'number'; readonly filter: NumericFilter }

/** What a grid shows: a table by name, or the rows of a query (with any derived tables it reads). */
export type BrowseSource =
  { readonly table: string } | { readonly query: string; readonly derived?: readonly DerivedTable[] }

export interface BrowseRequest {
  readonly source: BrowseSource
  readonly sort: readonly SortKey[]
  /** Appended to the sort so paging is stable when sort values tie. */
  readonly tiebreak: readonly string[]
  readonly filters?: readonly ColumnFilter[]
  readonly offset: number
  readonly limit: number
}

function fromClause(source: BrowseSource): string {
  return 'table' in source ? quoteIdent(source.table) : `(${source.query}) AS "source"`
}

export function filterCondition(f: ColumnFilter): string {
  const col = quoteIdent(f.id)
  if (f.kind === 'text') {
    // Contains, case-insensitive; % and _ typed by the user are literal.
    const escaped = f.text.replace(/[\\%_]/g, (c) => `\\${c}`)
    return `CAST(${col} AS VARCHAR) ILIKE ${quoteLiteral(`%${escaped}%`)} ESCAPE '\\'`
  }
  const n = f.filter
  if (n.op === 'between') return `${col} BETWEEN ${numberLiteral(n.low)} AND ${numberLiteral(n.high)}`
  return `${col} ${n.op} ${numberLiteral(n.value)}`
}

function whereClause(filters: readonly ColumnFilter[] | undefined): string {
  return filters && filters.length ? ` WHERE ${filters.map(filterCondition).join(' AND ')}` : ''
}

function orderBy(sort: readonly SortKey[], tiebreak: readonly string[]): string {
  const keys = sort.map((s) => `${quoteIdent(s.id)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`)
  for (const t of tiebreak) if (!sort.some((s) => s.id === t)) keys.push(`${quoteIdent(t)} ASC`)
  return keys.length ? ` ORDER BY ${keys.join(', ')}` : ''
}

const derivedOf = (source: BrowseSource) => ('query' in source ? (source.derived ?? []) : [])

/**
 * From this offset on, a window of a table is read through a row-order index instead of
 * ORDER BY … OFFSET: DuckDB sorts everything up to the offset for every window, which at a
 * million rows takes seconds in the browser, while the index is built once per order and
 * filters (about half a second) and then answers any window in well under 100 ms. Windows
 * nearer the top keep the top-N sort, which is faster than building the index.
 */
export const DEEP_OFFSET = 10_000

/** The table's row ids in the grid's order, numbered: built once per table revision, sort and filters. */
export function rowOrderIndex(
  table: string,
  sort: readonly SortKey[],
  tiebreak: readonly string[],
  filters?: readonly ColumnFilter[],
): DerivedTable {
  const ordered = `SELECT rowid AS "r" FROM ${quoteIdent(table)}${whereClause(filters)}${orderBy(sort, tiebreak)}`
  return derivedTable('browse_order', `SELECT (row_number() OVER ())::BIGINT AS "n", "r" FROM (${ordered})`, [table])
}

/** One window of rows in a stable order: what a virtualised grid asks for as it scrolls. */
export function browseSql(req: BrowseRequest): SqlQuery {
  if ('table' in req.source && req.offset >= DEEP_OFFSET) {
    const index = rowOrderIndex(req.source.table, req.sort, req.tiebreak, req.filters)
    const from = numberLiteral(req.offset)
    const to = numberLiteral(req.offset + req.limit)
    return {
      sql: `SELECT "t".* FROM ${quoteIdent(index.name)} AS "o", ${quoteIdent(req.source.table)} AS "t" WHERE "o"."n" > ${from} AND "o"."n" <= ${to} AND "t".rowid = "o"."r" ORDER BY "o"."n"`,
      derived: [index],
    }
  }
  return {
    sql: `SELECT * FROM ${fromClause(req.source)}${whereClause(req.filters)}${orderBy(req.sort, req.tiebreak)} LIMIT ${numberLiteral(req.limit)} OFFSET ${numberLiteral(req.offset)}`,
    derived: derivedOf(req.source),
  }
}

/** How many rows the grid has under its filters. */
export function countSql(source: BrowseSource, filters?: readonly ColumnFilter[]): SqlQuery {
  return {
    sql: `SELECT count(*) AS "rows" FROM ${fromClause(source)}${whereClause(filters)}`,
    derived: derivedOf(source),
  }
}
