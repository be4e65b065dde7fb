import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import {
  DataType,
  DateUnit,
  type Field,
  Precision,
  RecordBatch,
  RecordBatchReader,
  Schema,
  Table,
  tableFromIPC,
  tableToIPC,
} from 'apache-arrow'

import { checkEmbeddedHeader, columnsMismatch } from '../datasets/header-check'
import type { SqlType, TableDef } from '../datasets/schema'
import { err, ok, type Result } from '../lib/result'
import { createEmptyTableSql, createTableFromCsvSql, tableSummarySql } from '../queries/ddl'
import { quoteIdent, quoteLiteral } from '../queries/sql'
import type { Connector } from './connector'
import type { DuckDBConnector } from './duckdb-connector'
import { describeLoadError } from './errors'
import { logStatement } from './statement-log'

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
 * Loads one embedded CSV (header = the registry's column names) into its table: how the
 * build reads data/ to make each table's Arrow stream (embeddedCsvToArrow), and how tests
 * load the same data in Node. On any failure the table is left empty but present, so SQL
 * that joins it still runs, and the failure comes back for whoever needs the table.
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

export interface TableFile {
  readonly table: TableDef
  /** The file's bytes, or why there are none (missing, unreadable). */
  readonly file: { ok: true; bytes: Uint8Array } | { ok: false; reason: string }
}

interface TableSummary {
  readonly name: string
  readonly rows: number
  readonly latest_period: string | null
}

/** One statement that answers every table's row count and latest period, a row each. */
function summariesSql(tables: readonly TableDef[]): string {
  return tables
    .map((table) => `SELECT ${quoteLiteral(table.name)} AS "name", * FROM (${tableSummarySql(table)})`)
    .join('\nUNION ALL\n')
}

function summaryOf(rows: readonly TableSummary[], table: TableDef): Result<LoadedTable, LoadFailure> {
  const row = rows.find((r) => r.name === table.name)
  return row ? ok({ rows: row.rows, latestPeriod: row.latest_period }) : err({ reason: '无法统计行数' })
}

/** Schema metadata that says how many rows an embedded stream holds: a cut-short file is caught. */
export const ARROW_ROWS_KEY = 'observatory.rows'

/** Every Arrow stream ends with these eight bytes (continuation marker, zero length). */
const END_OF_STREAM = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]

/**
 * A table's rows as an Arrow IPC stream, with their count in its schema: the form the build
 * gives the embedded data (see scripts/embedded-data.ts) and loadArrowTables reads. DuckDB
 * answers in Arrow's file form; its Arrow insert takes the stream form.
 */
export async function tableArrowStream(db: AsyncDuckDB, table: TableDef): Promise<Uint8Array> {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ')
  return queryArrowStream(db, `SELECT ${columns} FROM ${quoteIdent(table.name)}`)
}

/** A query's rows as an Arrow stream with their count in its schema. */
async function queryArrowStream(db: AsyncDuckDB, sql: string): Promise<Uint8Array> {
  const connection = await db.connectInternal()
  try {
    const rows = tableFromIPC(await db.runQuery(connection, sql))
    const schema = new Schema(rows.schema.fields, new Map([[ARROW_ROWS_KEY, String(rows.numRows)]]))
    return tableToIPC(
      new Table(
        schema,
        rows.batches.map((b) => new RecordBatch(schema, b.data)),
      ),
      'stream',
    )
  } finally {
    await db.disconnect(connection)
  }
}

/**
 * An embedded CSV as the Arrow stream the app loads at start-up: read by DuckDB exactly as
 * loadCsvTable reads it (the registry's types, nothing sniffed), so a cell that does not
 * convert is named, with its line, when the build makes the stream.
 */
export async function embeddedCsvToArrow(
  db: AsyncDuckDB,
  connector: Connector,
  table: TableDef,
  csv: Uint8Array,
): Promise<Result<Uint8Array, LoadFailure>> {
  const loaded = await loadCsvTable(db, connector, table, csv)
  return loaded.ok ? ok(await tableArrowStream(db, table)) : loaded
}

