import { getTable } from '../datasets/registry'
import type { ColumnDef, SqlType, TableDef } from '../datasets/schema'
import { numberLiteral, quoteIdent, quoteLiteral } from '../queries/sql'
import type { ColumnMapping } from './mapping'
import { type AdhocType, adhocValueExpr, columnValueExpr, MISSING_MARKERS, type NumberStyle } from './normalize'
import type { Dialect } from './sniff'

/**
 * SQL for an upload, in three steps on the ingest connection: read the file into a
 * staging table (raw text and typed values side by side, one pass of read_csv), list
 * every problem as rows of an issues table, then commit the good rows in one statement
 * or one transaction.
 */

export const STAGE = '__upload_stage'
export const ISSUES = '__upload_issues'
export const REJECTS = '__upload_rejects'
export const REJECT_SCANS = '__upload_reject_scans'

/** Raw column i of the file, as read_csv names it. */
export const rawName = (i: number) => `c${i}`
export const valueName = (column: string) => `v_${column}`

export interface ReadOptions {
  readonly strict: boolean
  /** Read '—', '-', '/' … as NULL in the reader (ad-hoc tables); registry columns handle them in SQL. */
  readonly missingMarkers: boolean
  /** File columns DuckDB types itself (a value that does not fit is a CAST reject with its line). */
  readonly types?: ReadonlyMap<number, SqlType>
  /**
   * Keep rejected lines (ragged, unreadable) with their line numbers instead of failing.
   * Off for the first read of a clean-looking file (it costs time); a failure reads again with it.
   */
  readonly keepRejects?: boolean
}

/** How many lines at the top read_csv is told to skip: any above the header, and the header. */
export function linesSkipped(dialect: Dialect): number {
  return (dialect.comment ? dialect.skipRecords : dialect.skipLines) + (dialect.hasHeader ? 1 : 0)
}

export function readCsvSql(fileName: string, dialect: Dialect, options: ReadOptions): string {
  const columns = Array.from(
    { length: dialect.fieldCount },
    (_, i) => `${quoteLiteral(rawName(i))}: ${quoteLiteral(options.types?.get(i) ?? 'VARCHAR')}`,
  ).join(', ')
  const skip = linesSkipped(dialect)
  const nullstr = options.missingMarkers ? `[${MISSING_MARKERS.map(quoteLiteral).join(', ')}]` : `''`
  return [
    `read_csv(${quoteLiteral(fileName)}, header = false, auto_detect = false, skip = ${numberLiteral(skip)},`,
    `  delim = ${quoteLiteral(dialect.delimiter)}, quote = '"', escape = '"',`,
    dialect.comment ? `  comment = ${quoteLiteral(dialect.comment)},` : '',
    `  nullstr = ${nullstr}, strict_mode = ${options.strict}, max_line_size = 8388608, dateformat = '%Y-%m-%d',`,
    options.keepRejects === false
      ? ''
      : `  store_rejects = true, rejects_table = ${quoteLiteral(REJECTS)}, rejects_scan = ${quoteLiteral(REJECT_SCANS)},`,
    `  columns = {${columns}})`,
  ]
    .filter(Boolean)
    .join('\n')
}

/** The SQL type DuckDB can read a file column as directly, given its sampled shape; null to read text. */
export function nativeType(
  column: ColumnDef,
  shape: { integer: boolean; decimal: boolean; isoDate: boolean; boolean: boolean } | undefined,
): SqlType | null {
  if (!shape) return null
  switch (column.type) {
    case 'INTEGER':
      return shape.integer ? 'INTEGER' : null
    case 'DOUBLE':
    case 'DECIMAL(18,2)':
      return shape.decimal ? column.type : null
    case 'DATE':
      return shape.isoDate ? 'DATE' : null
    case 'BOOLEAN':
      return shape.boolean ? 'BOOLEAN' : null
    case 'VARCHAR':
      return null
  }
}

function blankFlag(fieldCount: number): string {
  return `(${Array.from({ length: fieldCount }, (_, i) => `${quoteIdent(rawName(i))} IS NULL`).join(' AND ')}) AS "__blank"`
}

