import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import type { FilterSet } from '../src/queries/filters'
import {
  type ItemRow,
  type LivelihoodCategoryRow,
  livelihoodCategorySql,
  livelihoodItemsSql,
  livelihoodMonthlySql,
  type LivelihoodMonthRow,
  type LivelihoodSummaryRow,
  livelihoodSummarySql,
  livelihoodSurveySql,
  livelihoodTableSql,
  type SurveyRow,
} from '../src/queries/livelihood'
import { LATEST } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * 2026 items, reported to 2026-04 (the latest month in the table). Expected progress at
 * month m is (m − 1) / 11: April 27.27%, so "behind" there means below 12.27%; March 18.18%
 * (behind below 3.18%); February 9.09% (nobody can be 15 points below it).
 *
 *   L1 教育     votes 250/280  budget 1000  Feb 10% (spent 50)  Mar 30% (200)  Apr 50% (450)
 *   L2 养老服务 votes 270/280  budget  500  Feb  5% (10)        —              Apr 20% (60)
 *   L3 教育     votes 260/280  budget  200  never reported: 0%, behind
 *   L4 交通出行 votes 280/280  budget  300  Feb 40% (100)       Mar 100% (290), then no more reports
 *
 * 2025 items, with the December survey:
 *   L0 教育     votes 275/300  budget 300   Jun 60% (100)   Dec 100% (190), satisfaction 96.5
 *   L5 医疗卫生 votes 290/300  budget 100   Nov 90% (80)    Dec 100% (95),  satisfaction 88.0
 *   L5's November row carries a stray satisfaction (70): only December's survey counts.
 */
let engine: NodeEngine
const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!
const summary = (f: FilterSet) => one<LivelihoodSummaryRow>(livelihoodSummarySql(f))

beforeAll(async () => {
  engine = await startEngineWithSchema()
  const item = (id: string, year: number, category: string, votes: number, cast: number, budget: number) => ({
    item_id: id,
    year,
    name: `实事${id}`,
    category,
    votes_for: votes,
    votes_cast: cast,
    budget,
    responsible_unit: '市教育局',
    target: `目标${id}`,
  })
  await insertRows(engine, 'livelihood_items', [
    item('L1', 2026, '教育', 250, 280, 1000),
    item('L2', 2026, '养老服务', 270, 280, 500),
    item('L3', 2026, '教育', 260, 280, 200),
    item('L4', 2026, '交通出行', 280, 280, 300),
    item('L0', 2025, '教育', 275, 300, 300),
    item('L5', 2025, '医疗卫生', 290, 300, 100),
  ])
  const p = (period: string, id: string, pct: number, spent: number, satisfaction: number | null = null) => ({
    period,
    item_id: id,
    progress_pct: pct,
    spent,
    satisfaction,
  })
  await insertRows(engine, 'livelihood_progress', [
    p('2026-02', 'L1', 10, 50),
    p('2026-03', 'L1', 30, 200),
    p('2026-04', 'L1', 50, 450),
    p('2026-02', 'L2', 5, 10),
    p('2026-04', 'L2', 20, 60),
    p('2026-02', 'L4', 40, 100),
    p('2026-03', 'L4', 100, 290),
    p('2025-06', 'L0', 60, 100),
    p('2025-12', 'L0', 100, 190, 96.5),
    p('2025-11', 'L5', 90, 80, 70),
    p('2025-12', 'L5', 100, 95, 88),
  ])
})
afterAll(async () => {
  await engine?.terminate()
})

describe('each item of the year', () => {
  it('takes its latest report (0 if none), flags the ones behind, least advanced first', async () => {
    const rows = await query<ItemRow>(engine, livelihoodItemsSql(LATEST))
    expect(rows.map((r) => [r.item_id, r.progress, r.spent, r.behind, r.period])).toEqual([
      ['L3', 0, 0, true, null],
      ['L2', 20, 60, false, '2026-04'],
      ['L1', 50, 450, false, '2026-04'],
      // Finished in March: it stops reporting and stays at 100%.
      ['L4', 100, 290, false, '2026-03'],
    ])
    for (const r of rows) expect(r.expected).toBeCloseTo(300 / 11, 10)
    expect(rows[2]!.vote_rate).toBeCloseTo(250 / 280, 12)
    expect(rows[2]!.spend_rate).toBeCloseTo(0.45, 12)
    expect(rows.every((r) => r.satisfaction === null)).toBe(true)
  })

  it('gives the table a status a column filter can match', async () => {
    const rows = await query<{ item_id: string; status: string }>(
      engine,
      `SELECT "item_id", "status" FROM (${livelihoodTableSql(LATEST)}) ORDER BY "item_id"`,
    )
    expect(rows.map((r) => [r.item_id, r.status])).toEqual([
      ['L1', '正常'],
      ['L2', '正常'],
      ['L3', '滞后'],
      ['L4', '已完成'],
    ])
  })
})