/** Whether an Arrow column holds what the registry's SQL type needs, exactly as DuckDB writes it. */
function arrowTypeFits(type: DataType, sql: SqlType): boolean {
  switch (sql) {
    case 'VARCHAR':
      return DataType.isUtf8(type)
    case 'INTEGER':
      return DataType.isInt(type) && type.bitWidth === 32 && type.isSigned
    case 'DOUBLE':
      return DataType.isFloat(type) && type.precision === Precision.DOUBLE
    case 'DECIMAL(18,2)':
      return DataType.isDecimal(type) && type.precision === 18 && type.scale === 2
    case 'DATE':
      return DataType.isDate(type) && type.unit === DateUnit.DAY
    case 'BOOLEAN':
      return DataType.isBool(type)
  }
}

/**
 * What an embedded Arrow stream holds, read from its schema before DuckDB sees it: the rows
 * it says it has; or why it cannot be loaded as `table` (not Arrow, cut short, columns not
 * the registry's by name, order and type).
 */
export function readEmbeddedArrow(table: TableDef, bytes: Uint8Array): Result<{ rows: number }, string> {
  if (bytes.length === 0) return err('文件为空')
  let schema: Schema
  try {
    const reader = RecordBatchReader.from(bytes)
    reader.open()
    schema = reader.schema
  } catch {
    return err('文件损坏：不是有效的 Arrow 数据')
  }
  const fields: readonly Field[] = schema.fields
  const names = columnsMismatch(
    table,
    fields.map((f) => f.name),
  )
  if (names) return err(`列与数据模型不一致：${names}`)
  const wrong = table.columns.flatMap((c, i) =>
    arrowTypeFits(fields[i]!.type, c.type) ? [] : [`${c.name} 应为 ${c.type}，文件中为 ${String(fields[i]!.type)}`],
  )
  if (wrong.length) return err(`列的类型与数据模型不一致：${wrong.join('；')}`)
  const rows = Number(schema.metadata.get(ARROW_ROWS_KEY) ?? NaN)
  if (!Number.isSafeInteger(rows) || rows < 0) return err('文件损坏：缺少行数标记，不是本应用构建生成的数据')
  if (END_OF_STREAM.some((b, i) => bytes[bytes.length - 8 + i] !== b)) return err('文件不完整：数据在结尾之前中断')
  return ok({ rows })
}

/**
 * Loads the embedded tables at start-up from their Arrow streams: one round trip creates
 * them all, empty, with the registry's columns; each file's rows then go into its table in
 * one statement (all or nothing), and one query counts them. The messages go to the worker
 * without waiting for each other (it takes them in order). A file that fails leaves its
 * table empty but present, and its failure comes back for the widgets that need the table.
 * The caller's bytes are kept (the engine takes a copy): a restarted engine loads them again.
 */
export async function loadArrowTables(
  connector: DuckDBConnector,
  files: readonly TableFile[],
): Promise<Map<string, Result<LoadedTable, LoadFailure>>> {
  const results = new Map<string, Result<LoadedTable, LoadFailure>>()
  const good: { table: TableDef; bytes: Uint8Array; rows: number }[] = []
  for (const { table, file } of files) {
    const read = file.ok ? readEmbeddedArrow(table, file.bytes) : err(file.reason)
    if (!read.ok) results.set(table.name, await fail(connector, table, { reason: read.error }))
    else if (file.ok) good.push({ table, bytes: file.bytes, rows: read.value.rows })
  }
  if (good.length === 0) return results

  const created = connector.query(good.map(({ table }) => createEmptyTableSql(table)).join(';\n'))
  const inserted = good.map(({ table, bytes }) => {
    logStatement({ kind: 'insert', table: table.name })
    return connector.connection.insertArrowFromIPCStream(bytes.slice(), { name: table.name, create: false }).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    )
  })
  const summary = connector.query<TableSummary>(summariesSql(good.map((g) => g.table)))
  const [made, failures, counted] = await Promise.all([created, Promise.all(inserted), summary])
  for (const [i, { table, rows }] of good.entries()) {
    const failure = made.ok ? failures[i] : made.error.message
    if (failure) {
      results.set(table.name, err({ reason: describeArrowError(failure), detail: failure }))
    } else if (!counted.ok) {
      results.set(table.name, err({ reason: describeLoadError(counted.error.message), detail: counted.error.message }))
    } else {
      const loaded = summaryOf(counted.value, table)
      const short =
        loaded.ok && loaded.value.rows !== rows ? `文件不完整：应有 ${rows} 行，只读到 ${loaded.value.rows} 行` : null
      results.set(table.name, short ? await fail(connector, table, { reason: short }) : loaded)
    }
  }
  return results
}

