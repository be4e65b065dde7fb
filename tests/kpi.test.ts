import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import {
  type LivelihoodProgressRow,
  livelihoodProgressSql,
  type OutputYtdRow,
  outputYtdSql,
  type PointsReportingRow,
  pointsReportingSql,
  type ProjectInvestmentRow,
  projectInvestmentSql,
  type SuggestionsRow,
  suggestionsSql,
} from '../src/queries/kpi'
import { LATEST, scopeOf } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * A fixture small enough to work out by hand. Output (万元):
 *   2025-01  P1 100  P2 200
 *   2025-02  P1 110  P2 220  P3 50
 *   2026-01  P1 120  P2 180
 *   2026-02  P1 130  (P2 not yet reported)  P3 60
 */
let engine: NodeEngine

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await insertRows(
    engine,
    'observation_points',
    ['P1', 'P2', 'P3'].map((id) => ({
      point_id: id,
      name: `企业${id}`,
      cluster_id: 'equipment',
      town_id: 'hitech',
      established_on: '2024-04-18',
    })),
  )
  await insertRows(engine, 'point_indicators', [
    { period: '2025-01', point_id: 'P1', output_value: 100 },
    { period: '2025-01', point_id: 'P2', output_value: 200 },
    { period: '2025-02', point_id: 'P1', output_value: 110 },
    { period: '2025-02', point_id: 'P2', output_value: 220 },
    { period: '2025-02', point_id: 'P3', output_value: 50 },
    { period: '2026-01', point_id: 'P1', output_value: 120 },
    { period: '2026-01', point_id: 'P2', output_value: 180 },
    { period: '2026-02', point_id: 'P1', output_value: 130 },
    { period: '2026-02', point_id: 'P3', output_value: 60 },
  ])
  const project = (id: string, year: number, plan: number) => ({
    project_id: id,
    year,
    name: id,
    level: '市级重点',
    category: '产业项目',
    town_id: 'hitech',
    german_cooperation: false,
    total_investment: plan * 3,
    year_plan_investment: plan,
    status: '在建',
  })
  await insertRows(engine, 'key_projects', [
    project('K0', 2025, 999),
    project('K1', 2026, 1000),
    project('K2', 2026, 500),
  ])
  await insertRows(engine, 'project_progress', [
    { period: '2025-12', project_id: 'K0', investment_completed: 999 },
    { period: '2026-01', project_id: 'K1', investment_completed: 100 },
    { period: '2026-02', project_id: 'K1', investment_completed: 200 },
    { period: '2026-02', project_id: 'K2', investment_completed: 50 },
    { period: '2026-03', project_id: 'K1', investment_completed: 300 },
  ])
  const item = (id: string, year: number) => ({
    item_id: id,
    year,
    name: id,
    category: '教育',
    votes_for: 250,
    votes_cast: 280,
    budget: 100,
    responsible_unit: '市教育局',
    target: id,
  })
  await insertRows(engine, 'livelihood_items', [item('L0', 2025), item('L1', 2026), item('L2', 2026), item('L3', 2026)])
  await insertRows(engine, 'livelihood_progress', [
    { period: '2025-12', item_id: 'L0', progress_pct: 100 },
    { period: '2026-01', item_id: 'L1', progress_pct: 20 },
    { period: '2026-02', item_id: 'L1', progress_pct: 40 },
    { period: '2026-02', item_id: 'L2', progress_pct: 100 },
  ])
  const suggestion = (id: string, year: number, status: string, satisfaction: string | null, key = false) => ({
    suggestion_id: id,
    year,
    title: id,
    category: '经济发展',
    is_key: key,
    status,
    satisfaction,
  })
  await insertRows(engine, 'deputy_suggestions', [
    suggestion('S0', 2025, '已办结', '满意'),
    suggestion('S1', 2026, '已办结', '满意', true),
    suggestion('S2', 2026, '已办结', '基本满意'),
    suggestion('S3', 2026, '已办结', '不满意'),
    suggestion('S4', 2026, '办理中', null),
  ])
})

afterAll(async () => {
  await engine?.terminate()
})

