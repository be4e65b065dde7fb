import { type AsyncDuckDB, DuckDBDataProtocol } from '@duckdb/duckdb-wasm'

import type { SqlType, TableDef } from '../datasets/schema'
import type { ColumnMapping } from '../ingest/mapping'
import { adhocProfileSql, adhocTypeFrom } from '../ingest/normalize'
import type { StagePlan, StageReport } from '../ingest/plan'
import { columnTitle, describeIssue, lineOfRow, rejectIssue, type UploadIssue } from '../ingest/report'
import type { ColumnResolution } from '../ingest/resolve-sql'
import {
  type AdhocColumn,
  appendBySwapSql,
  appendOverlapSql,
  appendTableSql,
  createAdhocSql,
  distinctColumns,
  distinctValuesSql,
  dropRejectsSql,
  emptyIssuesSql,
  type IssueKind,
  issuePrecheckSql,
  ISSUES,
  issueSampleSql,
  issuesForTableSql,
  keyOrders,
  keysAscendingSql,
  nativeType,
  periodOverlapSql,
  REJECTS,
  rejectsSql,
  replaceTableSql,
  STAGE,
  stageForTableSql,
  stageRawSql,
  stageSummarySql,
  swapSummarySql,
  textFixupSql,
} from '../ingest/stage-sql'
import { err, ok, type Result } from '../lib/result'
import { testHooks } from '../lib/test-hooks'
import { tableSummarySql } from '../queries/ddl'
import { quoteIdent, quoteLiteral } from '../queries/sql'
import type { Connector } from './connector'
import { applySessionSettings, DuckDBConnector, fateOf } from './duckdb-connector'

/**
 * Uploads run on a connection of their own: the staging tables are temporary to it, and
 * its transaction (an append) never wraps the dashboard's queries on the main connection.
 */
export interface IngestSession {
  readonly db: AsyncDuckDB
  readonly connector: Connector
  /** This session's staging table for a registry target (a real table, so a commit can rename it). */
  readonly stageTable: string
  close(): Promise<void>
}

let sessions = 0

/** The database handle uploads need (for state code that must not import DuckDB's types). */
export type IngestDatabase = AsyncDuckDB

export async function openIngestSession(db: AsyncDuckDB): Promise<IngestSession> {
  const connector = await DuckDBConnector.open(db)
  await applySessionSettings(connector.connection)
  const stageTable = `__upload_stage_${++sessions}`
  return {
    db,
    connector,
    stageTable,
    async close() {
      try {
        await connector.query(`DROP TABLE IF EXISTS ${quoteIdent(stageTable)}`)
        await connector.close()
      } catch {
        // The engine is gone already: nothing left to close.
      }
    },
  }
}

/**
 * `work` on the engine `db`, or, if the engine dies first (a crash, or the watchdog giving up
 * on it), why it stopped: nothing waits for a worker that will never answer. A rejection
 * comes back as a value too. (The engine is then replaced and its tables loaded again,
 * without whatever this work had not committed and stored.)
 */
export function untilEngineDies<T>(db: AsyncDuckDB, work: Promise<Result<T, string>>): Promise<Result<T, string>> {
  return fateOf(db).race(
    work.catch((e: unknown) => err(e instanceof Error ? e.message : String(e))),
    (reason) => err(`数据引擎中断，本次导入没有完成（${reason}）`),
  )
}

/** How many issues are listed in full (all are counted). */
export const ISSUE_LIST_LIMIT = 1000

let fileCounter = 0

/** The benchmark sets this array (test hooks) to see where an upload's time goes. */
const timings = () => testHooks()?.ingestTimings

async function run(session: IngestSession, sql: string): Promise<Result<Record<string, unknown>[], string>> {
  const t0 = performance.now()
  const r = await session.connector.query(sql)
  timings()?.push({ sql: sql.slice(0, 60), ms: Math.round(performance.now() - t0), at: Math.round(t0) })
  return r.ok ? ok(r.value as Record<string, unknown>[]) : err(r.error.message)
}

/** The one number a `SELECT count(*) AS "n"` statement answers. */
async function count(session: IngestSession, sql: string): Promise<Result<number, string>> {
  const r = await run(session, sql)
  return r.ok ? ok(Number((r.value[0] as { n: number }).n)) : r
}

