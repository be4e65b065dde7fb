import type { TableDef } from '../datasets/schema'
import { quoteIdent } from './sql'

/** A reference table's ids and names, as text, in id order (for a template's 填写说明 sheet). */
export function referenceListSql(table: TableDef): string | null {
  const id = table.primaryKey.length === 1 ? table.primaryKey[0]! : null
  if (!id || !table.columns.some((c) => c.name === 'name')) return null
  return `SELECT CAST(${quoteIdent(id)} AS VARCHAR) AS "id", CAST("name" AS VARCHAR) AS "name" FROM ${quoteIdent(table.name)} WHERE ${quoteIdent(id)} IS NOT NULL ORDER BY 1`
}

/** One row of the table as it is now, the template's example. */
export function exampleRowSql(table: TableDef): string {
  return `SELECT * FROM ${quoteIdent(table.name)} LIMIT 1`
}
