import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import { latestActivitiesSql, type TownMapRow, townMapSql } from '../src/queries/overview'
import { LATEST } from '../src/queries/scope'
import { overviewNarrative } from '../src/widgets/overview/narrative'
import { loadEmbeddedData } from './support/embedded'
import { insertRows, query, startEngineWithSchema } from './support/engine'
import { overviewSummary } from './support/overview'

describe('Overview SQL on a hand-worked fixture', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    await insertRows(engine, 'towns', [
      { town_id: 'a', name: '甲镇', kind: '镇', lon: 121, lat: 31, sort_order: 1 },
      { town_id: 'b', name: '乙镇', kind: '镇', lon: 121.1, lat: 31.1, sort_order: 2 },
    ])
    await insertRows(engine, 'clusters', [
      { cluster_id: 'c', name: '高端装备', cluster_group: '主导产业', sort_order: 1 },
    ])
    await insertRows(engine, 'observation_points', [
      { point_id: 'P1', name: '一厂', cluster_id: 'c', town_id: 'a', established_on: '2024-04-18' },
      { point_id: 'P2', name: '二厂', cluster_id: 'c', town_id: 'a', established_on: '2024-04-18' },
    ])
    await insertRows(engine, 'point_indicators', [
      { period: '2026-01', point_id: 'P1', output_value: 100 },
      { period: '2026-02', point_id: 'P1', output_value: 50 },
      { period: '2026-02', point_id: 'P2', output_value: 30 },
    ])
    const project = (id: string, year: number, status: string, town: string) => ({
      project_id: id,
      year,
      name: id,
      level: '市级重点',
      category: '产业项目',
      town_id: town,
      german_cooperation: false,
      total_investment: 1000,
      year_plan_investment: 200,
      status,
    })
    await insertRows(engine, 'key_projects', [
      project('K1', 2026, '在建', 'b'),
      project('K2', 2026, '在建', 'b'),
      project('K3', 2026, '投产', 'a'),
      project('K0', 2025, '前期', 'a'),
    ])
    await insertRows(engine, 'project_progress', [{ period: '2026-02', project_id: 'K1', investment_completed: 10 }])
    const item = (id: string) => ({
      item_id: id,
      year: 2026,
      name: id,
      category: '教育',
      votes_for: 1,
      votes_cast: 1,
      budget: 1,
      responsible_unit: 'u',
      target: id,
    })
    await insertRows(engine, 'livelihood_items', [item('L1'), item('L2')])
    await insertRows(engine, 'livelihood_progress', [{ period: '2026-02', item_id: 'L1', progress_pct: 60 }])
    await insertRows(engine, 'supervision_activities', [
      { activity_id: 'S1', date: '2026-01-05', type: '视察', title: '旧', area: '经济' },
      { activity_id: 'S2', date: '2026-02-05', type: '执法检查', title: '新', area: '法治' },
    ])
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('gives each town its points, output, projects and markers', async () => {
    const rows = await query<TownMapRow>(engine, townMapSql(LATEST))
    expect(rows.map((r) => [r.town_id, r.points, r.ytd_output, r.projects, r.markers.map((m) => m.id)])).toEqual([
      ['a', 2, 180, 1, ['P1', 'P2', 'K3']],
      ['b', 0, null, 2, ['K1', 'K2']],
    ])
  })

  it('lists the newest activities first', async () => {
    expect((await query<{ activity_id: string }>(engine, latestActivitiesSql(1))).map((r) => r.activity_id)).toEqual([
      'S2',
    ])
  })
})

describe('Overview narrative on the embedded data', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    await loadEmbeddedData(engine)
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('reads as formal Chinese with every figure from the KPI queries', async () => {
    const text = overviewNarrative(await overviewSummary(engine, LATEST))
    expect(text).toMatch(
      /^截至2026年10月，19家观察点企业中18家已报送当月数据；1—10月累计产值[\d.,]+亿元，同比(增长|下降)[\d.]+%；\d+个重点项目完成投资[\d.,]+亿元，完成年度计划的[\d.]+%；20项民生实事平均进度[\d.]+%，已完成\d+项；2026年代表建议\d+件，已办结\d+件，满意率100\.0%。$/,
    )
  })
})
