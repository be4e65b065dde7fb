import { columnHeading } from '../../datasets/registry'
import type { ColumnDef } from '../../datasets/schema'
import { isNumericType } from '../../explore/catalog-sql'
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
    width: Math.max(
      headingWidth(columnHeading(c)),
      c.kind === 'text' ? 240 : c.kind === 'id' || c.kind === 'period' || c.kind === 'year' ? 100 : 120,
    ),
    format: (v) => formatCellValue(c, v),
    filter: NUMERIC.has(c.kind) || c.kind === 'year' ? 'number' : 'text',
  }))
}

const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)\b/i

/** What an ad-hoc column holds, in the words the schema table uses. */
export function liveTypeLabel(type: string): string {
  if (INTEGER_TYPE.test(type)) return '整数'
  if (isNumericType(type)) return '数值'
  if (/^DATE\b/i.test(type)) return '日期'
  if (/^TIMESTAMP/i.test(type)) return '时间'
  if (/^BOOLEAN\b/i.test(type)) return '是/否'
  return '文本'
}

/** Grid columns for a table known only from DuckDB's catalog (an uploaded ad-hoc table): its own names and types. */
export function liveColumns(columns: readonly { readonly column: string; readonly type: string }[]): DataColumn[] {
  return columns.map((c) => {
    const numeric = isNumericType(c.type)
    const integer = INTEGER_TYPE.test(c.type)
    return {
      id: c.column,
      header: c.column,
      title: `${c.column} · ${c.type}`,
      align: numeric ? 'right' : 'left',
      width: Math.max(headingWidth(c.column), numeric ? 120 : 160),
      format: (v: unknown) =>
        v === null || v === undefined || v === ''
          ? MISSING
          : numeric && typeof v === 'number'
            ? formatNumber(v, integer || Number.isInteger(v) ? 0 : 2)
            : v === true
              ? '是'
              : v === false
                ? '否'
                : String(v),
      filter: numeric ? 'number' : 'text',
    }
  })
}
