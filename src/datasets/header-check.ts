import type { TableDef } from './schema'

/** Why an embedded file cannot be loaded as `table`, checked before DuckDB sees it; null when fine. */
export function checkEmbeddedHeader(table: TableDef, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  const firstLine = head.split(/\r?\n/, 1)[0] ?? ''
  const found = firstLine.split(',').map((h) => h.trim().replace(/^"|"$/g, ''))
  const expected = table.columns.map((c) => c.name)
  const missing = expected.filter((c) => !found.includes(c))
  const extra = found.filter((c) => !expected.includes(c))
  if (missing.length === 0 && extra.length === 0 && found.join() === expected.join()) return null
  const parts: string[] = []
  if (missing.length) parts.push(`缺少列 ${missing.join('、')}`)
  if (extra.length) parts.push(`多出列 ${extra.slice(0, 5).join('、')}${extra.length > 5 ? ' 等' : ''}`)
  if (parts.length === 0) parts.push('列的顺序与数据模型不同')
  return `表头与数据模型不一致：${parts.join('；')}`
}
