import Papa from 'papaparse'

import type { ColumnDef, TableDef } from '../../src/datasets/schema'
import type { Cell, SampleRow } from './context'

function formatCell(column: ColumnDef, value: Cell | undefined): string {
  if (value === null || value === undefined) return ''
  switch (column.type) {
    case 'DECIMAL(18,2)':
      return (value as number).toFixed(2)
    case 'DOUBLE':
      // Shortest text of the value rounded to 4 places: stable across machines.
      return String(Math.round((value as number) * 10_000) / 10_000)
    case 'INTEGER':
      if (!Number.isInteger(value)) throw new Error(`${column.name}: ${value} is not an integer`)
      return String(value)
    case 'BOOLEAN':
      return value ? 'true' : 'false'
    default:
      return String(value)
  }
}

/** CSV text with the registry's columns in the registry's order, LF line ends, UTF-8, no BOM. */
export function toCsv(table: TableDef, rows: readonly SampleRow[]): string {
  const fields = table.columns.map((c) => c.name)
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!fields.includes(key)) throw new Error(`${table.name}: unexpected column ${key}`)
    }
  }
  const data = rows.map((row) => table.columns.map((c) => formatCell(c, row[c.name])))
  return Papa.unparse({ fields, data }, { newline: '\n', quotes: false }) + '\n'
}
