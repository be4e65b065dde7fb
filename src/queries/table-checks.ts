import type { SqlType, TableDef } from '../datasets/schema'
import { columnValueExpr } from '../ingest/normalize'
import { columnTitle, describeIssue } from '../ingest/report'
import { type IssueKind, ISSUES, issuesForTableSql } from '../ingest/stage-sql'
import { numberLiteral, quoteIdent, quoteLiteral } from './sql'

/**
 * Checks on a table that is already typed (an Arrow stream loaded as is, e.g. a table sent
 * to the publish API): the very checks the upload page runs on a staged file — required,
 * range, category, foreign keys against the reference tables loaded under their registry
 * names, unique primary key — built by the same stage-sql.ts with every column taken as
 * mapped and typed. The upload page also cleans text as it reads it (trim, 年/月 periods,
 * '—' for missing); here text the upload page would have written differently is a problem.
 */

/** The table a typed body is loaded into for its checks. */
export const TYPED_STAGE = '__publish_stage'

/** Adds the column stage-sql's checks read to tell blank lines (a typed table has none). */
export function typedStageSql(stage: string = TYPED_STAGE): string {
  return `ALTER TABLE ${quoteIdent(stage)} ADD COLUMN "__blank" BOOLEAN DEFAULT false`
}

/** Statements that fill the issues table (row_idx, col, kind, value) for the staged typed table. */
export function typedIssuesSql(table: TableDef, stage: string = TYPED_STAGE): string[] {
  const mapping = table.columns.map((c) => c.name)
  const native = new Map<number, SqlType>(table.columns.map((c, i) => [i, c.type]))
  const statements = [issuesForTableSql(stage, table, mapping, native)]
  const S = quoteIdent(stage)
  for (const column of table.columns) {
    if (column.type !== 'VARCHAR') continue
    const v = quoteIdent(column.name)
    // Cleaned on the distinct values: a million rows hold a few thousand of them.
    const unclean = `SELECT raw FROM (SELECT DISTINCT ${v} AS raw FROM ${S} WHERE ${v} IS NOT NULL) WHERE (${columnValueExpr('raw', column, { decimalComma: false })}) IS DISTINCT FROM raw`
    statements.push(
      `INSERT INTO ${quoteIdent(ISSUES)} SELECT rowid, ${quoteLiteral(column.name)}, 'type', ${v} FROM ${S} WHERE ${v} IN (${unclean})`,
    )
  }
  return statements
}

/** One row: rows, issues, and for a monthly table the months its period column covers. */
export function typedSummarySql(table: TableDef, stage: string = TYPED_STAGE): string {
  const S = quoteIdent(stage)
  const p = table.periodColumn ? quoteIdent(table.periodColumn) : null
  const months = p
    ? `min(${p}) AS "from", max(${p}) AS "to", count(DISTINCT ${p}) AS "months"`
    : `NULL AS "from", NULL AS "to", 0 AS "months"`
  return `SELECT count(*) AS "rows", (SELECT count(*) FROM ${quoteIdent(ISSUES)}) AS "issues", ${months} FROM ${S}`
}

export interface TypedIssue {
  /** 0-based row of the table. */
  readonly row_idx: number | bigint
  readonly col: string
  readonly kind: IssueKind
  readonly value: string | null
}

/** The first `limit` problems, in row order. */
export function typedIssueSampleSql(limit: number): string {
  return `SELECT row_idx, col, kind, value FROM ${quoteIdent(ISSUES)} ORDER BY row_idx, col, kind LIMIT ${numberLiteral(limit)}`
}

/** A problem in words that name the row (1-based, as a spreadsheet numbers data rows) and the column. */
export function typedIssueMessage(issue: TypedIssue, table: TableDef): string {
  const row = Number(issue.row_idx) + 1
  const column = columnTitle(issue.col, table)
  const def = table.columns.find((c) => c.name === issue.col)
  const value = issue.value === null ? '' : `：${JSON.stringify(issue.value.slice(0, 60))}`
  let problem: string
  if (issue.kind === 'duplicate-key') problem = '主键重复，与前面某一行相同'
  else if (issue.kind === 'type' && def?.kind === 'period') problem = '月份应写作 YYYY-MM（如 2026-11）'
  else if (issue.kind === 'type') problem = '文本未经清理（首尾空格、空字符串或“—”等缺失值标记）'
  else problem = describeIssue(issue.kind, issue.col, table)
  return `第 ${row} 行「${column}」${problem}${issue.kind === 'required' ? '' : value}`
}