/** DuckDB's or Arrow's message about a stream it could not insert, in the words a user can act on. */
function describeArrowError(message: string): string {
  if (/conver|cast/i.test(message)) return '文件损坏：有值无法转换为规定类型'
  return '文件损坏：无法按 Arrow 格式读取'
}

/** Where an incoming table's rows wait while they are checked, before they replace the table's. */
const INCOMING = '__observatory_incoming'

/**
 * Replaces the rows of a loaded table with those of an Arrow stream (a newly published
 * version, or the embedded data again after an unpublish), in one transaction: every query
 * sees either the old rows or the new, never an empty or half-filled table. A registry
 * table keeps its columns and types (the stream must match them exactly); an ad-hoc table
 * takes the stream's. On any failure the table is left as it was.
 */
export async function replaceTableFromArrow(
  connector: DuckDBConnector,
  name: string,
  table: TableDef | null,
  bytes: Uint8Array,
): Promise<Result<LoadedTable, LoadFailure>> {
  const read = table ? readEmbeddedArrow(table, bytes) : readAdhocArrow(bytes)
  if (!read.ok) return err({ reason: read.error })
  const incoming = quoteIdent(INCOMING)
  const dropIncoming = `DROP TABLE IF EXISTS ${incoming}`
  await connector.query(dropIncoming)
  try {
    await connector.connection.insertArrowFromIPCStream(bytes.slice(), { name: INCOMING, create: true })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    await connector.query(dropIncoming)
    return err({ reason: describeArrowError(message), detail: message })
  }
  const target = quoteIdent(name)
  const counted = await connector.query<{ rows: number }>(`SELECT count(*) AS "rows" FROM ${incoming}`)
  if (!counted.ok || counted.value[0]?.rows !== read.value.rows) {
    await connector.query(dropIncoming)
    const got = counted.ok ? (counted.value[0]?.rows ?? 0) : 0
    return err({ reason: `文件不完整：应有 ${read.value.rows} 行，只读到 ${got} 行` })
  }
  // One message to the worker: no other query runs between the statements.
  const swap = table
    ? ['BEGIN TRANSACTION', `DELETE FROM ${target}`, `INSERT INTO ${target} SELECT * FROM ${incoming}`, 'COMMIT']
    : [`CREATE OR REPLACE TABLE ${target} AS SELECT * FROM ${incoming}`]
  const swapped = await connector.query(swap.join(';\n'))
  if (!swapped.ok) await connector.query('ROLLBACK')
  await connector.query(dropIncoming)
  if (!swapped.ok) return err({ reason: describeLoadError(swapped.error.message), detail: swapped.error.message })
  if (!table) return ok({ rows: read.value.rows, latestPeriod: null })
  const summary = await connector.query<{ rows: number; latest_period: string | null }>(tableSummarySql(table))
  if (!summary.ok) return err({ reason: describeLoadError(summary.error.message), detail: summary.error.message })
  return ok({ rows: summary.value[0]?.rows ?? 0, latestPeriod: summary.value[0]?.latest_period ?? null })
}

/** An ad-hoc table's stream: any columns, but whole (its row count said and its end there). */
export function readAdhocArrow(bytes: Uint8Array): Result<{ rows: number }, string> {
  if (bytes.length < 8) return err('文件为空')
  let schema: Schema
  try {
    const reader = RecordBatchReader.from(bytes)
    reader.open()
    schema = reader.schema
  } catch {
    return err('文件损坏：不是有效的 Arrow 数据')
  }
  if (schema.fields.length === 0) return err('文件中没有任何列')
  const rows = Number(schema.metadata.get(ARROW_ROWS_KEY) ?? NaN)
  if (!Number.isSafeInteger(rows) || rows < 0) return err('文件损坏：缺少行数标记，不是本应用生成的数据')
  if (END_OF_STREAM.some((b, i) => bytes[bytes.length - 8 + i] !== b)) return err('文件不完整：数据在结尾之前中断')
  return ok({ rows })
}

/**
 * Any loaded table's rows as an Arrow stream with their count in its schema: what a publish
 * sends. A registry table's columns come in the registry's order and types (tableArrowStream).
 */
export async function anyTableArrowStream(db: AsyncDuckDB, name: string, table: TableDef | null): Promise<Uint8Array> {
  return table ? tableArrowStream(db, table) : queryArrowStream(db, `SELECT * FROM ${quoteIdent(name)}`)
}
