import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeEngine } from '../src/db/node'
import {
  livelihoodCategorySql,
  livelihoodItemsSql,
  livelihoodMonthlySql,
  livelihoodSummarySql,
  type ItemRow,
  type LivelihoodCategoryRow,
  type LivelihoodMonthRow,
  type LivelihoodSummaryRow,
} from '../src/queries/livelihood'
import { LATEST } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * 2026 items, reported to 2026-04 (expected progress at April: (4 − 1) / 11 = 27.27%, so
 * behind means below 12.27%):
 *   L1 教育     votes 250/280  budget 1000  Feb 10% (50)  Mar 30% (200)  Apr 50% (450)
 *   L2 养老服务 votes 270/280  budget  500  Feb  5% (10)  —              Apr 20% (60)
 *   L3 教育     votes 260/280  budget  200  never reported (0%: behind)
 * L0 (2025) reached 100% in December with a satisfaction survey of 96.5%.
 */
let engine: NodeEngine
const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!

beforeAll(async () => {
  engine = await startEngineWithSchema()
  const item = (id: string, year: number, category: string, votes: number, budget: number) => ({
    item_id: id, year, name: `实事${id}`, category, votes_for: votes, votes_cast: 280, budget, responsible_unit: '市教育局', target: `目标${id}`,
  })
  await insertRows(engine, 'livelihood_items', [item('L1', 2026, '教育', 250, 1000), item('L2', 2026, '养老服务', 270, 500), item('L3', 2026, '教育', 260, 200), item('L0', 2025, '教育', 275, 300)])
  const p = (period: string, id: string, pct: number, spent: number, satisfaction: number | null = null) => ({ period, item_id: id, progress_pct: pct, spent, satisfaction })
  await insertRows(engine, 'livelihood_progress', [
    p('2026-02', 'L1', 10, 50), p('2026-03', 'L1', 30, 200), p('2026-04', 'L1', 50, 450),
    p('2026-02', 'L2', 5, 10), p('2026-04', 'L2', 20, 60),
    p('2025-06', 'L0', 60, 100), p('2025-12', 'L0', 100, 190, 96.5),
  ])
})
afterAll(async () => {
  await engine?.terminate()
})

describe('livelihood items SQL on a hand-worked fixture', () => {
  it("gives each item its latest position, least advanced first, and flags the ones behind", async () => {
    const rows = await query<ItemRow>(engine, livelihoodItemsSql(LATEST))
    expect(rows.map((r) => [r.item_id, r.progress, r.spent, r.behind])).toEqual([['L3', 0, 0, true], ['L2', 20, 60, false], ['L1', 50, 450, false]])
    expect(rows[0]!.expected).toBeCloseTo(300 / 11, 10)
    expect(rows[2]!.vote_rate).toBeCloseTo(250 / 280, 12)
    expect(rows[2]!.spend_rate).toBeCloseTo(0.45, 12)
    expect(rows.every((r) => r.satisfaction === null)).toBe(true)
  })

  it('follows average progress month by month, an item counting 0 until its first report', async () => {
    const rows = await query<LivelihoodMonthRow>(engine, livelihoodMonthlySql(LATEST))
    expect(rows.map((r) => [r.period, r.behind])).toEqual([['2026-02', 0], ['2026-03', 1], ['2026-04', 1]])
    expect(rows.map((r) => r.avg_progress)).toEqual([5, 35 / 3, 70 / 3].map((v) => expect.closeTo(v, 10)))
  })

  it('sums budget, spend and progress by category, not filtered by its own selection', async () => {
    const rows = await query<LivelihoodCategoryRow>(engine, livelihoodCategorySql({ categories: ['养老服务'] }))
    expect(rows.map((r) => [r.category, r.items, r.budget, r.spent, r.avg_progress, r.behind])).toEqual([
      ['教育', 2, 1200, 450, 25, 1],
      ['养老服务', 1, 500, 60, 20, 0],
    ])
  })

  it('sums up the page, and a category filter narrows it', async () => {
    const s = await one<LivelihoodSummaryRow>(livelihoodSummarySql(LATEST))
    expect(s).toMatchObject({ year: 2026, through: '2026-04', items: 3, votes_cast: 280, completed: 0, budget: 1700, spent: 510, behind: 1, surveyed: 0 })
    expect(s.avg_progress).toBeCloseTo(70 / 3, 10)
    expect(await one<LivelihoodSummaryRow>(livelihoodSummarySql({ categories: ['养老服务'] }))).toMatchObject({ items: 1, spent: 60 })
  })

  it('judges a month range by its last month', async () => {
    // To March: L2 has reported 5%, above the 3.18% bar; L3 still behind.
    const s = await one<LivelihoodSummaryRow>(livelihoodSummarySql({ toMonth: 3 }))
    expect(s).toMatchObject({ through: '2026-03', spent: 210, behind: 1 })
  })

  it('reads a finished year with its December satisfaction survey', async () => {
    const s = await one<LivelihoodSummaryRow>(livelihoodSummarySql({ year: 2025 }))
    expect(s).toMatchObject({ year: 2025, items: 1, completed: 1, behind: 0, surveyed: 1, avg_satisfaction: 96.5 })
  })
})