/** A reader error in the user's words; DuckDB's own text follows for the curious. */
export function describeReadError(message: string): string {
  if (/invalid unicode|byte sequence/i.test(message)) return '文件中有无法按所选编码识别的字节，请换一种编码再试'
  if (/maximum line size/i.test(message)) return '文件中有超过 8 MB 的单行，无法读取'
  if (/unterminated quote/i.test(message)) return '文件中有未闭合的引号'
  if (/compression/i.test(message)) return '不支持这种压缩格式'
  return '文件无法按 CSV 读取'
}

/**
 * Makes `input` readable by DuckDB as `fileName`: bytes are handed over (registerFileBuffer
 * detaches them), a File is read by DuckDB itself in its worker (the browser only).
 */
async function registerInput(db: AsyncDuckDB, fileName: string, input: Uint8Array | Blob): Promise<void> {
  if (input instanceof Uint8Array) await db.registerFileBuffer(fileName, input)
  else await db.registerFileHandle(fileName, input, DuckDBDataProtocol.BROWSER_FILEREADER, true)
}

/**
 * Reads the file into the staging table and lists every problem. `utf8` is UTF-8 bytes,
 * which are consumed (DuckDB takes the buffer), or a File DuckDB reads itself in its worker
 * (the browser only). Nothing outside the staging tables changes.
 */
export async function stageUpload(
  session: IngestSession,
  utf8: Uint8Array | Blob,
  plan: StagePlan,
): Promise<Result<StageReport, string>> {
  const fileName = `upload/${++fileCounter}.csv`
  const t0 = performance.now()
  await registerInput(session.db, fileName, utf8)
  timings()?.push({ sql: 'registerFileBuffer', ms: Math.round(performance.now() - t0) })
  try {
    let native = initialNativeColumns(plan)
    let staged: Result<unknown, string> = err('')
    let strict = true
    // A registry file is first read without keeping rejected lines (faster); any reader
    // error sends it round again with them kept, so bad lines are listed, not fatal.
    let keepRejects = plan.target.kind !== 'table'
    for (let attempt = 0; attempt < 4; attempt++) {
      await run(session, dropRejectsSql())
      const sql =
        plan.target.kind === 'table'
          ? stageForTableSql(session.stageTable, fileName, plan.dialect, plan.target.table, plan.target.mapping, {
              strict,
              native,
              keepRejects,
            })
          : stageRawSql(fileName, plan.dialect, strict)
      staged = await run(session, sql)
      if (!staged.ok) {
        if (!keepRejects) {
          keepRejects = true
          continue
        }
        // A file the strict reader cannot follow (bare quotes mid-field) gets a lenient read.
        if (/state machine|strict_mode/i.test(staged.error) && strict) {
          strict = false
          continue
        }
        break
      }
      // Read without them and nothing failed: no line was rejected, and there is no table of them.
      if (!keepRejects) break
      // A column DuckDB typed itself met a cell it could not read ("1,234", "—" past the
      // sample): read that column as text and clean it in SQL instead.
      const failedCasts = await run(
        session,
        `SELECT DISTINCT column_name AS "c" FROM ${quoteIdent(REJECTS)} WHERE error_type = 'CAST'`,
      )
      const retry = failedCasts.ok
        ? failedCasts.value.map((r) => Number(String(r.c).slice(1))).filter((i) => native.has(i))
        : []
      if (retry.length === 0) break
      native = new Map([...native].filter(([i]) => !retry.includes(i)))
    }
    if (!staged.ok) return err(`${describeReadError(staged.error)}。（${staged.error.split('\n')[0]!.slice(0, 300)}）`)
    const cleaned: string[] = []
    if (plan.target.kind === 'table') {
      const { table, mapping } = plan.target
      const distinct = distinctColumns(table, mapping)
      const values = distinct.length
        ? await run(session, distinctValuesSql(session.stageTable, distinct).join(';\n'))
        : null
      if (values && !values.ok) return err(`整理文本列失败：${values.error.split('\n')[0]}`)
      const fixup = textFixupSql(session.stageTable, table, mapping, { decimalComma: plan.dialect.decimalComma })
      const changed = fixup ? await run(session, fixup.probe) : null
      if (changed && !changed.ok) return err(`整理文本列失败：${changed.error.split('\n')[0]}`)
      for (const [i, sql] of (fixup?.updates ?? []).entries()) {
        if (changed?.ok && Number(changed.value[0]?.[`n${i}`]) === 0) continue
        const fixed = await run(session, sql)
        if (!fixed.ok) return err(`整理文本列失败：${fixed.error.split('\n')[0]}`)
        cleaned.push(fixup!.columns[i]!)
      }
      // The cleaned columns' distinct values changed with them.
      const stale = distinct.filter((c) => cleaned.includes(c.name))
      const refreshed = stale.length
        ? await run(session, distinctValuesSql(session.stageTable, stale).join(';\n'))
        : null
      if (refreshed && !refreshed.ok) return err(`整理文本列失败：${refreshed.error.split('\n')[0]}`)
    }
    return await buildReport(session, plan, native, new Set(cleaned), keepRejects)
  } finally {
    await session.db.dropFile(fileName)
  }
}

