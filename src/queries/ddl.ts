import type { TableDef } from '../datasets/schema'
import { quoteIdent, quoteLiteral } from './sql'

/** `{'period': 'VARCHAR', ...}`: the column spec read_csv gets, straight from the registry. */
export function csvColumnsSpec(table: TableDef): string {
  return `{${table.columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ')}}`
}

/**
 * Loads a registered CSV file whose header is exactly the registry's column names: no
 * sniffing (the types come from the registry), ISO dates, an empty cell is NULL. A cell
 * that does not convert fails the whole statement, so a corrupt file never half-loads.
 */
export function createTableFromCsvSql(table: TableDef, fileName: string): string {
  return [
    `CREATE OR REPLACE TABLE ${quoteIdent(table.name)} AS SELECT * FROM read_csv(${quoteLiteral(fileName)},`,
    `  header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',`,
    `  dateformat = '%Y-%m-%d', nullstr = '', strict_mode = true,`,
    `  columns = ${csvColumnsSpec(table)})`,
  ].join('\n')
}

/** Row count and, for monthly tables, the latest period: what the catalog shows per table. */
export function tableSummarySql(table: TableDef): string {
  const latest = table.periodColumn ? `max(${quoteIdent(table.periodColumn)})` : 'NULL'
  return `SELECT count(*) AS "rows", ${latest} AS "latest_period" FROM ${quoteIdent(table.name)}`
}

/** An empty table with the registry's columns, for SQL that must run even when a file is missing. */
export function createEmptyTableSql(table: TableDef): string {
  const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')
  return `CREATE OR REPLACE TABLE ${quoteIdent(table.name)} (${cols})`
}
