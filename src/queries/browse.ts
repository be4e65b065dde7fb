import type { NumericFilter } from '../lib/filter-expr'
import { numberLiteral, quoteIdent, quoteLiteral } from './sql'

export interface SortKey {
  readonly id: string
  readonly desc: boolean
}

/** A filter on one column of a grid: text contains, or a numeric comparison. */
export type ColumnFilter =
  | { readonly id: string; readonly kind: 'text'; readonly text: string }
  | { readonly id: string; readonly kind: 'number'; readonly filter: NumericFilter }

/** What a grid shows: a table by name, or the rows of a query. */
export type BrowseSource = { readonly table: string } | { readonly query: string }

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

/** One window of rows in a stable order: what a virtualised grid asks for as it scrolls. */
export function browseSql(req: BrowseRequest): string {
  return `SELECT * FROM ${fromClause(req.source)}${whereClause(req.filters)}${orderBy(req.sort, req.tiebreak)} LIMIT ${numberLiteral(req.limit)} OFFSET ${numberLiteral(req.offset)}`
}

/** How many rows the grid has under its filters. */
export function countSql(source: BrowseSource, filters?: readonly ColumnFilter[]): string {
  return `SELECT count(*) AS "rows" FROM ${fromClause(source)}${whereClause(filters)}`
}