export function dropRejectsSql(): string {
  return `DROP TABLE IF EXISTS ${quoteIdent(REJECTS)}; DROP TABLE IF EXISTS ${quoteIdent(REJECT_SCANS)}`
}

/** Whether a registry column's value can fail to convert (text never does). */
function convertible(column: ColumnDef): boolean {
  return column.type !== 'VARCHAR' || column.kind === 'period'
}
export const badName = (column: string) => `__bad_${column}`

/**
 * Staging for a registry table, in one pass of read_csv: a table shaped exactly like the
 * target (registry column order and types), plus `__bad_<col>` holding the text of a cell
 * that did not convert and `__blank` for empty lines. Committing a replace then drops
 * those helper columns and renames the table: no second copy of a million rows.
 */
export function stageForTableSql(
  stage: string,
  fileName: string,
  dialect: Dialect,
  table: TableDef,
  mapping: ColumnMapping,
  options: { strict: boolean; native: ReadonlyMap<number, SqlType>; keepRejects: boolean },
): string {
  const style: NumberStyle = { decimalComma: dialect.decimalComma }
  const inner: string[] = []
  const outer: string[] = []
  const bad: string[] = []
  for (const column of table.columns) {
    const i = mapping.indexOf(column.name)
    if (i < 0 || i >= dialect.fieldCount) {
      outer.push(`CAST(NULL AS ${column.type}) AS ${quoteIdent(column.name)}`)
      continue
    }
    outer.push(`CAST(${quoteIdent(valueName(column.name))} AS ${column.type}) AS ${quoteIdent(column.name)}`)
    if (column.type === 'VARCHAR') {
      // Text goes in as read; textFixupSql cleans it afterwards on its distinct values (and
      // adds its `__bad_<col>` only if the cleaning changes a value: a column of NULLs written
      // for every row of a clean file costs time at the read and again at the commit).
      inner.push(`${quoteIdent(rawName(i))} AS ${quoteIdent(valueName(column.name))}`)
      continue
    }
    if (options.native.has(i)) {
      // DuckDB read and typed it: nothing to clean, and a bad cell is a reject with its line.
      inner.push(`${quoteIdent(rawName(i))} AS ${quoteIdent(valueName(column.name))}`)
      continue
    }
    inner.push(`${columnValueExpr(rawName(i), column, style)} AS ${quoteIdent(valueName(column.name))}`)
    if (convertible(column)) {
      const r = quoteIdent(`r_${column.name}`)
      inner.push(`${quoteIdent(rawName(i))} AS ${r}`)
      bad.push(
        `CASE WHEN ${quoteIdent(valueName(column.name))} IS NULL AND ${r} IS NOT NULL AND trim(${r}) NOT IN (${MISSING_MARKERS.map(quoteLiteral).join(', ')}) THEN ${r} END AS ${quoteIdent(badName(column.name))}`,
      )
    }
  }
  inner.push(blankFlag(dialect.fieldCount))
  return `CREATE OR REPLACE TABLE ${quoteIdent(stage)} AS SELECT ${[...outer, ...bad, '"__blank"'].join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${readCsvSql(fileName, dialect, { strict: options.strict, missingMarkers: false, types: options.native, keepRejects: options.keepRejects })})`
}

/** The table of a staged column's distinct values (one column, "raw"), temporary to the connection. */
export const distinctName = (column: string) => `__upload_distinct_${column}`

/**
 * The staged columns whose distinct values the checks need: text columns (cleaned on their
 * values, not cell by cell) and foreign keys (looked up once per value). A million rows
 * hold a few dozen months and some thousand ids, so every later check is on a small table.
 */
export function distinctColumns(table: TableDef, mapping: ColumnMapping): ColumnDef[] {
  const mapped = new Set(mapping.filter((m): m is string => m !== null))
  const fks = new Set(checkedForeignKeys(table, mapping).map((fk) => fk.column))
  return table.columns.filter((c) => mapped.has(c.name) && (c.type === 'VARCHAR' || fks.has(c.name)))
}