describe('KPI SQL on a hand-worked fixture', () => {
  it('counts the points that reported the scope month out of all registered', async () => {
    const [row] = await query<PointsReportingRow>(engine, pointsReportingSql(scopeOf('2026-02')))
    expect(row).toEqual({ period: '2026-02', reporting: 2, registered: 3 })
  })

  it('sums year-to-date output and compares like for like with the year before', async () => {
    const [row] = await query<OutputYtdRow>(engine, outputYtdSql(scopeOf('2026-02')))
    // YTD is every reported row: 120+180+130+60.
    expect(row!.ytd_output).toBe(490)
    expect(row!.prior_ytd_output).toBe(680)
    // P2 has no 2026-02 row, so its 2025-02 (220) is left out: 490 / (100+200+110+50) − 1.
    expect(row!.yoy).toBeCloseTo(490 / 460 - 1, 12)
    expect(row!.through).toBe('2026-02')
    expect(row!.points).toBe(3)
  })

  it("finds each KPI's latest month in its own table when no scope is given", async () => {
    // Indicators, livelihood progress and suggestions end in 2026-02 / 2026; project progress runs to 2026-03.
    for (const build of [pointsReportingSql, outputYtdSql, livelihoodProgressSql]) {
      expect(await query(engine, build(LATEST))).toEqual(await query(engine, build(scopeOf('2026-02'))))
    }
    expect(await query(engine, projectInvestmentSql(LATEST))).toEqual(
      await query(engine, projectInvestmentSql(scopeOf('2026-03'))),
    )
    expect(await query(engine, suggestionsSql(LATEST))).toEqual(await query(engine, suggestionsSql(scopeOf('2026-12'))))
    const [projects] = await query<ProjectInvestmentRow>(engine, projectInvestmentSql(LATEST))
    expect(projects).toMatchObject({ through: '2026-03', completed: 650 })
  })

  it('crosses the year boundary to the same month of the prior year only', async () => {
    const [row] = await query<OutputYtdRow>(engine, outputYtdSql(scopeOf('2026-01')))
    expect(row!.ytd_output).toBe(300)
    expect(row!.prior_ytd_output).toBe(300)
    expect(row!.yoy).toBe(0)
  })

  it('has no growth rate when the prior year has no data', async () => {
    const [row] = await query<OutputYtdRow>(engine, outputYtdSql(scopeOf('2025-02')))
    expect(row!.ytd_output).toBe(680)
    expect(row!.yoy).toBeNull()
  })

  it("measures key-project investment against the year's plan, within the scope", async () => {
    const [row] = await query<ProjectInvestmentRow>(engine, projectInvestmentSql(scopeOf('2026-02')))
    expect(row).toMatchObject({ through: '2026-02', projects: 2, plan: 1500, completed: 350 })
    expect(row!.completion).toBeCloseTo(350 / 1500, 12)
  })

  it("averages each livelihood item's latest progress, an unreported item counting as 0", async () => {
    const [row] = await query<LivelihoodProgressRow>(engine, livelihoodProgressSql(scopeOf('2026-02')))
    expect(row).toMatchObject({ through: '2026-02', items: 3, completed: 1 })
    expect(row!.avg_progress).toBeCloseTo((40 + 100 + 0) / 3, 12)
  })

  it("counts the session year's suggestions handled, key, and satisfied", async () => {
    const [row] = await query<SuggestionsRow>(engine, suggestionsSql(scopeOf('2026-02')))
    expect(row).toMatchObject({ year: 2026, total: 4, handled: 3, key: 1, rated: 3 })
    expect(row!.satisfaction).toBeCloseTo(2 / 3, 12)
  })
})

describe('scope anchors', () => {
  it('finds the latest month of a ledger from its dates', async () => {
    const { scopeCte } = await import('../src/queries/scope')
    await insertRows(engine, 'supervision_activities', [
      { activity_id: 'A1', date: '2025-11-03', type: '视察', title: 't', area: '经济' },
      { activity_id: 'A2', date: '2026-03-20', type: '视察', title: 't', area: '经济' },
    ])
    const [row] = await query<{ start: string; through: string; prior_through: string }>(
      engine,
      `WITH ${scopeCte(LATEST, { table: 'supervision_activities', date: 'date' })} SELECT "start", "through", "prior_through" FROM scope`,
    )
    expect(row).toEqual({ start: '2026-01', through: '2026-03', prior_through: '2025-03' })
    const [past] = await query<{ start: string; through: string }>(
      engine,
      `WITH ${scopeCte({ year: 2025, fromMonth: 6 }, { table: 'supervision_activities', date: 'date' })} SELECT "start", "through" FROM scope`,
    )
    // A past year runs to December unless told otherwise.
    expect(past).toEqual({ start: '2025-06', through: '2025-12' })
  })
})
