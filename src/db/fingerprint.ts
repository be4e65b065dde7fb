/**
 * A fingerprint of everything a statement could change: every table's row count and content
 * hash, and the catalog (tables with their SQL and comments, views, types, macros, sequences,
 * indexes, schemas, attached databases, variables, settings). Tests take one before and after
 * feeding hostile SQL to the read-only paths and compare; browser tests reach it through the
 * test hook. It runs only the app's own SQL.
 */
import { quoteIdent } from '../queries/sql'
import type { QueryResult, Row } from './connector'

const CATALOG: readonly (readonly [string, string])[] = [
  [
    'tables',
    'SELECT database_name, schema_name, table_name, sql, comment, temporary FROM duckdb_tables() ORDER BY ALL',
  ],
  ['views', 'SELECT database_name, schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL'],
  [
    'types',
    'SELECT database_name, schema_name, type_name, logical_type FROM duckdb_types() WHERE NOT internal ORDER BY ALL',
  ],
  [
    'macros',
    'SELECT database_name, schema_name, function_name, function_type FROM duckdb_functions() WHERE NOT internal ORDER BY ALL',
  ],
  ['sequences', 'SELECT database_name, schema_name, sequence_name, last_value FROM duckdb_sequences() ORDER BY ALL'],
  ['indexes', 'SELECT database_name, schema_name, index_name, table_name FROM duckdb_indexes() ORDER BY ALL'],
  ['schemas', 'SELECT database_name, schema_name FROM duckdb_schemas() ORDER BY ALL'],
  ['databases', 'SELECT database_name, path, type, readonly FROM duckdb_databases() ORDER BY ALL'],
  ['variables', 'SELECT name, CAST(value AS VARCHAR) AS value FROM duckdb_variables() ORDER BY ALL'],
  ['settings', 'SELECT name, value FROM duckdb_settings() ORDER BY name'],
]

export interface Fingerprint {
  readonly catalog: Readonly<Record<string, readonly Row[]>>
  /** "database.schema.table" → rows and a hash of every row (order-independent). */
  readonly tables: Readonly<Record<string, { readonly rows: number; readonly hash: string }>>
}

/** Takes the fingerprint with `run` (the app's own connection: temporary tables are per connection). */
export async function databaseFingerprint(run: (sql: string) => Promise<QueryResult<Row>>): Promise<Fingerprint> {
  const must = async (sql: string) => {
    const r = await run(sql)
    if (!r.ok) throw new Error(`${r.error.message}\n${sql}`)
    return r.value
  }
  const catalog: Record<string, readonly Row[]> = {}
  for (const [name, sql] of CATALOG) catalog[name] = await must(sql)
  const tables: Record<string, { rows: number; hash: string }> = {}
  for (const t of catalog.tables!) {
    const name = [t.database_name, t.schema_name, t.table_name].map((p) => quoteIdent(String(p))).join('.')
    const [row] = await must(
      `SELECT count(*)::BIGINT AS "rows", CAST(coalesce(sum(hash(*COLUMNS(*))), 0) AS VARCHAR) AS "hash" FROM ${name}`,
    )
    tables[`${String(t.database_name)}.${String(t.schema_name)}.${String(t.table_name)}`] = {
      rows: Number(row!.rows),
      hash: String(row!.hash),
    }
  }
  return { catalog, tables }
}