export function distinctValuesSql(stage: string, columns: readonly ColumnDef[]): string[] {
  return columns.map(
    (c) =>
      `CREATE OR REPLACE TEMP TABLE ${quoteIdent(distinctName(c.name))} AS SELECT DISTINCT ${quoteIdent(c.name)} AS raw FROM ${quoteIdent(stage)}`,
  )
}

/**
 * Cleans the staged text columns (trim, missing markers, period spellings such as
 * "2025年3月") on their distinct values rather than cell by cell; in a clean file no value
 * changes, so the update touches nothing. A period that does not convert is kept in
 * `__bad_<col>` for the report. Reads the tables of distinctValuesSql.
 */
export function textFixupSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  style: NumberStyle,
): { columns: string[]; probe: string; updates: string[] } | null {
  const S = quoteIdent(stage)
  const columns = table.columns.filter((c) => c.type === 'VARCHAR' && mapping.includes(c.name))
  if (columns.length === 0) return null
  const changed = (column: ColumnDef) =>
    `SELECT raw, v FROM (SELECT raw, ${columnValueExpr('raw', column, style)} AS v FROM ${quoteIdent(distinctName(column.name))}) WHERE v IS DISTINCT FROM raw`
  return {
    columns: columns.map((c) => c.name),
    // One row: how many distinct values of each column change (n0, n1, …); an update runs only where one does.
    probe: `SELECT ${columns.map((c, i) => `(SELECT count(*) FROM (${changed(c)})) AS "n${i}"`).join(', ')}`,
    updates: columns.map((column) => {
      const col = quoteIdent(column.name)
      const set = [`${col} = m.v`]
      let add = ''
      if (convertible(column)) {
        const bad = quoteIdent(badName(column.name))
        add = `ALTER TABLE ${S} ADD COLUMN IF NOT EXISTS ${bad} VARCHAR;\n`
        set.push(
          `${bad} = CASE WHEN m.v IS NULL AND trim(m.raw) NOT IN (${MISSING_MARKERS.map(quoteLiteral).join(', ')}) THEN m.raw END`,
        )
      }
      return `${add}UPDATE ${S} SET ${set.join(', ')} FROM (${changed(column)}) m WHERE ${S}.${col} = m.raw`
    }),
  }
}

/**
 * Whether the staged table has a `__bad_<col>` for this mapped column: one cleaned in SQL
 * as it is read, or a text column once its cleaning changed a value (`cleaned`). DuckDB's
 * own typed columns have none (a bad cell is a reject with its line).
 */
function hasBadColumn(
  column: ColumnDef,
  mapping: ColumnMapping,
  native: ReadonlyMap<number, SqlType>,
  cleaned: ReadonlySet<string>,
): boolean {
  return (
    convertible(column) &&
    !native.has(mapping.indexOf(column.name)) &&
    (column.type !== 'VARCHAR' || cleaned.has(column.name))
  )
}

/** The helper columns a staged table carries until commit: every `__bad_<col>` there is, and `__blank`. */
export function stageHelperColumns(
  table: TableDef,
  mapping: ColumnMapping,
  native: ReadonlyMap<number, SqlType>,
  cleaned: ReadonlySet<string>,
): string[] {
  const bad = table.columns.filter((c) => mapping.includes(c.name) && hasBadColumn(c, mapping, native, cleaned))
  return [...bad.map((c) => badName(c.name)), '__blank']
}

