import type { ColumnDef } from '../../datasets/schema'
import { columnHeading } from '../../datasets/registry'
import { formatNumber, MISSING } from '../../lib/format'
import type { DataColumn } from '../../ui/DataTable'

/** Cell text for a registry column: Chinese number style, 是/否, the dash for missing. */
export function formatCellValue(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return MISSING
  switch (column.kind) {
    case 'money':
      return formatNumber(value as number, 2)
    case 'percent':
      return formatNumber(value as number, 1)
    case 'integer':
      return formatNumber(value as number, 0)
    case 'number':
      return formatNumber(value as number, column.type === 'DOUBLE' && Number.isInteger(value) ? 0 : 2)
    case 'boolean':
      return value ? '是' : '否'
    default:
      return String(value)
  }
}

const NUMERIC = new Set(['money', 'percent', 'integer', 'number'])

/** Room for a heading: CJK characters are about twice as wide as Latin ones. */
function headingWidth(heading: string): number {
  let units = 0
  for (const ch of heading) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1
  return units * 7 + 36
}

export function registryColumns(columns: readonly ColumnDef[]): DataColumn[] {
  return columns.map((c) => ({
    id: c.name,
    header: columnHeading(c),
    title: `${c.name} · ${c.type}${c.description ? ` · ${c.description}` : ''}`,
    align: NUMERIC.has(c.kind) ? 'right' : 'left',
    width: Math.max(headingWidth(columnHeading(c)), c.kind === 'text' ? 240 : c.kind === 'id' || c.kind === 'period' || c.kind === 'year' ? 100 : 120),
    format: (v) => formatCellValue(c, v),
    filter: NUMERIC.has(c.kind) || c.kind === 'year' ? 'number' : 'text',
  }))
}
