import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import type { TableDef } from '../datasets/schema'
import { checkEmbeddedHeader } from '../datasets/header-check'
import { err, ok, type Result } from '../lib/result'
import { createEmptyTableSql, createTableFromCsvSql, tableSummarySql } from '../queries/ddl'
import { quoteLiteral } from '../queries/sql'
import type { Connector } from './connector'
import { describeLoadError } from './errors'

export interface LoadedTable {
  readonly rows: number
  readonly latestPeriod: string | null
}

export interface LoadFailure {
  /** Short Chinese reason for the UI: which part of the file, what is wrong. */
  readonly reason: string
  /** DuckDB's own message, when there is one. */
  readonly detail?: string
}

/**
 * Loads one embedded CSV (header = the registry's column names) into its table. On any
 * failure the table is left empty but present, so SQL that joins it still runs, and the
 * failure comes back for the widgets that need the table to show.
 */
export async function loadCsvTable(
  db: AsyncDuckDB,
  connector: Connector,
  table: TableDef,
  bytes: Uint8Array,
): Promise<Result<LoadedTable, LoadFailure>> {
  const headerProblem = checkEmbeddedHeader(table, bytes)
  if (headerProblem) return fail(connector, table, { reason: headerProblem })

  const fileName = `embedded/${table.name}.csv`
  // registerFileBuffer transfers (detaches) the buffer: hand it a copy we never need again.
  await db.registerFileBuffer(fileName, bytes.slice())
  try {
    const created = await connector.query(createTableFromCsvSql(table, fileName))
    if (!created.ok) {
      return fail(connector, table, { reason: describeLoadError(created.error.message), detail: created.error.message })
    }
  } finally {
    await db.dropFile(fileName)
  }
  const summary = await connector.query<{ rows: number; latest_period: string | null }>(tableSummarySql(table))
  if (!summary.ok) return err({ reason: describeLoadError(summary.error.message), detail: summary.error.message })
  const first = summary.value[0]
  return ok({ rows: first?.rows ?? 0, latestPeriod: first?.latest_period ?? null })
}

async function fail(connector: Connector, table: TableDef, failure: LoadFailure) {
  await connector.query(createEmptyTableSql(table))
  return err(failure)
}

/** The table exists (empty) but its file could not be fetched. */
export async function markTableMissing(connector: Connector, table: TableDef, reason: string) {
  return fail(connector, table, { reason })
}

export interface TableFile {
  readonly table: TableDef
  /** The file's bytes, or why there are none (missing, unreadable). */
  readonly file: { ok: true; bytes: Uint8Array } | { ok: false; reason: string }
}

/**
 * Loads many embedded tables at start-up in as few round trips as possible: every file is
 * registered, then one batch of CREATE statements and one summary query run. If the batch
 * fails, each table is loaded on its own so that only the broken ones are reported.
 */
export async function loadCsvTables(
  db: AsyncDuckDB,
  connector: Connector,
  files: readonly TableFile[],
): Promise<Map<string, Result<LoadedTable, LoadFailure>>> {
  const results = new Map<string, Result<LoadedTable, LoadFailure>>()
  const good: { table: TableDef; bytes: Uint8Array }[] = []
  for (const { table, file } of files) {
    const problem = file.ok ? checkEmbeddedHeader(table, file.bytes) : file.reason
    if (problem) results.set(table.name, await fail(connector, table, { reason: problem }))
    else if (file.ok) good.push({ table, bytes: file.bytes })
  }
  if (good.length === 0) return results

  const name = (t: TableDef) => `embedded/${t.name}.csv`
  // The worker takes messages in order: the files are registered before the batch that reads
  // them runs, without a round trip in between. (A registration that fails fails the batch.)
  const registered = Promise.all(good.map(({ table, bytes }) => db.registerFileBuffer(name(table), bytes.slice()))).catch(() => undefined)
  // One round trip: every CREATE, then the summary of every table (the last statement's result comes back).
  const summarySql = good
    .map(({ table }) => `SELECT ${quoteLiteral(table.name)} AS "name", * FROM (${tableSummarySql(table)})`)
    .join('\nUNION ALL\n')
  const batch = await connector.query<{ name: string; rows: number; latest_period: string | null }>(
    [...good.map(({ table }) => createTableFromCsvSql(table, name(table))), summarySql].join(';\n'),
  )
  // The worker drops them before it runs anything sent after: the tables' queries need not
  // wait a round trip for the answer (a file left behind by a failed drop costs only memory).
  await registered
  const dropped = Promise.all(good.map(({ table }) => db.dropFile(name(table)))).catch(() => undefined)

  if (!batch.ok) {
    await dropped
    for (const { table, bytes } of good) results.set(table.name, await loadCsvTable(db, connector, table, bytes))
    return results
  }
  for (const { table } of good) {
    const row = batch.value.find((r) => r.name === table.name)
    results.set(table.name, row ? ok({ rows: row.rows, latestPeriod: row.latest_period }) : err({ reason: '无法统计行数' }))
  }
  return results
}