/** Staging for an ad-hoc table: the raw text only; types are decided from it afterwards. */
export function stageRawSql(fileName: string, dialect: Dialect, strict: boolean): string {
  const select = Array.from({ length: dialect.fieldCount }, (_, i) => quoteIdent(rawName(i)))
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(STAGE)} AS SELECT ${[...select, blankFlag(dialect.fieldCount)].join(', ')} FROM ${readCsvSql(fileName, dialect, { strict, missingMarkers: true })}`
}

export type IssueKind =
  | 'type'
  | 'required'
  | 'range'
  | 'category'
  | 'unknown-key'
  | 'duplicate-key'
  /** A workbook cell whose formula has no cached value, or holds an error (#DIV/0!). */
  | 'formula'
  | 'cell-error'

interface CellCheck {
  readonly cond: string
  readonly col: string
  readonly kind: IssueKind
  readonly value: string
}

/**
 * The checks each staged cell gets: type, required, range, category. A text column's
 * `__bad_<col>` only exists once its cleaning (textFixupSql) changed a value, so for a text
 * column that needed none (`cleaned` says which did) there is nothing to look at.
 */
function cellChecks(
  table: TableDef,
  mapping: ColumnMapping,
  native: ReadonlyMap<number, SqlType>,
  cleaned: ReadonlySet<string> = new Set(),
): CellCheck[] {
  const mapped = new Set(mapping.filter((m): m is string => m !== null))
  const checks: CellCheck[] = []
  for (const column of table.columns) {
    if (!mapped.has(column.name)) continue
    const v = quoteIdent(column.name)
    const b = hasBadColumn(column, mapping, native, cleaned) ? quoteIdent(badName(column.name)) : null
    if (b) checks.push({ cond: `${b} IS NOT NULL`, col: column.name, kind: 'type', value: b })
    if (column.required)
      checks.push({
        cond: `${v} IS NULL${b ? ` AND ${b} IS NULL` : ''}`,
        col: column.name,
        kind: 'required',
        value: 'NULL',
      })
    const bounds: string[] = []
    if (column.min !== undefined) bounds.push(`${v} < ${numberLiteral(column.min)}`)
    if (column.max !== undefined) bounds.push(`${v} > ${numberLiteral(column.max)}`)
    if (bounds.length) checks.push({ cond: `(${bounds.join(' OR ')})`, col: column.name, kind: 'range', value: v })
    if (column.values?.length)
      checks.push({
        cond: `${v} NOT IN (${column.values.map(quoteLiteral).join(', ')})`,
        col: column.name,
        kind: 'category',
        value: v,
      })
  }
  return checks
}

/** The foreign keys an upload into `table` is checked against (another registry table's column). */
export function checkedForeignKeys(table: TableDef, mapping: ColumnMapping): TableDef['foreignKeys'] {
  return table.foreignKeys.filter(
    (fk) =>
      mapping.includes(fk.column) && fk.references.table !== table.name && getTable(fk.references.table) !== undefined,
  )
}

export function referenced(fk: TableDef['foreignKeys'][number]): string {
  const c = quoteIdent(fk.references.column)
  return `SELECT ${c} FROM ${quoteIdent(fk.references.table)} WHERE ${c} IS NOT NULL`
}

/** How many rows keys_head looks at. */
const KEY_ORDER_HEAD = 4096

/**
 * One row saying which checks can find anything, so that only those run row by row:
 * `cells`, rows with any failing cell (one scan whose filter DuckDB pushes into the table
 * scan, where its column statistics answer most of it); `fk<i>`, values of the i-th
 * foreign key not in the table it names (on the distinct values, not the rows);
 * `keys_head<i>`, keysAscendingSql in the i-th key order on the first rows (absent when
 * the key is not mapped).
 */
export function issuePrecheckSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  native: ReadonlyMap<number, SqlType>,
  cleaned?: ReadonlySet<string>,
): string {
  const S = quoteIdent(stage)
  const checks = cellChecks(table, mapping, native, cleaned)
  const parts = [
    checks.length
      ? `(SELECT count(*) FROM ${S} WHERE NOT "__blank" AND (${checks.map((c) => c.cond).join(' OR ')})) AS "cells"`
      : `0 AS "cells"`,
  ]
  checkedForeignKeys(table, mapping).forEach((fk, i) => {
    parts.push(
      `(SELECT count(*) FROM ${quoteIdent(distinctName(fk.column))} WHERE raw IS NOT NULL AND raw NOT IN (${referenced(fk)})) AS "fk${i}"`,
    )
  })
  keyOrders(table).forEach((_, order) => {
    const head = keysAscendingSql(stage, table, mapping, order, KEY_ORDER_HEAD)
    if (head) parts.push(`(${head}) AS "keys_head${order}"`)
  })
  return `SELECT ${parts.join(', ')}`
}

/** The orders keysAscendingSql can test: the registry's key order, and for a composite key also reversed. */
export function keyOrders(table: TableDef): readonly (readonly string[])[] {
  return table.primaryKey.length > 1 ? [table.primaryKey, [...table.primaryKey].reverse()] : [table.primaryKey]
}

/**
 * Whether the staged keys can be shown unique in one streaming pass: one row, `n`, the rows
 * whose key is not strictly greater than the row before it, compared column by column in
 * `keyOrders(table)[order]` (a sheet sorted by month then point, or by point then month); a
 * row with an empty key column counts too. `n` = 0 proves that no key repeats: the keys
 * strictly increase along a scan of every row. Exports are usually written in key order,
 * and this costs a fraction of the hash table of every key that finding the repeats takes;
 * any other file gets that table. `head` looks only at the first rows, to learn cheaply
 * which order (if any) the full pass is worth trying. Null when the key is not mapped.
 */
export function keysAscendingSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  order: number,
  head?: number,
): string | null {
  const keys = keyOrders(table)[order]
  if (!keys || !keyMapped(table, mapping)) return null
  const prev = (k: string) => quoteIdent(`__prev_${k}`)
  const greater = keys.reduceRight<string>((rest, k, i) => {
    const [v, p] = [quoteIdent(k), prev(k)]
    return i === keys.length - 1 ? `${v} > ${p}` : `(${v} > ${p} OR (${v} = ${p} AND ${rest}))`
  }, '')
  const present = keys.map((k) => `${quoteIdent(k)} IS NOT NULL`).join(' AND ')
  const source = `SELECT ${keys.map(quoteIdent).join(', ')} FROM ${quoteIdent(stage)} WHERE NOT "__blank"${head ? ` LIMIT ${numberLiteral(head)}` : ''}`
  const withPrev = `SELECT ${keys.map(quoteIdent).join(', ')}, ${keys.map((k) => `lag(${quoteIdent(k)}) OVER () AS ${prev(k)}`).join(', ')} FROM (${source})`
  return `SELECT count(*) FILTER (WHERE NOT (${present} AND (${prev(keys[0]!)} IS NULL OR ${greater}))) AS "n" FROM (${withPrev})`
}

/** Which row-level checks issuesForTableSql runs; by default all of them. */
export interface IssueScope {
  /** Look for repeated keys (false when keysAscendingSql has shown there are none). */
  readonly duplicates?: boolean
  readonly cells: boolean
  /** Text columns whose cleaning changed a value (so may have left a bad one in `__bad_<col>`). */
  readonly cleaned?: ReadonlySet<string>
  /** Foreign keys (by their index in issuePrecheckSql) to look up row by row. */
  readonly foreignKeys: ReadonlySet<number> | 'all'
}
const EVERY_CHECK: IssueScope = { cells: true, foreignKeys: 'all' }

/**
 * Every problem as a row of the issues table (row_idx, col, kind, value): the per-cell
 * checks in one pass over the staged rows, then unknown keys and duplicate keys.
 */
export function issuesForTableSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  native: ReadonlyMap<number, SqlType>,
  scope: IssueScope = EVERY_CHECK,
): string {
  const checks = scope.cells ? cellChecks(table, mapping, native, scope.cleaned) : []
  const parts: string[] = []
  const S = quoteIdent(stage)
  if (checks.length) {
    const items = checks.map(
      (c) =>
        `CASE WHEN ${c.cond} THEN {'col': ${quoteLiteral(c.col)}, 'kind': ${quoteLiteral(c.kind)}, 'value': CAST(${c.value} AS VARCHAR)} END`,
    )
    parts.push(
      `SELECT row_idx, s.col AS col, s.kind AS kind, s.value AS value FROM (` +
        `SELECT row_idx, unnest(list_filter([${items.join(', ')}], x -> x IS NOT NULL)) AS s FROM (SELECT rowid AS row_idx, * FROM ${S} WHERE NOT "__blank" AND (${checks.map((c) => c.cond).join(' OR ')})))`,
    )
  }
  const row = (col: string, kind: IssueKind, value: string) =>
    `SELECT rowid AS row_idx, ${quoteLiteral(col)} AS col, ${quoteLiteral(kind)} AS kind, CAST(${value} AS VARCHAR) AS value`
  checkedForeignKeys(table, mapping).forEach((fk, i) => {
    if (scope.foreignKeys !== 'all' && !scope.foreignKeys.has(i)) return
    const v = quoteIdent(fk.column)
    parts.push(
      `${row(fk.column, 'unknown-key', v)} FROM ${S} WHERE NOT "__blank" AND ${v} IS NOT NULL AND ${v} NOT IN (${referenced(fk)})`,
    )
  })
  if (keyMapped(table, mapping) && scope.duplicates !== false) {
    const keys = table.primaryKey.map((k) => quoteIdent(k))
    const shown = keys.length === 1 ? `s.${keys[0]}` : `concat_ws(' / ', ${keys.map((k) => `s.${k}`).join(', ')})`
    // Grouping on a hash of the key is much cheaper than on the text; the join back on
    // the key itself drops the rare hash collision.
    const candidates = `SELECT hash(${keys.join(', ')}) AS h FROM ${S} WHERE NOT "__blank" GROUP BY h HAVING count(*) > 1`
    parts.push(
      `SELECT row_idx, ${quoteLiteral(table.primaryKey.join('+'))} AS col, 'duplicate-key' AS kind, shown AS value FROM (` +
        `SELECT s.rowid AS row_idx, CAST(${shown} AS VARCHAR) AS shown, row_number() OVER (PARTITION BY ${keys.map((k) => `s.${k}`).join(', ')} ORDER BY s.rowid) AS n ` +
        `FROM ${S} s SEMI JOIN (${candidates}) c ON hash(${keys.map((k) => `s.${k}`).join(', ')}) = c.h WHERE NOT s."__blank") WHERE n > 1`,
    )
  }
  if (parts.length === 0) return emptyIssuesSql()
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(ISSUES)} AS ${parts.join('\nUNION ALL\n')}`
}

