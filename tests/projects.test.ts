import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import {
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  type ProjectsSummaryRow,
  projectsSummarySql,
  projectsTableSql,
  projectsTimelineSql,
  type TimelineRow,
} from '../src/queries/projects'
import { LATEST } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * The 2026 list; the latest month of progress is 2026-03, so the default scope is 2026-01..03
 * and 序时进度 expects 3/12 = 25% of each plan; "behind" is below 25% − 15% = 10%.
 *
 *            cluster   town  German level  status total  plan  Jan  Feb  Mar  completed  rate
 *   K1       高端装备  甲镇  yes    省重大 在建   5000   1200  100  200  300        600   50%
 *   K2       (none)    乙镇  no     市级   新开工 6000    600    —   50  100        150   25%
 *   K3       高端装备  乙镇  no     市级   前期   1000    300    —    —    —          0    0%  ← behind
 *   total                                               2100  100  250  400        750   35.7%
 *
 * K2 is 基础设施, in no cluster: the cluster chart shows it as 非产业项目.
 * K0 is on the 2025 list only: plan 999, completed 999 in 2025-12.
 */
let engine: NodeEngine
const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await insertRows(engine, 'towns', [
    { town_id: 'a', name: '甲镇', kind: '镇', lon: 121, lat: 31, sort_order: 1 },
    { town_id: 'b', name: '乙镇', kind: '镇', lon: 121.1, lat: 31.1, sort_order: 2 },
  ])
  await insertRows(engine, 'clusters', [
    { cluster_id: 'equipment', name: '高端装备', cluster_group: '主导产业', sort_order: 1 },
  ])
  const project = (id: string, year: number, p: Record<string, string | number | boolean | null>) => ({
    project_id: id,
    year,
    name: `项目${id}`,
    level: '市级重点',
    category: '产业项目',
    cluster_id: 'equipment',
    german_cooperation: false,
    total_investment: 1000,
    ...p,
  })
  await insertRows(engine, 'key_projects', [
    project('K1', 2026, {
      town_id: 'a',
      german_cooperation: true,
      level: '省重大',
      year_plan_investment: 1200,
      total_investment: 5000,
      status: '在建',
      start_date: '2025-03-01',
      planned_finish: '2027-06-28',
    }),
    project('K2', 2026, {
      town_id: 'b',
      cluster_id: null,
      category: '基础设施',
      year_plan_investment: 600,
      total_investment: 6000,
      status: '新开工',
      start_date: '2026-02-01',
      planned_finish: '2027-12-28',
    }),
    project('K3', 2026, { town_id: 'b', year_plan_investment: 300, status: '前期' }),
    project('K0', 2025, { town_id: 'a', year_plan_investment: 999, status: '在建' }),
  ])
  const progress = (period: string, id: string, amount: number, pct: number) => ({
    period,
    project_id: id,
    investment_completed: amount,
    progress_pct: pct,
  })
  await insertRows(engine, 'project_progress', [
    progress('2025-12', 'K0', 999, 100),
    progress('2026-01', 'K1', 100, 10),
    progress('2026-02', 'K1', 200, 20),
    progress('2026-03', 'K1', 300, 30),
    progress('2026-02', 'K2', 50, 5),
    progress('2026-03', 'K2', 100, 12),
  ])
})
afterAll(async () => {
  await engine?.terminate()
})