/**
 * False when the staged keys are shown unique by their order (keysAscendingSql), tried in
 * the first key order the first rows follow; true, so the repeats are looked for, otherwise.
 */
async function keysMayRepeat(
  session: IngestSession,
  table: TableDef,
  mapping: ColumnMapping,
  precheck: Record<string, unknown>,
): Promise<boolean> {
  // A head the precheck did not count (key not mapped) is undefined: Number() makes it NaN, not 0.
  const order = keyOrders(table).findIndex((_, i) => Number(precheck[`keys_head${i}`]) === 0)
  const sql = order >= 0 ? keysAscendingSql(session.stageTable, table, mapping, order) : null
  const proof = sql ? await count(session, sql) : null
  return !(proof?.ok && proof.value === 0)
}

/** File columns DuckDB can type itself, judged from the sample. */
function initialNativeColumns(plan: StagePlan): Map<number, SqlType> {
  const native = new Map<number, SqlType>()
  if (plan.target.kind !== 'table') return native
  plan.target.mapping.forEach((name, i) => {
    const column =
      name && plan.target.kind === 'table' ? plan.target.table.columns.find((c) => c.name === name) : undefined
    const type = column ? nativeType(column, plan.shapes[i]) : null
    if (type) native.set(i, type)
  })
  return native
}