export function emptyIssuesSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(ISSUES)} AS SELECT NULL::BIGINT AS row_idx, NULL::VARCHAR AS col, NULL::VARCHAR AS kind, NULL::VARCHAR AS value WHERE FALSE`
}

/**
 * Rows (one pass over the staged table), failing rows and issues; then the rejected (ragged,
 * unparsable) lines — none when the file was read without keeping them (`rejects: false`:
 * such a read fails on a bad line instead, so there is no rejects table to count).
 */
export function stageSummarySql(stage: string, { rejects = true } = {}): string {
  return [
    `SELECT s."rows", s."blank_rows",`,
    `  (SELECT count(DISTINCT row_idx) FROM ${quoteIdent(ISSUES)}) AS "failing_rows",`,
    `  (SELECT count(*) FROM ${quoteIdent(ISSUES)}) AS "issues",`,
    `  ${rejects ? `(SELECT count(*) FROM ${quoteIdent(REJECTS)})` : '0'} AS "rejected_lines"`,
    `FROM (SELECT count(*) FILTER (WHERE NOT "__blank") AS "rows", count(*) FILTER (WHERE "__blank") AS "blank_rows" FROM ${quoteIdent(stage)}) s`,
  ].join('\n')
}

export function issueSampleSql(limit: number): string {
  return `SELECT row_idx, col, kind, value FROM ${quoteIdent(ISSUES)} ORDER BY row_idx, col LIMIT ${numberLiteral(limit)}`
}

export function issueCountsSql(): string {
  return `SELECT col, kind, count(*) AS n FROM ${quoteIdent(ISSUES)} GROUP BY ALL ORDER BY n DESC`
}

export function rejectsSql(limit: number): string {
  return `SELECT line, column_idx, error_type, csv_line FROM ${quoteIdent(REJECTS)} ORDER BY line LIMIT ${numberLiteral(limit)}`
}

/** The rows that go in: not blank, and (when skipping) not named in the issues table. */
function goodRows(stage: string, skipFailing: boolean): string {
  return `FROM ${quoteIdent(stage)} WHERE NOT "__blank"${skipFailing ? ` AND rowid NOT IN (SELECT row_idx FROM ${quoteIdent(ISSUES)})` : ''}`
}

/** How the staged rows become the table: rows to drop first, and the native (helper-free) columns. */
export interface SwapOptions {
  readonly deleteRows: boolean
  readonly skipFailing: boolean
  readonly native: ReadonlyMap<number, SqlType>
  /** Text columns whose cleaning changed a value (each has its `__bad_<col>` to drop). */
  readonly cleaned: ReadonlySet<string>
}

/**
 * Replace: first the staged table (which nothing else reads) loses its blank and failing
 * rows; then, in one transaction, it loses its helper columns, the old table is dropped and
 * the staged one takes its name. (DuckDB refuses a commit that deletes rows from a table
 * the same transaction also altered, hence the two steps.)
 */
export function replaceTableSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  options: SwapOptions,
): { before: string[]; swap: string[] } {
  const before: string[] = []
  if (options.deleteRows) {
    before.push(
      `DELETE FROM ${quoteIdent(stage)} WHERE "__blank"${options.skipFailing ? ` OR rowid IN (SELECT row_idx FROM ${quoteIdent(ISSUES)})` : ''}`,
    )
  }
  const swap = stageHelperColumns(table, mapping, options.native, options.cleaned).map(
    (helper) => `ALTER TABLE ${quoteIdent(stage)} DROP COLUMN ${quoteIdent(helper)}`,
  )
  swap.push(`DROP TABLE IF EXISTS ${quoteIdent(table.name)}`)
  swap.push(`ALTER TABLE ${quoteIdent(stage)} RENAME TO ${quoteIdent(table.name)}`)
  return { before, swap }
}

/**
 * Append of a file bigger than the table it goes into, when none of its keys is in the
 * table: the table's rows are copied into the staged table, which then takes the table's
 * name as a replace does. The same rows as inserting the file into the table, with the
 * small side copied instead of the big one (a million-row history onto the sample's few
 * hundred). `before` runs first, `swap` in one transaction.
 */
export function appendBySwapSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  options: SwapOptions,
): { before: string[]; swap: string[] } {
  const { before, swap } = replaceTableSql(stage, table, mapping, options)
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ')
  const copy = `INSERT INTO ${quoteIdent(stage)} (${columns}) SELECT ${columns} FROM ${quoteIdent(table.name)}`
  // After the helper columns go (the table has none), before the table is dropped.
  const at = swap.findIndex((s) => s.startsWith('DROP TABLE'))
  return { before, swap: [...swap.slice(0, at), copy, ...swap.slice(at)] }
}

/**
 * What a replace or a swap-append that keeps every staged row commits, read from the small
 * sides instead of a scan of the rows committed: the latest period is the largest of the
 * staged column's distinct values (cleaned, as committed) and, for an append, of the table's
 * own rows; `target_rows`, the table's own rows (0 for a replace). Run in the commit's
 * transaction before the swap. Null when the period is not staged as distinct values.
 */
export function swapSummarySql(
  table: TableDef,
  mapping: ColumnMapping,
  { append }: { append: boolean },
): string | null {
  const period = table.periodColumn
  if (period && !distinctColumns(table, mapping).some((c) => c.name === period)) return null
  const staged = period ? `SELECT max(raw) AS p FROM ${quoteIdent(distinctName(period))}` : null
  const own = period && append ? `SELECT max(${quoteIdent(period)}) FROM ${quoteIdent(table.name)}` : null
  const latest = staged ? `(SELECT max(p) FROM (${[staged, own].filter(Boolean).join(' UNION ALL ')}))` : 'NULL'
  return `SELECT ${latest} AS "latest_period", ${append ? `(SELECT count(*) FROM ${quoteIdent(table.name)})` : '0'} AS "target_rows"`
}

/**
 * Append, run inside a transaction: rows whose key is already in the table replace those
 * rows (`remove`, needed only when `mayOverlap` finds rows), then the rows go in.
 */
export function appendTableSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  skipFailing: boolean,
): { mayOverlap: string | null; remove: string | null; insert: string[] } {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ')
  const incoming = `SELECT ${columns} ${goodRows(stage, skipFailing)}`
  const keyed = keyMapped(table, mapping)
  const on = table.primaryKey
    .map((k) => `${quoteIdent(table.name)}.${quoteIdent(k)} = n.${quoteIdent(k)}`)
    .join(' AND ')
  return {
    mayOverlap: keyed ? periodOverlapSql(stage, table) : null,
    remove: keyed ? `DELETE FROM ${quoteIdent(table.name)} USING (${incoming}) n WHERE ${on}` : null,
    insert: [`INSERT INTO ${quoteIdent(table.name)} (${columns}) ${incoming}`, `DROP TABLE ${quoteIdent(stage)}`],
  }
}

function keyMapped(table: TableDef, mapping: ColumnMapping): boolean {
  const mapped = new Set(mapping.filter((m): m is string => m !== null))
  return table.primaryKey.length > 0 && table.primaryKey.every((k) => mapped.has(k))
}

/**
 * For a table keyed by month: how many of its rows fall in the months the file brings.
 * Zero (next month's sheet) means no key can collide, and the costly join on the key is
 * skipped. Null when the key has no month.
 */
export function periodOverlapSql(stage: string, table: TableDef, options: { distinct?: boolean } = {}): string | null {
  const period = table.columns.find((c) => c.kind === 'period' && table.primaryKey.includes(c.name))
  if (!period) return null
  const p = quoteIdent(period.name)
  // The period's distinct values are at hand after staging (distinctValuesSql); inside a commit the staged table is read.
  const months =
    options.distinct && period.type === 'VARCHAR'
      ? `SELECT raw FROM ${quoteIdent(distinctName(period.name))} WHERE raw IS NOT NULL`
      : `SELECT DISTINCT ${p} FROM ${quoteIdent(stage)} WHERE ${p} IS NOT NULL`
  return `SELECT count(*) AS "n" FROM ${quoteIdent(table.name)} WHERE ${p} IN (${months})`
}

/** How many rows of the table an append would replace (same key). */
export function appendOverlapSql(
  stage: string,
  table: TableDef,
  mapping: ColumnMapping,
  options: { fileKeysUnique?: boolean } = {},
): string | null {
  if (!keyMapped(table, mapping)) return null
  const on = table.primaryKey.map((k) => `t.${quoteIdent(k)} = s.${quoteIdent(k)}`).join(' AND ')
  // With no key repeated in the file, each row of the table meets at most one staged row,
  // so an inner join counts the same; DuckDB builds its hash table on the smaller side of
  // an inner join (the few hundred rows of the sample, not the file's million), while a
  // semi join always builds on the staged rows.
  if (options.fileKeysUnique)
    return `SELECT count(*) AS "n" FROM ${quoteIdent(stage)} s JOIN ${quoteIdent(table.name)} t ON ${on}`
  return `SELECT count(*) AS "n" FROM ${quoteIdent(table.name)} t SEMI JOIN ${quoteIdent(stage)} s ON ${on}`
}

export interface AdhocColumn {
  readonly name: string
  readonly type: AdhocType
}

export function createAdhocSql(
  name: string,
  columns: readonly AdhocColumn[],
  style: NumberStyle,
  skipFailing: boolean,
): string {
  const select = columns
    .map((c, i) => `${adhocValueExpr(rawName(i), c.type, style)} AS ${quoteIdent(c.name)}`)
    .join(', ')
  return `CREATE OR REPLACE TABLE ${quoteIdent(name)} AS SELECT ${select} ${goodRows(STAGE, skipFailing)}`
}
