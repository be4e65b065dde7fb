import { numberLiteral, quoteIdent } from './sql'

export interface SortKey {
  readonly id: string
  readonly desc: boolean
}

export interface BrowseRequest {
  readonly table: string
  readonly sort: readonly SortKey[]
  /** Appended to the sort so paging is stable when sort values tie. */
  readonly tiebreak: readonly string[]
  readonly offset: number
  readonly limit: number
}

function orderBy(sort: readonly SortKey[], tiebreak: readonly string[]): string {
  const keys = sort.map((s) => `${quoteIdent(s.id)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`)
  for (const t of tiebreak) if (!sort.some((s) => s.id === t)) keys.push(`${quoteIdent(t)} ASC`)
  return keys.length ? ` ORDER BY ${keys.join(', ')}` : ''
}

/** One window of a table in a stable order: what a virtualised grid asks for as it scrolls. */
export function browseSql(req: BrowseRequest): string {
  return `SELECT * FROM ${quoteIdent(req.table)}${orderBy(req.sort, req.tiebreak)} LIMIT ${numberLiteral(req.limit)} OFFSET ${numberLiteral(req.offset)}`
}

export function countSql(table: string): string {
  return `SELECT count(*) AS "rows" FROM ${quoteIdent(table)}`
}