async function buildReport(
  session: IngestSession,
  plan: StagePlan,
  native: ReadonlyMap<number, SqlType>,
  cleaned: ReadonlySet<string>,
  rejectsKept: boolean,
): Promise<Result<StageReport, string>> {
  const table = plan.target.kind === 'table' ? plan.target.table : null
  let adhocColumns: AdhocColumn[] | undefined
  let names: typeof import('./ingest-names') | null = null
  let resolutions: readonly ColumnResolution[] = []
  if (plan.target.kind === 'table') {
    const { table, mapping } = plan.target
    // Which checks can find anything: only those go row by row over the staged table.
    const precheck = issuePrecheckSql(session.stageTable, table, mapping, native, cleaned)
    let pre = await run(session, precheck)
    if (!pre.ok) return err(`校验失败：${pre.error.split('\n')[0]}`)
    // Values of a reference column that are not ids may be names: resolved (in a chunk of its
    // own, loaded only then), and the checks counted again on what is left.
    if (Object.keys(pre.value[0] ?? {}).some((k) => /^fk\d+$/.test(k) && Number(pre.ok && pre.value[0]![k]) > 0)) {
      names = await import('./ingest-names')
      const resolved = await names.resolveNames(session, table, mapping)
      if (!resolved.ok) return resolved
      resolutions = resolved.value
      if (resolutions.some((n) => n.resolved.length > 0)) pre = await run(session, precheck)
      if (!pre.ok) return err(`校验失败：${pre.error.split('\n')[0]}`)
    }
    const p = pre.value[0] ?? {}
    const foreignKeys = new Set(
      Object.keys(p)
        .filter((k) => /^fk\d+$/.test(k) && Number(p[k]) > 0)
        .map((k) => Number(k.slice(2))),
    )
    const scope = {
      cells: Number(p.cells) > 0,
      cleaned,
      foreignKeys,
      duplicates: await keysMayRepeat(session, table, mapping, p),
    }
    const issues = await run(session, issuesForTableSql(session.stageTable, table, mapping, native, scope))
    if (!issues.ok) return err(`校验失败：${issues.error.split('\n')[0]}`)
  } else {
    await run(session, emptyIssuesSql())
    const profile = await run(
      session,
      adhocProfileSql(
        STAGE,
        Array.from({ length: plan.dialect.fieldCount }, (_, i) => `c${i}`),
        { decimalComma: plan.dialect.decimalComma },
      ),
    )
    if (!profile.ok) return err(`无法判断列类型：${profile.error.split('\n')[0]}`)
    const p = (profile.value[0] ?? {}) as Record<string, number>
    adhocColumns = plan.headers
      .slice(0, plan.dialect.fieldCount)
      .map((name, i) => ({ name, type: adhocTypeFrom(p, i) }))
  }
  // Workbook cells with no value to load fail their rows like a cell that does not convert.
  const faults = (plan.cellFaults ?? []).flatMap((f) => {
    const col = plan.target.kind === 'table' ? plan.target.mapping[f.column] : plan.headers[f.column]
    return col ? [{ ...f, col }] : []
  })
  if (faults.length) {
    const values = faults
      .map(
        (f) =>
          `(${f.row}, ${quoteLiteral(f.col)}, ${quoteLiteral(f.kind === 'formula' ? 'formula' : 'cell-error')}, ${quoteLiteral(f.text)})`,
      )
      .join(', ')
    const added = await run(session, `INSERT INTO ${quoteIdent(ISSUES)} VALUES ${values}`)
    if (!added.ok) return err(`校验失败：${added.error.split('\n')[0]}`)
  }
  const stage = plan.target.kind === 'table' ? session.stageTable : STAGE
  const summary = await run(session, stageSummarySql(stage, { rejects: rejectsKept }))
  if (!summary.ok) return err(summary.error)
  const s = summary.value[0] as {
    rows: number
    blank_rows: number
    failing_rows: number
    issues: number
    rejected_lines: number
  }
  const rejects = rejectsKept ? await run(session, rejectsSql(ISSUE_LIST_LIMIT)) : null
  const rejectRows = (rejects?.ok ? rejects.value : []) as { line: number; error_type: string; csv_line: string }[]
  const rejectedLineNumbers = rejectRows.map((r) => Number(r.line)).sort((a, b) => a - b)
  const sample = await run(session, issueSampleSql(ISSUE_LIST_LIMIT))
  const firstDataLine = plan.dialect.skipLines + (plan.dialect.hasHeader ? 1 : 0) + 1
  const headerOf = new Map<string, string>()
  if (plan.target.kind === 'table') plan.target.mapping.forEach((m, i) => m && headerOf.set(m, plan.headers[i] ?? m))

  const issues: UploadIssue[] = []
  for (const r of rejectRows)
    issues.push(rejectIssue(Number(r.line), r.error_type, r.csv_line ?? '', plan.dialect.fieldCount))
  for (const r of (sample.ok ? sample.value : []) as {
    row_idx: number
    col: string
    kind: IssueKind
    value: string | null
  }[]) {
    const title = headerOf.get(r.col) ?? columnTitle(r.col, table)
    const fileColumn = plan.target.kind === 'table' ? plan.target.mapping.indexOf(r.col) : plan.headers.indexOf(r.col)
    const named = r.kind === 'unknown-key' ? resolutions.find((n) => n.column === r.col) : undefined
    const resolution = named && r.value !== null ? named.unresolved.get(r.value) : undefined
    issues.push({
      line: lineOfRow(Number(r.row_idx), firstDataLine, rejectedLineNumbers),
      column: title,
      problem:
        names && named && resolution
          ? names.unresolvedProblem(r.value!, resolution, named.references)
          : describeIssue(r.kind, r.col, table),
      value: r.value,
      severity: 'row',
      ...(fileColumn >= 0 ? { fileColumn } : {}),
    })
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))

  const fatal: UploadIssue[] = []
  if (s.rows === 0) {
    fatal.push({
      line: null,
      column: null,
      problem:
        s.rejected_lines > 0
          ? '没有一行数据能按表头的列数读取'
          : plan.dialect.hasHeader
            ? '文件只有表头，没有数据行'
            : '文件中没有数据',
      value: null,
      severity: 'file',
    })
  } else if (s.failing_rows >= s.rows && s.rows > 0) {
    fatal.push({
      line: null,
      column: null,
      problem: '所有数据行都有问题，没有可以导入的行',
      value: null,
      severity: 'file',
    })
  }
  let overlap: number | undefined
  let targetRows: number | undefined
  if (plan.target.kind === 'table' && plan.target.mode === 'append') {
    const repeats = await count(
      session,
      `SELECT count(*) AS "n" FROM ${quoteIdent(ISSUES)} WHERE kind = 'duplicate-key'`,
    )
    const sql = appendOverlapSql(session.stageTable, plan.target.table, plan.target.mapping, {
      fileKeysUnique: repeats.ok && repeats.value === 0,
    })
    const o = sql
      ? await countOverlap(session, sql, periodOverlapSql(session.stageTable, plan.target.table, { distinct: true }))
      : null
    if (o?.ok) overlap = o.value
    const n = await count(session, `SELECT count(*) AS "n" FROM ${quoteIdent(plan.target.table.name)}`)
    if (n.ok) targetRows = n.value
  }
  return ok({
    rows: Number(s.rows),
    failingRows: Number(s.failing_rows),
    rejectedLines: Number(s.rejected_lines),
    issueCount: Number(s.issues) + Number(s.rejected_lines),
    issues,
    fatal,
    ...(adhocColumns ? { adhocColumns } : {}),
    ...(overlap !== undefined ? { overlap } : {}),
    ...(targetRows !== undefined ? { targetRows } : {}),
    blankRows: Number(s.blank_rows),
    nativeColumns: [...native],
    cleanedColumns: [...cleaned],
    ...(table && names ? { notes: names.resolutionNotes(resolutions, table) } : {}),
  })
}

