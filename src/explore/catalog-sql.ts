import { type SqlQuery, userQuery } from '../queries/derived'
import { quoteLiteral } from '../queries/sql'

/** One column of a table in the database, as the live catalog lists it. */
export interface LiveColumn {
  readonly table: string
  readonly column: string
  readonly type: string
}

/**
 * Every column of every table the user can query, straight from DuckDB's catalog, so
 * uploaded ad-hoc tables appear too. Temporary tables (the dashboards' cubes) are left out.
 */
export const LIVE_COLUMNS_SQL = `SELECT table_name AS "table", column_name AS "column", data_type AS "type"
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
ORDER BY table_name, column_index`

/** One table's columns, in order, from DuckDB's catalog (an uploaded ad-hoc table has no registry entry). */
export function tableColumnsSql(table: string): string {
  return `SELECT column_name AS "column", data_type AS "type"
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND table_name = ${quoteLiteral(table)}
ORDER BY column_index`
}

/** The columns a user's query returns, without running it (a read-only query: it holds user text). */
export function queryColumnsSql(sql: string): SqlQuery {
  return userQuery(`SELECT column_name AS "column", column_type AS "type" FROM (DESCRIBE (\n${sql}\n))`)
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL)/i

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.trim())
}

/** Live columns grouped by table, in catalog order. */
export function groupByTable(columns: readonly LiveColumn[]): Map<string, LiveColumn[]> {
  const byTable = new Map<string, LiveColumn[]>()
  for (const c of columns) {
    const list = byTable.get(c.table)
    if (list) list.push(c)
    else byTable.set(c.table, [c])
  }
  return byTable
}
