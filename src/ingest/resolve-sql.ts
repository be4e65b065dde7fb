import { getTable } from '../datasets/registry'
import type { ForeignKey, TableDef } from '../datasets/schema'
import { numberLiteral, quoteIdent, quoteLiteral } from '../queries/sql'
import { type Resolution } from './names'
import { distinctName, referenced } from './stage-sql'

/**
 * SQL for names instead of codes. A reference column's values that are not ids of the table
 * it references are few (they are looked at on the column's distinct values); those that
 * resolve to one id are replaced by it in the staged rows, in one UPDATE joined on a small
 * table of (name, id) pairs. Linear in the rows, whatever the names.
 */

/** The referenced table's name column, if it has one to resolve by. */
export function nameColumnOf(fk: ForeignKey): string | null {
  const target = getTable(fk.references.table)
  return target?.columns.some((c) => c.name === 'name') ? 'name' : null
}

/** How many unknown distinct values are looked at (a file of wrong ids is reported, not resolved). */
export const RESOLVE_LIMIT = 5000

/** The distinct values of a staged reference column that are not ids of the table it references. */
export function unknownValuesSql(fk: ForeignKey): string {
  return `SELECT raw FROM ${quoteIdent(distinctName(fk.column))} WHERE raw IS NOT NULL AND raw NOT IN (${referenced(fk)}) ORDER BY raw LIMIT ${numberLiteral(RESOLVE_LIMIT)}`
}

/** The referenced table's ids and names, as text. */
export function referenceRowsSql(fk: ForeignKey, nameColumn: string): string {
  const id = quoteIdent(fk.references.column)
  return `SELECT CAST(${id} AS VARCHAR) AS "id", CAST(${quoteIdent(nameColumn)} AS VARCHAR) AS "name" FROM ${quoteIdent(fk.references.table)} WHERE ${id} IS NOT NULL`
}

export const namesMapName = (column: string) => `__upload_names_${column}`

/**
 * Replaces resolved names by their ids in the staged column, then refreshes the column's
 * table of distinct values (the foreign-key check reads it).
 */
export function applyNamesSql(stage: string, column: string, pairs: readonly (readonly [string, string])[]): string[] {
  const map = quoteIdent(namesMapName(column))
  const col = quoteIdent(column)
  const S = quoteIdent(stage)
  const values = pairs.map(([raw, id]) => `(${quoteLiteral(raw)}, ${quoteLiteral(id)})`).join(', ')
  return [
    `CREATE OR REPLACE TEMP TABLE ${map} AS SELECT * FROM (VALUES ${values}) t(raw, id)`,
    `UPDATE ${S} SET ${col} = m.id FROM ${map} m WHERE ${S}.${col} = m.raw`,
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(distinctName(column))} AS SELECT DISTINCT ${col} AS raw FROM ${S}`,
    `DROP TABLE ${map}`,
  ]
}

/** What became of the names in one reference column. */
export interface ColumnResolution {
  readonly column: string
  readonly references: string
  /** Names replaced by ids. */
  readonly resolved: readonly { readonly from: string; readonly to: string }[]
  /** Values that stay unknown or ambiguous, with their candidates. */
  readonly unresolved: ReadonlyMap<string, Resolution>
}

/** The table a reference column points to, as the report names it. */
export function referenceLabel(table: string): string {
  if (table === 'observation_points') return '观察点名单'
  return `「${getTable(table)?.label ?? table}」表`
}

export function foreignKeyOf(table: TableDef, column: string): ForeignKey | undefined {
  return table.foreignKeys.find((f) => f.column === column)
}