export interface CommittedTable {
  readonly name: string
  readonly rows: number
  readonly latestPeriod: string | null
}

/**
 * Moves the staged rows into place. A replace is one CREATE OR REPLACE; an append is one
 * transaction; either way a failure leaves the table as it was.
 */
export async function commitUpload(
  session: IngestSession,
  plan: StagePlan,
  options: {
    skipFailing: boolean
    adhocColumns?: readonly AdhocColumn[]
    report: StageReport
    /** The caller knows the target table has not changed since the preview (so its overlap and size still hold). */
    targetUnchanged?: boolean
  },
): Promise<Result<CommittedTable, string>> {
  const { report } = options
  const deleteRows = report.blankRows > 0 || (options.skipFailing && report.failingRows > 0)
  let statements: string[]
  let append: ReturnType<typeof appendTableSql> | null = null
  /** What the committed table holds, learnt inside the transaction when every staged row goes in (no scan after it). */
  let swapSummary: string | null = null
  // An append of more rows than the table holds, none of them replacing a row: copy the table into the file's rows instead.
  const swapAppend =
    plan.target.kind === 'table' &&
    plan.target.mode === 'append' &&
    options.targetUnchanged === true &&
    report.overlap === 0 &&
    report.targetRows !== undefined &&
    report.targetRows < report.rows
  if (plan.target.kind === 'table' && (plan.target.mode === 'replace' || swapAppend)) {
    const build = plan.target.mode === 'replace' ? replaceTableSql : appendBySwapSql
    const { before, swap } = build(session.stageTable, plan.target.table, plan.target.mapping, {
      deleteRows,
      skipFailing: options.skipFailing,
      native: new Map(report.nativeColumns),
      cleaned: new Set(report.cleanedColumns),
    })
    for (const sql of before) {
      const r = await run(session, sql)
      if (!r.ok) return err(`写入失败，数据未改动：${r.error.split('\n')[0]}`)
    }
    statements = swap
    if (!deleteRows) swapSummary = swapSummarySql(plan.target.table, plan.target.mapping, { append: swapAppend })
  } else if (plan.target.kind === 'table') {
    append = appendTableSql(session.stageTable, plan.target.table, plan.target.mapping, options.skipFailing)
    statements = append.insert
  } else {
    statements = [
      createAdhocSql(
        plan.target.name,
        options.adhocColumns ?? [],
        { decimalComma: plan.dialect.decimalComma },
        options.skipFailing,
      ),
    ]
  }
  const begun = await run(session, 'BEGIN TRANSACTION')
  if (!begun.ok) return err(begun.error)
  if (append?.remove) {
    // No overlap at the preview is checked again inside the transaction (cheaply, by month),
    // so rows another upload added since are still replaced, not doubled.
    const may = report.overlap === 0 && append.mayOverlap ? await count(session, append.mayOverlap) : null
    if (!may || !may.ok || may.value > 0) statements = [append.remove, ...statements]
  }
  let known: { rows: number; latestPeriod: string | null } | null = null
  if (swapSummary) {
    const r = await run(session, swapSummary)
    const row = r.ok ? (r.value[0] as { latest_period: string | null; target_rows: number } | undefined) : undefined
    if (row) known = { rows: report.rows + Number(row.target_rows), latestPeriod: row.latest_period ?? null }
  }
  for (const sql of statements) {
    const r = await run(session, sql)
    if (!r.ok) {
      await run(session, 'ROLLBACK')
      return err(`写入失败，数据未改动：${r.error.split('\n')[0]}`)
    }
  }
  const committed = await run(session, 'COMMIT')
  if (!committed.ok) {
    await run(session, 'ROLLBACK')
    return err(`写入失败，数据未改动：${committed.error.split('\n')[0]}`)
  }
  const name = plan.target.kind === 'table' ? plan.target.table.name : plan.target.name
  if (!known) {
    const summary = await run(
      session,
      plan.target.kind === 'table'
        ? tableSummarySql(plan.target.table)
        : `SELECT count(*) AS "rows", NULL AS "latest_period" FROM ${quoteIdent(name)}`,
    )
    const row = (summary.ok ? summary.value[0] : undefined) as
      { rows: number; latest_period: string | null } | undefined
    known = { rows: Number(row?.rows ?? 0), latestPeriod: row?.latest_period ?? null }
  }
  await discardStage(session)
  return ok({ name, ...known })
}