describe('the month-by-month curve', () => {
  it('averages each month, an item counting 0 until its first report and keeping its last one after', async () => {
    const rows = await query<LivelihoodMonthRow>(engine, livelihoodMonthlySql(LATEST))
    // Feb (10+5+0+40)/4, Mar (30+5+0+100)/4, Apr (50+20+0+100)/4; L3 behind from March.
    expect(rows.map((r) => [r.period, r.avg_progress, r.behind])).toEqual([
      ['2026-02', 13.75, 0],
      ['2026-03', 33.75, 1],
      ['2026-04', 42.5, 1],
    ])
    expect(rows.map((r) => r.expected)).toEqual([100 / 11, 200 / 11, 300 / 11].map((v) => expect.closeTo(v, 10)))
  })

  it('follows the category filter and the month range', async () => {
    const edu = await query<LivelihoodMonthRow>(engine, livelihoodMonthlySql({ categories: ['教育'], fromMonth: 3 }))
    expect(edu.map((r) => [r.period, r.avg_progress])).toEqual([
      ['2026-03', 15],
      ['2026-04', 25],
    ])
  })
})

describe('categories', () => {
  it('sums budget, spend and progress by category, not filtered by its own selection', async () => {
    const rows = await query<LivelihoodCategoryRow>(engine, livelihoodCategorySql({ categories: ['养老服务'] }))
    expect(rows.map((r) => [r.category, r.items, r.budget, r.spent, r.avg_progress, r.behind])).toEqual([
      ['教育', 2, 1200, 450, 25, 1],
      ['养老服务', 1, 500, 60, 20, 0],
      ['交通出行', 1, 300, 290, 100, 0],
    ])
  })
})

describe('the summary the narrative is written from', () => {
  it('sums up the year to its latest month', async () => {
    const s = await summary(LATEST)
    expect(s).toMatchObject({
      year: 2026,
      categories: null,
      through: '2026-04',
      items: 4,
      avg_progress: 42.5,
      completed: 1,
      budget: 2000,
      spent: 800,
      behind: 1,
      behind_names: ['实事L3'],
      surveyed: 0,
    })
    expect(s.avg_vote_rate).toBeCloseTo(1060 / 1120, 12)
  })

  it('narrows to a category, judged at the month the whole year is judged at', async () => {
    expect(await summary({ categories: ['教育'] })).toMatchObject({
      categories: '教育',
      through: '2026-04',
      items: 2,
      avg_progress: 25,
      completed: 0,
      budget: 1200,
      spent: 450,
      behind: 1,
    })
    // L4 last reported in March, but the page is as of April.
    expect(await summary({ categories: ['交通出行'] })).toMatchObject({
      through: '2026-04',
      items: 1,
      completed: 1,
      behind: 0,
    })
  })

  it('judges a month range at its last month', async () => {
    // To March: L2 has 5%, above the 3.18% bar; L3 is behind. Spend 200 + 10 + 0 + 290.
    expect(await summary({ toMonth: 3 })).toMatchObject({ through: '2026-03', spent: 500, completed: 1, behind: 1 })
    // To February nobody can be behind.
    expect(await summary({ toMonth: 2 })).toMatchObject({
      through: '2026-02',
      spent: 160,
      behind: 0,
      avg_progress: 13.75,
    })
    // A range starting in April still counts what was done before it (L4 finished in March).
    expect(await summary({ fromMonth: 4 })).toMatchObject({ through: '2026-04', completed: 1, spent: 800 })
    // A range past the last report is judged at the last report, not against December.
    const ahead = await one<ItemRow>(livelihoodItemsSql({ toMonth: 12 }))
    expect(ahead.expected).toBeCloseTo(300 / 11, 10)
    expect(await summary({ toMonth: 12 })).toMatchObject({ through: '2026-04', behind: 1, surveyed: 0 })
  })

  it('reads a finished year with its December satisfaction survey', async () => {
    const s = await summary({ year: 2025 })
    expect(s).toMatchObject({
      year: 2025,
      through: '2025-12',
      items: 2,
      completed: 2,
      behind: 0,
      surveyed: 2,
      avg_satisfaction: 92.25,
      min_satisfaction: 88,
      min_satisfaction_name: '实事L5',
    })
  })

  it('counts satisfaction only from the December survey', async () => {
    // To November 2025: L0 at 60% is behind the 75.9% bar (expected 90.9%), and L5's stray November score is ignored.
    const s = await summary({ year: 2025, toMonth: 11 })
    expect(s).toMatchObject({
      through: '2025-11',
      completed: 0,
      behind: 1,
      behind_names: ['实事L0'],
      surveyed: 0,
      avg_satisfaction: null,
    })
    const rows = await query<ItemRow>(engine, livelihoodItemsSql({ year: 2025, toMonth: 11 }))
    expect(rows.map((r) => r.satisfaction)).toEqual([null, null])
  })

  it('says when there are no items', async () => {
    expect(await summary({ year: 2024 })).toMatchObject({ year: 2024, items: 0, through: null })
  })
})

describe('where the nearest year-end survey is', () => {
  it('points the current year to last year, and a range that stops short to its own December', async () => {
    expect(await one<SurveyRow>(livelihoodSurveySql(LATEST))).toEqual({ survey_year: 2025, year: 2026, to_month: 4 })
    expect(await one<SurveyRow>(livelihoodSurveySql({ year: 2025, toMonth: 11 }))).toEqual({
      survey_year: 2025,
      year: 2025,
      to_month: 11,
    })
    expect(await one<SurveyRow>(livelihoodSurveySql({ year: 2024 }))).toEqual({
      survey_year: null,
      year: 2024,
      to_month: 12,
    })
  })
})
