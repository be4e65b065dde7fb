import type { ColumnDef, TableDef } from './schema'
import { livelihoodItems, livelihoodProgress } from './tables/livelihood'
import { observationPoints, pointIndicators, pointIssues } from './tables/observation'
import { keyProjects, projectProgress } from './tables/projects'
import { clusters, towns } from './tables/reference'
import { deputySuggestions, microSuggestions, supervisionActivities, supervisionStats } from './tables/supervision'

/**
 * Every canonical table, in load order: a table comes after every table its foreign keys
 * reference, so loading and validating in this order never meets a dangling reference.
 */
export const TABLES: readonly TableDef[] = [
  clusters,
  towns,
  observationPoints,
  pointIndicators,
  pointIssues,
  keyProjects,
  projectProgress,
  livelihoodItems,
  livelihoodProgress,
  supervisionStats,
  supervisionActivities,
  deputySuggestions,
  microSuggestions,
]

export type TableName = (typeof TABLES)[number]['name']

const byName = new Map(TABLES.map((t) => [t.name, t]))

export function getTable(name: string): TableDef | undefined {
  return byName.get(name)
}

export function requireTable(name: string): TableDef {
  const table = byName.get(name)
  if (!table) throw new Error(`Unknown table ${name}`)
  return table
}

export function getColumn(table: TableDef, name: string): ColumnDef | undefined {
  return table.columns.find((c) => c.name === name)
}

/** "产值（万元）" — the header a Chinese user expects in a table or an export. */
export function columnHeading(column: ColumnDef): string {
  return column.unit && column.unit !== '%' && column.unit !== '°'
    ? `${column.label}（${column.unit}）`
    : column.unit === '%'
      ? `${column.label}（%）`
      : column.label
}

/** The tables a table's foreign keys point to. */
export function dependenciesOf(table: TableDef): string[] {
  return [...new Set(table.foreignKeys.map((fk) => fk.references.table))]
}

/** The embedded CSV file of a table, under data/. */
export function embeddedFileName(table: TableDef): string {
  return `${table.name}.csv`
}
