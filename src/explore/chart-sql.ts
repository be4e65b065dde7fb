import { err, ok, type Result } from '../lib/result'
import { type SqlQuery, userQuery } from '../queries/derived'
import { numberLiteral, quoteIdent } from '../queries/sql'
import type { ChartSource, ChartSpec } from './chart-spec'
import { checkStatement } from './statement'

/** The most categories (or points) a built chart draws: beyond that it is unreadable anyway. */
export const CHART_ROW_LIMIT = 2000

/** FROM clause for a source: a quoted table name, or the console's query as a subquery. */
export function sourceSql(source: ChartSource): Result<string, string> {
  if (source.kind === 'table') return ok(quoteIdent(source.table))
  const checked = checkStatement(source.sql)
  if (!checked.ok) return err(checked.reason)
  return ok(`(\n${checked.sql}\n) AS "source"`)
}

function measure(spec: ChartSpec): Result<string, string> {
  if (spec.agg === 'count')
    return ok(spec.y ? `CAST(count(${quoteIdent(spec.y)}) AS DOUBLE)` : 'CAST(count(*) AS DOUBLE)')
  if (!spec.y) return err('请选择要汇总的数值列')
  if (spec.agg === 'none') return ok(`TRY_CAST(${quoteIdent(spec.y)} AS DOUBLE)`)
  return ok(`CAST(${spec.agg}(${quoteIdent(spec.y)}) AS DOUBLE)`)
}

/**
 * The SQL behind a built chart: rows of { x, series?, value }. Every identifier is quoted,
 * the only text not quoted is the console's own query, which passes the console's check.
 * Aggregated charts group by x (and series) in x order; `none` draws the raw values. The
 * spec comes from the user (or from storage), so the query runs only as a read-only one.
 */
export function chartSql(spec: ChartSpec): Result<SqlQuery, string> {
  const sql = chartSelect(spec)
  return sql.ok ? ok(userQuery(sql.value)) : sql
}

function chartSelect(spec: ChartSpec): Result<string, string> {
  if (!spec.x) return err('请选择横轴（分类）列')
  const from = sourceSql(spec.source)
  if (!from.ok) return from
  const value = measure(spec)
  if (!value.ok) return value
  const series = spec.series && spec.type !== 'pie' ? spec.series : null
  const x = quoteIdent(spec.x)
  const select = [
    `${x} AS "x"`,
    ...(series ? [`${quoteIdent(series)} AS "series"`] : []),
    `${value.value} AS "value"`,
  ].join(', ')
  const notNull = [x, ...(spec.agg === 'none' && spec.y ? [quoteIdent(spec.y)] : [])]
    .map((c) => `${c} IS NOT NULL`)
    .join(' AND ')
  const limit = numberLiteral(CHART_ROW_LIMIT)
  if (spec.agg === 'none') {
    return ok(
      `SELECT ${select} FROM ${from.value} WHERE ${notNull} ORDER BY "x"${series ? ', "series"' : ''} LIMIT ${limit}`,
    )
  }
  const groups = series ? '1, 2' : '1'
  const order = spec.type === 'pie' ? '"value" DESC' : `"x"${series ? ', "series"' : ''}`
  return ok(`SELECT ${select} FROM ${from.value} WHERE ${notNull} GROUP BY ${groups} ORDER BY ${order} LIMIT ${limit}`)
}

/**
 * The loaded tables (embedded and uploaded, as the catalog lists them) a chart reads, so the
 * coordinator waits for them and caches by their revisions. A query's tables are the loaded
 * names it mentions as words; a table the catalog does not know is not waited for.
 */
export function tablesRead(source: ChartSource, loadedNames: readonly string[]): string[] {
  if (source.kind === 'table') return loadedNames.includes(source.table) ? [source.table] : []
  const words = new Set(source.sql.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])
  return loadedNames.filter((n) => words.has(n.toLowerCase()))
}