describe('key projects SQL on a hand-worked fixture', () => {
  it('accumulates investment month by month against the plan spread over the year and the annual plan', async () => {
    const rows = await query<ProjectMonthRow>(engine, projectsMonthlySql(LATEST))
    // plan_to_date = 2100 × month / 12: 175, 350, 525.
    expect(rows.map((r) => [r.period, r.completed, r.cumulative, r.plan, r.plan_to_date])).toEqual([
      ['2026-01', 100, 100, 2100, 175],
      ['2026-02', 250, 350, 2100, 350],
      ['2026-03', 400, 750, 2100, 525],
    ])
    expect(rows[2]!.completion).toBeCloseTo(750 / 2100, 12)
  })

  it('counts only the months of a range, with the plan spread over those months', async () => {
    // February–March: 250 then 650 completed; the plan to date is 2100 × 1/12 = 175, then 350.
    const rows = await query<ProjectMonthRow>(engine, projectsMonthlySql({ fromMonth: 2, toMonth: 3 }))
    expect(rows.map((r) => [r.month, r.completed, r.cumulative, r.plan_to_date])).toEqual([
      [2, 250, 250, 175],
      [3, 400, 650, 350],
    ])
  })

  it('lays out every status of the pipeline in order, and is not filtered by its own status selection', async () => {
    const rows = await query<PipelineRow>(engine, projectsPipelineSql(LATEST))
    expect(rows.map((r) => [r.status, r.projects, r.plan, r.completed])).toEqual([
      ['前期', 1, 300, 0],
      ['新开工', 1, 600, 150],
      ['在建', 1, 1200, 600],
      ['竣工', 0, null, null],
      ['投产', 0, null, null],
    ])
    expect(
      (await query<PipelineRow>(engine, projectsPipelineSql({ statuses: ['在建'] }))).map((r) => r.projects),
    ).toEqual([1, 1, 1, 0, 0])
    // Other filters do apply: in 乙镇 only K3 (前期) and K2 (新开工).
    expect((await query<PipelineRow>(engine, projectsPipelineSql({ towns: ['b'] }))).map((r) => r.projects)).toEqual([
      1, 1, 0, 0, 0,
    ])
  })

  it('groups by town, and by cluster with the projects outside any cluster as 非产业项目', async () => {
    const towns = await query<ProjectGroupRow>(engine, projectsByTownSql(LATEST))
    expect(towns.map((r) => [r.key, r.name, r.projects, r.plan, r.completed])).toEqual([
      ['a', '甲镇', 1, 1200, 600],
      ['b', '乙镇', 2, 900, 150],
    ])
    expect(towns[1]!.completion).toBeCloseTo(150 / 900, 12)
    // The town chart selects towns: a town filter does not shrink it.
    expect((await query<ProjectGroupRow>(engine, projectsByTownSql({ towns: ['a'] }))).map((r) => r.projects)).toEqual([
      1, 2,
    ])
    const clusters = await query<ProjectGroupRow>(engine, projectsByClusterSql(LATEST))
    // 高端装备: K1 + K3 = plan 1500, completed 600 (40%); 非产业项目: K2.
    expect(clusters.map((r) => [r.key, r.name, r.projects, r.plan, r.completed])).toEqual([
      ['equipment', '高端装备', 2, 1500, 600],
      [null, '非产业项目', 1, 600, 150],
    ])
    expect(clusters[0]!.completion).toBeCloseTo(0.4, 12)
  })

  it('flags projects behind schedule and sums the page up', async () => {
    const s = await one<ProjectsSummaryRow>(projectsSummarySql(LATEST))
    expect(s).toMatchObject({
      year: 2026,
      start: '2026-01',
      through: '2026-03',
      projects: 3,
      plan: 2100,
      completed: 750,
      behind: 1,
      new_starts: 1,
      finished: 0,
      german: 1,
      german_completed: 600,
      provincial: 1,
    })
    expect(s.expected).toBeCloseTo(0.25, 12)
    expect(s.german_completion).toBeCloseTo(0.5, 12)
    const table = await query<{
      project_id: string
      cluster: string
      town: string
      german: string
      behind: boolean
      completion_pct: number
      progress: number | null
    }>(engine, `SELECT * FROM (${projectsTableSql(LATEST)}) ORDER BY project_id`)
    // K2 at 25% is well above the 10% line; K3 at 0% is below it.
    expect(
      table.map((r) => [r.project_id, r.cluster, r.town, r.german, r.completion_pct, r.progress, r.behind]),
    ).toEqual([
      ['K1', '高端装备', '甲镇', '是', 50, 30, false],
      ['K2', '—', '乙镇', '', 25, 12, false],
      ['K3', '高端装备', '乙镇', '', 0, null, true],
    ])
  })

  it('applies status, German-cooperation and town filters', async () => {
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ statuses: ['在建'] }))).toMatchObject({
      projects: 1,
      plan: 1200,
      completed: 600,
      behind: 0,
    })
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ german: true }))).toMatchObject({
      projects: 1,
      completed: 600,
      german: 1,
    })
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ towns: ['b'] }))).toMatchObject({
      projects: 2,
      plan: 900,
      completed: 150,
      behind: 1,
    })
    // The monthly chart follows the filters: 在建 is K1 alone.
    expect(
      (await query<ProjectMonthRow>(engine, projectsMonthlySql({ statuses: ['在建'] }))).map((r) => r.cumulative),
    ).toEqual([100, 300, 600])
  })

  it('judges the schedule on the months of the range, not the months since January', async () => {
    // To February: 300 + 50 = 350 completed; 2/12 − 15% ≈ 1.7%: K2 (8.3%) is on time, K3 (0%) behind.
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ toMonth: 2 }))).toMatchObject({
      completed: 350,
      behind: 1,
      through: '2026-02',
    })
    // March alone: 300 + 100 = 400 completed, and one month should deliver 1/12 ≈ 8.3% of a plan,
    // less 15 points is below zero: nobody is behind. (Judged against 3/12, K3 would be.)
    const march = await one<ProjectsSummaryRow>(projectsSummarySql({ fromMonth: 3, toMonth: 3 }))
    expect(march).toMatchObject({ start: '2026-03', through: '2026-03', completed: 400, behind: 0 })
    expect(march.expected).toBeCloseTo(1 / 12, 12)
  })

  it('reads a past year’s list over the whole year', async () => {
    const s = await one<ProjectsSummaryRow>(projectsSummarySql({ year: 2025 }))
    expect(s).toMatchObject({
      year: 2025,
      start: '2025-01',
      through: '2025-12',
      projects: 1,
      plan: 999,
      completed: 999,
      completion: 1,
      behind: 0,
      expected: 1,
    })
    expect((await query<ProjectMonthRow>(engine, projectsMonthlySql({ year: 2025 }))).map((r) => r.cumulative)).toEqual(
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 999],
    )
  })

  it('lists the timeline as the largest projects in order of start, with how many there are in all', async () => {
    // By total investment: K2 6000, K1 5000, K3 1000. The largest two, by start: K1 (2025-03), K2 (2026-02).
    const two = await query<TimelineRow>(engine, projectsTimelineSql(LATEST, 2))
    expect(two.map((r) => [r.project_id, r.town, r.listed, r.through])).toEqual([
      ['K1', '甲镇', 3, '2026-03'],
      ['K2', '乙镇', 3, '2026-03'],
    ])
    expect(String(two[0]!.start_date)).toBe('2025-03-01')
    // K3 has no dates: it comes last.
    expect((await query<TimelineRow>(engine, projectsTimelineSql(LATEST))).map((r) => r.project_id)).toEqual([
      'K1',
      'K2',
      'K3',
    ])
  })
})
