import type { ColumnDef, TableDef } from './schema'

/**
 * Normalises a CSV header for matching: full-width ASCII to half-width, brackets of either
 * width to one form, whitespace and case ignored. "产值（万元）", "产值(万元)" and
 * " 产值 ( 万元 ) " all normalise to "产值(万元)".
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC') // full-width letters, digits and brackets become half-width
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase()
}

/** Every normalised header that maps onto a column: name, label, aliases, each with and without its unit. */
export function headerAliases(column: ColumnDef): Set<string> {
  const bases = [column.name, column.label, ...(column.aliases ?? [])]
  const out = new Set<string>()
  for (const base of bases) {
    out.add(normalizeHeader(base))
    if (column.unit) {
      for (const form of [`${base}(${column.unit})`, `${base}/${column.unit}`, `${base}_${column.unit}`]) {
        out.add(normalizeHeader(form))
      }
    }
  }
  return out
}

/** The column a header maps onto in a table, if any. */
export function matchColumn(table: TableDef, header: string): ColumnDef | undefined {
  const key = normalizeHeader(header)
  return table.columns.find((c) => headerAliases(c).has(key))
}