/** The append's overlap: the months first (cheap), the key join only when they meet. */
async function countOverlap(
  session: IngestSession,
  keySql: string,
  periodSql: string | null,
): Promise<Result<number, string>> {
  if (periodSql) {
    const months = await count(session, periodSql)
    if (months.ok && months.value === 0) return ok(0)
  }
  return count(session, keySql)
}

export async function discardStage(session: IngestSession): Promise<void> {
  // (The tables of distinct values are small and temporary: they go with the session's connection.)
  await run(
    session,
    `DROP TABLE IF EXISTS ${quoteIdent(session.stageTable)}; DROP TABLE IF EXISTS ${quoteIdent(STAGE)}; DROP TABLE IF EXISTS ${quoteIdent(ISSUES)}; ${dropRejectsSql()}`,
  )
}

export async function dropTable(session: IngestSession, name: string): Promise<void> {
  await run(session, `DROP TABLE IF EXISTS ${quoteIdent(name)}`)
}

/** Every table in the database (to keep an ad-hoc name from colliding with one). */
export async function existingTables(session: IngestSession): Promise<string[]> {
  const r = await run(session, `SELECT table_name AS "name" FROM duckdb_tables() WHERE NOT temporary`)
  return r.ok ? r.value.map((x) => String(x.name)) : []
}

/**
 * For the benchmark only: DuckDB's own read_csv of the same bytes, all defaults (sniffing
 * included), into a temporary table on a connection of its own. Returns rows and ms. From
 * bytes in memory, or from a File as the upload path reads it (in DuckDB's worker).
 */
export async function bareReadCsv(db: AsyncDuckDB, bytes: Uint8Array | Blob): Promise<{ rows: number; ms: number }> {
  // DuckDB takes the buffer it is given: the copy that keeps the caller's bytes is made
  // before the clock starts (it is the benchmark's need, not part of a read).
  const input = bytes instanceof Uint8Array ? bytes.slice() : bytes
  const t0 = performance.now()
  const session = await openIngestSession(db)
  const name = `bare/${++fileCounter}.csv`
  try {
    await registerInput(db, name, input)
    const created = await session.connector.query(
      `CREATE OR REPLACE TEMP TABLE bare_csv AS SELECT * FROM read_csv('${name}')`,
    )
    if (!created.ok) throw new Error(created.error.message)
    const counted = await session.connector.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM bare_csv')
    const ms = performance.now() - t0
    await session.connector.query('DROP TABLE bare_csv')
    return { rows: counted.ok ? counted.value[0]!.n : -1, ms }
  } finally {
    await db.dropFile(name)
    await session.close()
  }
}

/** For the benchmark only: one statement on a connection of its own (e.g. removing the rows a run added). */
export async function benchStatement(db: AsyncDuckDB, sql: string): Promise<Record<string, unknown>[]> {
  const session = await openIngestSession(db)
  try {
    const r = await session.connector.query(sql)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as Record<string, unknown>[]
  } finally {
    await session.close()
  }
}
