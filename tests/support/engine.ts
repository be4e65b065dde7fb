import { startNodeEngine, type NodeEngine } from '../../src/db/node'
import { requireTable, TABLES } from '../../src/datasets/registry'
import { createEmptyTableSql } from '../../src/queries/ddl'
import { literal, quoteIdent } from '../../src/queries/sql'

export type FixtureRow = Record<string, string | number | boolean | null>

/** A real DuckDB (the WASM build, in Node) with every registry table created empty. */
export async function startEngineWithSchema(): Promise<NodeEngine> {
  const engine = await startNodeEngine()
  for (const table of TABLES) await must(engine, createEmptyTableSql(table))
  return engine
}

export async function must(engine: NodeEngine, sql: string) {
  const result = await engine.connector.query(sql)
  if (!result.ok) throw new Error(`${result.error.message}\n${sql}`)
  return result.value
}

/** Inserts rows into a registry table; columns not given are NULL. */
export async function insertRows(engine: NodeEngine, tableName: string, rows: readonly FixtureRow[]) {
  if (rows.length === 0) return
  const table = requireTable(tableName)
  const columns = table.columns.map((c) => c.name)
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!columns.includes(key)) throw new Error(`${tableName} has no column ${key}`)
  }
  const values = rows.map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(', ')})`).join(',\n')
  await must(engine, `INSERT INTO ${quoteIdent(tableName)} VALUES ${values}`)
}

export async function query<T>(engine: NodeEngine, sql: string): Promise<T[]> {
  return (await must(engine, sql)) as T[]
}
