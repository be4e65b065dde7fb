import type { QueryResult, Row } from '../../db/connector'
import { type ColumnLabel, type ExportTable, ExportTableBuilder } from '../../export/table'
import type { SqlQuery } from '../../queries/derived'

/** An XLSX sheet holds at most 1,048,575 rows under its header; a CSV gets the same. */
export const EXPORT_MAX_ROWS = 1_048_575
/** Rows asked for per round trip: big enough to be few, small enough to stay light in the worker. */
export const EXPORT_PAGE_ROWS = 50_000

export type Fetch = (query: SqlQuery, tables: readonly string[]) => Promise<QueryResult<Row>>

/**
 * Every row of a grid's source in its current order and filters, page by page through DuckDB
 * (past the first pages a grid's window comes through its row-order index, so each page is
 * quick). The pages are asked uncached: an export's rows never sit in the coordinator's cache
 * beside the dashboards' answers, and each page's rows become export cells as it arrives.
 */
export async function exportAllRows(
  page: (offset: number, limit: number) => SqlQuery,
  tables: readonly string[],
  columns: readonly (ColumnLabel & { readonly key: string })[],
  fetch: Fetch,
): Promise<ExportTable> {
  const table = new ExportTableBuilder(columns)
  for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_PAGE_ROWS) {
    const limit = Math.min(EXPORT_PAGE_ROWS, EXPORT_MAX_ROWS - offset)
    const r = await fetch(page(offset, limit), tables)
    if (!r.ok) throw new Error(r.error.message.split('\n')[0])
    table.add(r.value)
    if (r.value.length < limit) break
  }
  return table.finish()
}
