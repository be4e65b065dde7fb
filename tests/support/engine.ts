import { requireTable, TABLES } from '../../src/datasets/registry'
import { type NodeEngine, startNodeEngine } from '../../src/db/node'
import { createEmptyTableSql } from '../../src/queries/ddl'
import { createDerivedSql, type SqlQuery } from '../../src/queries/derived'
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

/** Runs a query, creating the derived tables it reads first, as the app's coordinator does. */
export async function query<T>(engine: NodeEngine, q: string | SqlQuery): Promise<T[]> {
  if (typeof q === 'string') return (await must(engine, q)) as T[]
  for (const d of q.derived) await must(engine, createDerivedSql(d))
  return (await must(engine, q.sql)) as T[]
}

/** The same query with its rows wrapped in more SQL (ordering, counting). */
export function wrap(q: SqlQuery, around: (sql: string) => string): SqlQuery {
  return { ...q, sql: around(q.sql) }
}
