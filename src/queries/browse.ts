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

/**
 * A tiebreak entry meaning "the row's position in the table" (an uploaded table has no key).
 * It is DuckDB's row id, unless a column of the table is itself named rowid: DuckDB then reads
 * that column instead, so the position is numbered afresh in the scan (insertion order).
 */
export const ROW_POSITION = '\u0000row position'

export interface BrowseRequest {
  readonly source: BrowseSource
  readonly sort: readonly SortKey[]
  /** Appended to the sort so paging is stable when sort values tie; may hold ROW_POSITION. */
  readonly tiebreak: readonly string[]
  /** Every column of the source, when known: a column named rowid hides DuckDB's row id. */
  readonly tableColumns?: readonly string[]
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

/** Whether a column of the table hides DuckDB's row id (names compare without case). */
export function rowIdHidden(columns: readonly string[] | undefined): boolean {
  return (columns ?? []).some((c) => c.toLowerCase() === 'rowid')
}

/** A name for a helper column that no column of the table has. */
function freeName(base: string, columns: readonly string[]): string {
  const taken = new Set(columns.map((c) => c.toLowerCase()))
  let name = base
  while (taken.has(name.toLowerCase())) name = `_${name}`
  return name
}

/**
 * Where the rows come from and what ROW_POSITION means there: DuckDB's row id for a table;
 * for a table whose rowid is hidden, a position numbered in the scan as a helper column (left
 * out of what is shown); nothing for a query (its own order stands).
 */
interface Positioned {
  readonly from: string
  readonly position: string | null
  /** The helper column to leave out of `SELECT *`, if any. */
  readonly helper: string | null
}

function positioned(source: BrowseSource, columns: readonly string[] | undefined): Positioned {
  if (!('table' in source)) return { from: fromClause(source), position: null, helper: null }
  if (!rowIdHidden(columns)) return { from: quoteIdent(source.table), position: 'rowid', helper: null }
  const helper = quoteIdent(freeName('__browse_position', columns!))
  return {
    from: `(SELECT (row_number() OVER ())::BIGINT AS ${helper}, * FROM ${quoteIdent(source.table)}) AS "source"`,
    position: helper,
    helper,
  }
}

function orderBy(sort: readonly SortKey[], tiebreak: readonly string[], position: string | null): string {
  const keys = sort.map((s) => `${quoteIdent(s.id)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`)
  for (const t of tiebreak) {
    if (t === ROW_POSITION) {
      if (position) keys.push(`${position} ASC`)
    } else if (!sort.some((s) => s.id === t)) keys.push(`${quoteIdent(t)} ASC`)
  }
  return keys.length ? ` ORDER BY ${keys.join(', ')}` : ''
}

const starWithout = (helper: string | null) => (helper ? `* EXCLUDE (${helper})` : '*')

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
  const ordered = `SELECT rowid AS "r" FROM ${quoteIdent(table)}${whereClause(filters)}${orderBy(sort, tiebreak, 'rowid')}`
  return derivedTable('browse_order', `SELECT (row_number() OVER ())::BIGINT AS "n", "r" FROM (${ordered})`, [table])
}

/**
 * The same for a table whose rowid is hidden by a column: there is no row id to join back on,
 * so the index holds the rows themselves, numbered by a name no column has (more memory, and
 * only for such tables).
 */
function rowCopyIndex(req: BrowseRequest & { source: { table: string } }, columns: readonly string[]) {
  const from = positioned(req.source, columns)
  const number = quoteIdent(freeName('__browse_n', [...columns, '__browse_position']))
  const ordered = `SELECT ${starWithout(from.helper)} FROM ${from.from}${whereClause(req.filters)}${orderBy(req.sort, req.tiebreak, from.position)}`
  const index = derivedTable('browse_rows', `SELECT (row_number() OVER ())::BIGINT AS ${number}, * FROM (${ordered})`, [
    req.source.table,
  ])
  return { index, number }
}

/** One window of rows in a stable order: what a virtualised grid asks for as it scrolls. */
export function browseSql(req: BrowseRequest): SqlQuery {
  const columns = req.tableColumns
  if ('table' in req.source && req.offset >= DEEP_OFFSET) {
    const from = numberLiteral(req.offset)
    const to = numberLiteral(req.offset + req.limit)
    if (rowIdHidden(columns)) {
      const { index, number } = rowCopyIndex({ ...req, source: req.source }, columns!)
      return {
        sql: `SELECT * EXCLUDE (${number}) FROM ${quoteIdent(index.name)} WHERE ${number} > ${from} AND ${number} <= ${to} ORDER BY ${number}`,
        derived: [index],
      }
    }
    const index = rowOrderIndex(req.source.table, req.sort, req.tiebreak, req.filters)
    return {
      sql: `SELECT "t".* FROM ${quoteIdent(index.name)} AS "o", ${quoteIdent(req.source.table)} AS "t" WHERE "o"."n" > ${from} AND "o"."n" <= ${to} AND "t".rowid = "o"."r" ORDER BY "o"."n"`,
      derived: [index],
    }
  }
  const from = positioned(req.source, columns)
  return {
    sql: `SELECT ${starWithout(from.helper)} FROM ${from.from}${whereClause(req.filters)}${orderBy(req.sort, req.tiebreak, from.position)} LIMIT ${numberLiteral(req.limit)} OFFSET ${numberLiteral(req.offset)}`,
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
