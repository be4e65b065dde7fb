/**
 * The console's result stays bounded whatever the query returns: long values are cut in SQL
 * (they never cross from the engine whole), the characters held stay within one budget
 * however many text columns there are, and the full value of a cut cell can be downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { QuerySession } from '../src/db/connector'
import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { CONSOLE_ROW_CAP, MAX_CELL_CHARS, RESULT_CHAR_BUDGET, resultBounds } from '../src/explore/bounded-result'
import { type ConsoleOutcome, fullCellText, runConsoleQuery } from '../src/widgets/explore/console-run'

let engine: NodeEngine
let session: QuerySession
beforeAll(async () => {
  engine = await startNodeEngine()
  session = await engine.connector.openSession()
})
afterAll(async () => {
  await session?.close()
  await engine?.terminate()
})

const run = async (sql: string) => {
  const outcome = await runConsoleQuery(session, sql).result
  if (outcome.kind !== 'done') throw new Error(JSON.stringify(outcome))
  return outcome
}
const heldChars = (o: Extract<ConsoleOutcome, { kind: 'done' }>) =>
  o.rows.reduce((n, row) => n + Object.values(row).reduce<number>((m, v) => m + String(v ?? '').length, 0), 0)

describe('console results are bounded', () => {
  it('cuts a 100,000,000-character value in SQL and says how long it really is', async () => {
    const o = await run("SELECT repeat('x', 100000000) AS big, 42 AS answer")
    expect(o.total).toBe(1)
    const cell = String(o.rows[0]!.big)
    expect(cell.startsWith('x'.repeat(MAX_CELL_CHARS) + '…')).toBe(true)
    expect(cell).toContain('已截断，共 100,000,000 个字符')
    expect(cell.length).toBeLessThan(MAX_CELL_CHARS + 40)
    expect(o.rows[0]!.answer).toBe(42)
    expect(o.cut).toEqual([{ row: 0, column: 0, name: 'big', length: 100_000_000 }])
    expect(o.columns).toEqual([
      { name: 'big', numeric: false },
      { name: 'answer', numeric: true },
    ])
  })

  it('keeps what a wide result holds within the budget, with fewer characters per cell and fewer rows', async () => {
    const columns = Array.from({ length: 400 }, (_, i) => `repeat('y', 500) AS "c${i}"`).join(', ')
    const o = await run(`SELECT range AS n, ${columns} FROM range(20000)`)
    const bounds = resultBounds([
      { name: 'n', type: 'BIGINT' },
      ...Array.from({ length: 400 }, (_, i) => ({ name: `c${i}`, type: 'VARCHAR' })),
    ])
    expect(o.bounds).toEqual(bounds)
    expect(bounds.cellChars).toBe(100)
    expect(bounds.rowCap).toBe(RESULT_CHAR_BUDGET / (400 * 100))
    expect(o.rows).toHaveLength(bounds.rowCap)
    expect(o.total).toBe(20000)
    expect(o.cutCount).toBe(bounds.rowCap * 400)
    // Each held cell is its first 100 characters plus the note.
    expect(heldChars(o)).toBeLessThan(RESULT_CHAR_BUDGET * 1.5)
  }, 60_000)

  it('leaves numbers, dates and short text alone, and the row cap at 10,000', async () => {
    const o = await run(
      "SELECT range AS n, (range / 4)::DECIMAL(10,2) AS d, DATE '2025-01-01' + range::INTEGER AS day, 'short' AS s, [1, 2] AS l FROM range(12000)",
    )
    expect(o.rows).toHaveLength(CONSOLE_ROW_CAP)
    expect(o.total).toBe(12000)
    expect(o.rows[3]).toEqual({ n: 3, d: 0.75, day: '2025-01-04', s: 'short', l: '[1, 2]' })
    expect(o.cutCount).toBe(0)
  })

  it('keeps duplicate and hostile column names, and a column named like the hidden lengths', async () => {
    const o = await run(`SELECT repeat('z', 3000) AS "__length_1", 1 AS "<b>x</b>", 2 AS "<b>x</b>"`)
    expect(o.bounds.lengthColumns[0]).toBe('___length_1')
    expect(String(o.rows[0]!.__length_1)).toContain('共 3,000 个字符')
    // A repeated name is told apart, so both values are shown.
    expect(o.columns.map((c) => c.name)).toEqual(['__length_1', '<b>x</b>', '<b>x</b>_2'])
    expect([o.rows[0]!['<b>x</b>'], o.rows[0]!['<b>x</b>_2']]).toEqual([1, 2])
  })

  it('downloads the full value of a cut cell, piece by piece', async () => {
    const sql = "SELECT n, CASE WHEN n = 2 THEN repeat('ab', 5000000) || '末' ELSE 'x' END AS text FROM range(4) t(n)"
    const o = await run(sql)
    expect(o.cut).toEqual([{ row: 2, column: 1, name: 'text', length: 10_000_001 }])
    const blob = await fullCellText(session, sql, o.cut[0]!, o.bounds)
    const text = await blob.text()
    expect(text.length).toBe(10_000_001)
    expect(text.startsWith('abab')).toBe(true)
    expect(text.endsWith('b末')).toBe(true)
  }, 60_000)
})
