import { neutraliseForCsv } from './neutralise'
import type { ExportCell, ExportTable } from './table'

/** Excel opens a UTF-8 CSV as UTF-8 (and Chinese as Chinese) only when it starts with a BOM. */
export const BOM = '\uFEFF'

function field(value: ExportCell): string {
  if (value === null) return ''
  // Numbers (negative ones included) are written as numbers, never neutralised.
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  const text = neutraliseForCsv(value)
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** RFC 4180 CSV with a BOM and CRLF line ends, headers in Chinese with units; formula-like text neutralised. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => field(c.header)), ...table.rows.map((r) => r.map(field))]
  return BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n'
}
