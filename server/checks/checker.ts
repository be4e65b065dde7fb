/**
 * Re-checks a table sent to the publish API on DuckDB-WASM's Node build, with the registry
 * and the checks the upload page uses: columns and types, required values, ranges and
 * categories, unique keys, and references to the reference tables as they are served now
 * (their published version, or the embedded sample of the build).
 */
import { getTable } from '../../src/datasets/registry'
import { readEmbeddedArrow } from '../../src/db/load-table'
import { type NodeEngine, startNodeEngine } from '../../src/db/node'
import { ISSUES } from '../../src/ingest/stage-sql'
import { quoteIdent } from '../../src/queries/sql'
import {
  TYPED_STAGE,
  type TypedIssue,
  typedIssueMessage,
  typedIssueSampleSql,
  typedIssuesSql,
  typedStageSql,
  typedSummarySql,
} from '../../src/queries/table-checks'
import type { MonthsCovered } from '../store/manifest'
import type { Target } from '../tables'
import { readAdhocArrow } from './adhoc'

/** How many problems a refusal lists (the total is given as well). */
export const PROBLEMS_LISTED = 100

export interface Problem {
  /** 1-based data row, null for a problem of the whole file. */
  readonly row: number | null
  readonly column: string | null
  readonly kind: string
  readonly value: string | null
  readonly message: string
}

export type CheckOutcome =
  | { readonly ok: true; readonly rows: number; readonly months: MonthsCovered | null }
  | { readonly ok: false; readonly error: string; readonly problems: readonly Problem[]; readonly total: number }

/** The bytes of the version of a reference table that is served now, and a key naming that version. */
export type ReferenceSource = (table: string) => Promise<{ key: string; bytes: Uint8Array }>

const refuse = (error: string, problems: Problem[] = [], total = problems.length): CheckOutcome => ({
  ok: false,
  error,
  problems,
  total,
})
const fileProblem = (message: string, kind = 'format', column: string | null = null): Problem => ({
  row: null,
  column,
  kind,
  value: null,
  message,
})

/** A buffer DuckDB's worker may take over (a view into a bigger or shared buffer is copied first). */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}

export class TableChecker {
  private engine: Promise<NodeEngine> | null = null
  /** Which version of each reference table the engine holds. */
  private readonly loaded = new Map<string, string>()

  constructor(private readonly references: ReferenceSource) {}

  /**
   * Checks `bytes` as the table `target`. The bytes are handed to the engine's worker (their
   * buffer is detached): the caller writes them to disk first. One check at a time.
   */
  async check(target: Target, bytes: Uint8Array): Promise<CheckOutcome> {
    const schema = checkSchema(target, bytes)
    if (!schema.ok) return schema
    const engine = await this.start()
    try {
      return await this.run(engine, target, bytes, schema.rows)
    } finally {
      const stage = quoteIdent(TYPED_STAGE)
      await engine.connector.query(`DROP TABLE IF EXISTS ${stage}; DROP TABLE IF EXISTS ${quoteIdent(ISSUES)}`)
    }
  }

  private async run(engine: NodeEngine, target: Target, bytes: Uint8Array, expected: number): Promise<CheckOutcome> {
    if (target.kind === 'registry')
      await this.loadReferences(
        engine,
        target.def.foreignKeys.map((f) => f.references.table),
      )
    await must(engine, `DROP TABLE IF EXISTS ${quoteIdent(TYPED_STAGE)}`)
    try {
      await engine.connector.connection.insertArrowFromIPCStream(transferable(bytes), {
        name: TYPED_STAGE,
        create: true,
      })
    } catch {
      return refuse('文件损坏：无法按 Arrow 格式读取', [fileProblem('文件损坏：无法按 Arrow 格式读取')])
    }
    if (target.kind === 'adhoc') {
      const [counted] = await must<{ rows: number }>(
        engine,
        `SELECT count(*) AS "rows" FROM ${quoteIdent(TYPED_STAGE)}`,
      )
      const rows = Number(counted?.rows)
      if (rows !== expected) return refuse(`文件不完整：应有 ${expected} 行，只读到 ${rows} 行`)
      return { ok: true, rows, months: null }
    }
    const table = target.def
    await must(engine, typedStageSql())
    for (const sql of typedIssuesSql(table)) await must(engine, sql)
    const [summary] = await must<{
      rows: number
      issues: number
      from: string | null
      to: string | null
      months: number
    }>(engine, typedSummarySql(table))
    const rows = Number(summary!.rows)
    if (rows !== expected) return refuse(`文件不完整：应有 ${expected} 行，只读到 ${rows} 行`)
    const total = Number(summary!.issues)
    if (total > 0) {
      const sample = await must<TypedIssue>(engine, typedIssueSampleSql(PROBLEMS_LISTED))
      const problems = sample.map((issue) => ({
        row: Number(issue.row_idx) + 1,
        column: issue.col,
        kind: issue.kind,
        value: issue.value,
        message: typedIssueMessage(issue, table),
      }))
      return refuse(`数据未通过检查：共 ${total} 处问题，${problems[0]!.message}`, problems, total)
    }
    const months =
      summary!.from && summary!.to ? { from: summary!.from, to: summary!.to, count: Number(summary!.months) } : null
    return { ok: true, rows, months }
  }

  /** Loads each reference table's served version into the engine, under its registry name, if not there yet. */
  private async loadReferences(engine: NodeEngine, tables: readonly string[]) {
    for (const name of new Set(tables)) {
      if (!getTable(name)) continue
      const source = await this.references(name)
      if (this.loaded.get(name) === source.key) continue
      this.loaded.delete(name)
      await must(engine, `DROP TABLE IF EXISTS ${quoteIdent(name)}`)
      await engine.connector.connection.insertArrowFromIPCStream(transferable(source.bytes), { name, create: true })
      this.loaded.set(name, source.key)
    }
  }

  private start(): Promise<NodeEngine> {
    this.engine ??= startNodeEngine().catch((error: unknown) => {
      this.engine = null
      throw error
    })
    return this.engine
  }

  async close(): Promise<void> {
    const engine = this.engine
    this.engine = null
    await (await engine?.catch(() => null))?.terminate()
  }
}

/** What the stream's schema says, before DuckDB sees it: the rows it holds, or why it is refused. */
function checkSchema(target: Target, bytes: Uint8Array): CheckOutcome | { ok: true; rows: number } {
  let rows: number
  if (target.kind === 'registry') {
    const read = readEmbeddedArrow(target.def, bytes)
    if (!read.ok) return refuse(read.error, [fileProblem(read.error, 'columns')])
    rows = read.value.rows
  } else {
    const read = readAdhocArrow(bytes)
    if (!read.ok)
      return refuse(
        read.problems[0]!.message,
        read.problems.map((p) => fileProblem(p.message, 'columns', p.column)),
      )
    rows = read.rows
  }
  return rows === 0 ? refuse('数据为空：没有任何行') : { ok: true, rows }
}

async function must<T = Record<string, unknown>>(engine: NodeEngine, sql: string): Promise<T[]> {
  const result = await engine.connector.query<T>(sql)
  if (!result.ok) throw new Error(`${result.error.message}\n${sql.slice(0, 500)}`)
  return result.value
}
