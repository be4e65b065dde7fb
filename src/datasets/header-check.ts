import type { TableDef } from './schema'

/** Why an embedded file cannot be loaded as `table`, checked before DuckDB sees it; null when fine. */
export function checkEmbeddedHeader(table: TableDef, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  const firstLine = head.split(/\r?\n/, 1)[0] ?? ''
  const problem = columnsMismatch(
    table,
    firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, '')),
  )
  return problem && `表头与数据模型不一致：${problem}`
}

/**
 * What is wrong with a file's column names (a CSV header, an Arrow schema) against the
 * registry's, which must match exactly and in order; null when nothing is.
 */
export function columnsMismatch(table: TableDef, found: readonly string[]): string | null {
  const expected = table.columns.map((c) => c.name)
  if (found.join() === expected.join() && found.length === expected.length) return null
  const missing = expected.filter((c) => !found.includes(c))
  const extra = found.filter((c) => !expected.includes(c))
  const parts: string[] = []
  if (missing.length) parts.push(`缺少列 ${missing.join('、')}`)
  if (extra.length) parts.push(`多出列 ${extra.slice(0, 5).join('、')}${extra.length > 5 ? ' 等' : ''}`)
  if (parts.length === 0) parts.push('列的顺序与数据模型不同')
  return parts.join('；')
}
