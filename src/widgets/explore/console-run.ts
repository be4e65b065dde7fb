import type { PendingQuery, QuerySession, Row } from '../../db/connector'
import {
  boundedRowsSql,
  cellPieceSql,
  consoleCountSql,
  describeSql,
  PIECE_CHARS,
  type ResultBounds,
  resultBounds,
  type ResultColumnType,
  splitRow,
} from '../../explore/bounded-result'
import type { DataRow } from '../../ui/DataTable'
import type { ResultColumn } from './ResultGrid'

/** A cell shown cut: where it is in the query's own order, and how long it really is. */
export interface CutCell {
  /** 0-based row of the query's result. */
  readonly row: number
  readonly column: number
  readonly name: string
  readonly length: number
}

export type ConsoleOutcome =
  | {
      readonly kind: 'done'
      readonly columns: readonly ResultColumn[]
      readonly rows: readonly DataRow[]
      readonly total: number
      readonly bounds: ResultBounds
      /** The first cut cells (at most MAX_CUT_LISTED), and how many there are in all. */
      readonly cut: readonly CutCell[]
      readonly cutCount: number
    }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' }

const MAX_CUT_LISTED = 50
const isCancel = (message: string) => /cancel/i.test(message)

/** What a cut cell shows: its first characters and a note with the full length. */
export function cutCellText(value: unknown, length: number): string {
  return `${String(value)}…［已截断，共 ${length.toLocaleString('en-US')} 个字符］`
}

/**
 * The console's run, step by step on its own session, each step one read-only query that can
 * be cancelled: the columns and types (DESCRIBE, nothing runs), the rows with long values cut
 * in SQL, then the total when there are more rows than the cap.
 */
export function runConsoleQuery(
  session: QuerySession,
  sql: string,
): { result: Promise<ConsoleOutcome>; cancel(): void } {
  let current: PendingQuery<Row> | null = null
  let cancelled = false
  const step = async <T>(query: string): Promise<{ ok: true; rows: T[] } | { ok: false; outcome: ConsoleOutcome }> => {
    if (cancelled) return { ok: false, outcome: { kind: 'cancelled' } }
    current = session.read<Row>(query)
    const r = await current.result
    current = null
    if (r.ok) return { ok: true, rows: r.value.rows as T[] }
    return {
      ok: false,
      outcome:
        cancelled || isCancel(r.error.message) ? { kind: 'cancelled' } : { kind: 'error', message: r.error.message },
    }
  }
  const run = async (): Promise<ConsoleOutcome> => {
    const described = await step<ResultColumnType>(describeSql(sql))
    if (!described.ok) return described.outcome
    const bounds = resultBounds(described.rows)
    const fetched = await step<Row>(boundedRowsSql(sql, bounds))
    if (!fetched.ok) return fetched.outcome
    const more = fetched.rows.length > bounds.rowCap
    const raw = more ? fetched.rows.slice(0, bounds.rowCap) : fetched.rows
    const cut: CutCell[] = []
    let cutCount = 0
    const rows = raw.map((row, r) => {
      const split = splitRow(row, bounds)
      for (const [column, length] of split.cut) {
        const name = bounds.columns[column]!.name
        split.cells[name] = cutCellText(split.cells[name], length)
        cutCount++
        if (cut.length < MAX_CUT_LISTED) cut.push({ row: r, column, name, length })
      }
      return split.cells as DataRow
    })
    let total = raw.length
    if (more) {
      const counted = await step<{ rows: number }>(consoleCountSql(sql))
      if (!counted.ok && counted.outcome.kind === 'cancelled') return counted.outcome
      total = counted.ok ? Number(counted.rows[0]!.rows) : raw.length
    }
    const columns = bounds.columns.map((c) => ({
      name: c.name,
      numeric: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|REAL|DOUBLE|DECIMAL)/i.test(c.type),
    }))
    return { kind: 'done', columns, rows, total, bounds, cut, cutCount }
  }
  return {
    result: run(),
    cancel: () => {
      cancelled = true
      void current?.cancel()
    },
  }
}

/**
 * The full value of a cut cell, as text, read in pieces so no single answer is huge. The query
 * runs again for each piece: a query whose order is not fixed may give another row.
 */
export async function fullCellText(session: QuerySession, sql: string, cell: CutCell, bounds: ResultBounds) {
  const pieces: string[] = []
  for (let start = 0; start < cell.length; start += PIECE_CHARS) {
    const r = await session.read<{ piece: string | null }>(cellPieceSql(sql, bounds, cell.row, cell.column, start))
      .result
    if (!r.ok) throw new Error(r.error.message.split('\n')[0])
    const piece = r.value.rows[0]?.piece ?? ''
    if (piece === '') break
    pieces.push(piece)
  }
  return new Blob(pieces, { type: 'text/plain;charset=utf-8' })
}
