import { type ChartSpec, columnsOf } from './chart-spec'

/**
 * Why a pinned chart cannot be drawn any more, in words a user can act on, or null. The
 * table or the columns it was built on may have gone since it was pinned (an upload
 * replaced an ad-hoc table, a column was renamed).
 */
export function missingTableOrColumns(
  spec: ChartSpec,
  liveTables: ReadonlyMap<string, readonly { readonly column: string }[]>,
): string | null {
  if (spec.source.kind !== 'table') return null
  const table = spec.source.table
  const columns = liveTables.get(table)
  if (!columns) return `表“${table}”已不存在（可能已被删除，或上传的表尚未恢复），无法绘制这张图。`
  return missingColumns(
    spec,
    columns.map((c) => c.column),
    `表“${table}”`,
  )
}

/** The same for a chart on the console's query: `columns` are what the query returns now. */
export function missingColumns(spec: ChartSpec, columns: readonly string[], where = '查询结果'): string | null {
  const missing = columnsOf(spec).filter((c) => !columns.includes(c))
  return missing.length ? `${where}中已没有列：${missing.map((c) => `“${c}”`).join('、')}，无法绘制这张图。` : null
}
