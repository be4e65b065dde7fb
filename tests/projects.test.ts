import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeEngine } from '../src/db/node'
import {
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  projectsSummarySql,
  projectsTableSql,
  projectsTimelineSql,
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  type ProjectsSummaryRow,
  type TimelineRow,
} from '../src/queries/projects'
import { LATEST } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * The 2026 list (the scope runs to 2026-03, the latest month of progress):
 *   K1 高端装备 甲镇 对德 省重大 plan 1200, completed 100 + 200 + 300 = 600 (50%)
 *   K2 (no cluster) 乙镇   市级   plan  600, completed 50 + 100 = 150 (25%)
 *   K3 高端装备 乙镇       市级   plan  300, nothing completed (0%: behind, as 3/12 − 15% = 10% > 0)
 * K0 is on the 2025 list only.
 */
let engine: NodeEngine
const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await insertRows(engine, 'towns', [
    { town_id: 'a', name: '甲镇', kind: '镇', lon: 121, lat: 31, sort_order: 1 },
    { town_id: 'b', name: '乙镇', kind: '镇', lon: 121.1, lat: 31.1, sort_order: 2 },
  ])
  await insertRows(engine, 'clusters', [{ cluster_id: 'equipment', name: '高端装备', cluster_group: '主导产业', sort_order: 1 }])
  const project = (id: string, year: number, p: Record<string, string | number | boolean | null>) => ({
    project_id: id, year, name: `项目${id}`, level: '市级重点', category: '产业项目', cluster_id: 'equipment', german_cooperation: false, total_investment: 1000, ...p,
  })
  await insertRows(engine, 'key_projects', [
    project('K1', 2026, { town_id: 'a', german_cooperation: true, level: '省重大', year_plan_investment: 1200, total_investment: 5000, status: '在建', start_date: '2025-03-01', planned_finish: '2027-06-28' }),
    project('K2', 2026, { town_id: 'b', cluster_id: null, category: '基础设施', year_plan_investment: 600, total_investment: 2000, status: '新开工', start_date: '2026-02-01', planned_finish: '2027-12-28' }),
    project('K3', 2026, { town_id: 'b', year_plan_investment: 300, status: '前期' }),
    project('K0', 2025, { town_id: 'a', year_plan_investment: 999, status: '在建' }),
  ])
  const progress = (period: string, id: string, amount: number, pct: number) => ({ period, project_id: id, investment_completed: amount, progress_pct: pct })
  await insertRows(engine, 'project_progress', [
    progress('2025-12', 'K0', 999, 100),
    progress('2026-01', 'K1', 100, 10), progress('2026-02', 'K1', 200, 20), progress('2026-03', 'K1', 300, 30),
    progress('2026-02', 'K2', 50, 5), progress('2026-03', 'K2', 100, 12),
  ])
})
afterAll(async () => {
  await engine?.terminate()
})

describe('key projects SQL on a hand-worked fixture', () => {
  it('accumulates investment month by month against the plan spread over the year', async () => {
    const rows = await query<ProjectMonthRow>(engine, projectsMonthlySql(LATEST))
    expect(rows.map((r) => [r.period, r.completed, r.cumulative, r.plan, r.plan_to_date])).toEqual([
      ['2026-01', 100, 100, 2100, 175],
      ['2026-02', 250, 350, 2100, 350],
      ['2026-03', 400, 750, 2100, 525],
    ])
    expect(rows[2]!.completion).toBeCloseTo(750 / 2100, 12)
  })

  it('lays out every status of the pipeline in order', async () => {
    const rows = await query<PipelineRow>(engine, projectsPipelineSql(LATEST))
    expect(rows.map((r) => [r.status, r.projects, r.plan, r.completed])).toEqual([
      ['前期', 1, 300, 0], ['新开工', 1, 600, 150], ['在建', 1, 1200, 600], ['竣工', 0, null, null], ['投产', 0, null, null],
    ])
    // The pipeline selects statuses: a status filter does not shrink it.
    expect((await query<PipelineRow>(engine, projectsPipelineSql({ statuses: ['在建'] }))).map((r) => r.projects)).toEqual([1, 1, 1, 0, 0])
  })

  it('groups by town, and by cluster with the projects outside any cluster as 非产业项目', async () => {
    const towns = await query<ProjectGroupRow>(engine, projectsByTownSql(LATEST))
    expect(towns.map((r) => [r.key, r.projects, r.plan, r.completed])).toEqual([['a', 1, 1200, 600], ['b', 2, 900, 150]])
    const clusters = await query<ProjectGroupRow>(engine, projectsByClusterSql(LATEST))
    expect(clusters.map((r) => [r.key, r.name, r.projects, r.plan, r.completed])).toEqual([['equipment', '高端装备', 2, 1500, 600], [null, '非产业项目', 1, 600, 150]])
    expect(clusters[0]!.completion).toBeCloseTo(0.4, 12)
  })

  it('flags projects behind schedule and sums the page up', async () => {
    const s = await one<ProjectsSummaryRow>(projectsSummarySql(LATEST))
    expect(s).toMatchObject({ year: 2026, through: '2026-03', projects: 3, plan: 2100, completed: 750, behind: 1, new_starts: 1, finished: 0, german: 1, german_completed: 600, provincial: 1 })
    expect(s.german_completion).toBeCloseTo(0.5, 12)
    const table = await query<{ project_id: string; behind: boolean; completion: number }>(engine, `SELECT * FROM (${projectsTableSql(LATEST)}) ORDER BY project_id`)
    expect(table.map((r) => [r.project_id, r.behind])).toEqual([['K1', false], ['K2', false], ['K3', true]])
  })

  it('applies status, German-cooperation and town filters', async () => {
    expect((await one<ProjectsSummaryRow>(projectsSummarySql({ statuses: ['在建'] }))).projects).toBe(1)
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ german: true }))).toMatchObject({ projects: 1, completed: 600 })
    expect(await one<ProjectsSummaryRow>(projectsSummarySql({ towns: ['b'] }))).toMatchObject({ projects: 2, completed: 150 })
  })

  it('counts only the months of a range, and judges the schedule by its last month', async () => {
    // To February: K1 300, K2 50; 2/12 − 15% ≈ 1.7%, so K2 (8.3%) is on time and K3 (0%) behind.
    const s = await one<ProjectsSummaryRow>(projectsSummarySql({ toMonth: 2 }))
    expect(s).toMatchObject({ completed: 350, behind: 1, through: '2026-02' })
  })

  it('reads a past year’s list', async () => {
    const s = await one<ProjectsSummaryRow>(projectsSummarySql({ year: 2025 }))
    expect(s).toMatchObject({ year: 2025, projects: 1, plan: 999, completed: 999, completion: 1, behind: 0 })
  })

  it('lists the timeline largest first, with how many there are in all', async () => {
    const rows = await query<TimelineRow>(engine, projectsTimelineSql(LATEST, 2))
    expect(rows.map((r) => [r.project_id, r.listed])).toEqual([['K1', 3], ['K2', 3]])
  })
})
