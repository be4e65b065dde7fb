/**
 * Types of the dataset registry: the one description of every table that ingest,
 * validation, tables, exports and the embedded-data generator all read.
 */

/** DuckDB column types the registry uses. Money is DECIMAL so sums are exact. */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DECIMAL(18,2)' | 'DATE' | 'BOOLEAN'

/** How a value is shown and parsed; finer than the SQL type (a period is a VARCHAR). */
export type ValueKind =
  'id' | 'text' | 'category' | 'integer' | 'year' | 'money' | 'number' | 'percent' | 'date' | 'period' | 'boolean'

export interface ColumnDef {
  readonly name: string
  /** Chinese display label, without the unit. */
  readonly label: string
  readonly type: SqlType
  readonly kind: ValueKind
  /** Display unit, e.g. 万元, 人, 万千瓦时, %. */
  readonly unit?: string
  /** NOT NULL: a row without it is rejected. */
  readonly required?: boolean
  /** Extra header spellings (beyond the label, the name and their unit variants). */
  readonly aliases?: readonly string[]
  /** Allowed values for a category column. */
  readonly values?: readonly string[]
  readonly min?: number
  readonly max?: number
  readonly description?: string
}

export interface ForeignKey {
  readonly column: string
  readonly references: { readonly table: string; readonly column: string }
}

/** Where the embedded copy of a table comes from. */
export type Provenance =
  /** Figures quoted from the work reports, exactly, each row with its source. */
  | 'report'
  /** Reference vocabulary named in the reports or the product brief. */
  | 'reference'
  /** Synthetic rows made by scripts/generate-data.ts; the UI marks them 示例数据. */
  | 'sample'

export type TableGroup = 'reference' | 'observation' | 'projects' | 'livelihood' | 'supervision'

export interface TableDef {
  readonly name: string
  readonly label: string
  readonly group: TableGroup
  readonly description: string
  readonly primaryKey: readonly string[]
  readonly columns: readonly ColumnDef[]
  readonly foreignKeys: readonly ForeignKey[]
  readonly provenance: Provenance
  /** Extra header spellings that identify the table itself (file names, sheet titles). */
  readonly aliases?: readonly string[]
  /** The monthly period column ('YYYY-MM'), for tables that hold one row per month. */
  readonly periodColumn?: string
}
