import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import {
  clusterMonthlySql,
  type ClusterMonthRow,
  type ClustersSummaryRow,
  clustersSummarySql,
  type ClusterYtdRow,
  clusterYtdSql,
  type IssueCategoryRow,
  issuesByCategorySql,
  pointRankingSql,
  type PointRankRow,
  pointsTableSql,
  type WarningRow,
  warningsSql,
} from '../src/queries/clusters'
import { LATEST, scopeOf } from '../src/queries/scope'
import { insertRows, query, startEngineWithSchema, wrap } from './support/engine'

/**
 * Points A, B (高端装备) and C (生物医药). Output / tax / electricity / employees:
 *            A                 B                  C
 *   2025-01  100/10/50/100     200/20/100/200     50/5/10/50
 *   2025-02  110/11/55/100     220/22/110/200     60/6/12/50
 *   2026-01  120/12/60/100     180/10/90/150      70/7/14/50
 *   2026-02  130/13/65/100     (not reported)     40/2/8/50
 */
let engine: NodeEngine

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await insertRows(engine, 'clusters', [
    { cluster_id: 'equipment', name: '高端装备', cluster_group: '主导产业', sort_order: 1 },
    { cluster_id: 'biomed', name: '生物医药', cluster_group: '特色产业', sort_order: 5 },
  ])
  await insertRows(engine, 'towns', [
    { town_id: 'hitech', name: '太仓高新区', kind: '开发区', lon: 121.1, lat: 31.4, sort_order: 1 },
    { town_id: 'shaxi', name: '沙溪镇', kind: '镇', lon: 121.0, lat: 31.5, sort_order: 2 },
  ])
  const point = (id: string, cluster: string, town: string) => ({
    point_id: id,
    name: `企业${id}`,
    cluster_id: cluster,
    town_id: town,
    established_on: '2024-04-18',
  })
  await insertRows(engine, 'observation_points', [
    point('A', 'equipment', 'hitech'),
    point('B', 'equipment', 'shaxi'),
    point('C', 'biomed', 'hitech'),
  ])
  const row = (period: string, id: string, o: number, t: number, e: number, emp: number) => ({
    period,
    point_id: id,
    output_value: o,
    tax: t,
    electricity: e,
    employees: emp,
  })
  await insertRows(engine, 'point_indicators', [
    row('2025-01', 'A', 100, 10, 50, 100),
    row('2025-01', 'B', 200, 20, 100, 200),
    row('2025-01', 'C', 50, 5, 10, 50),
    row('2025-02', 'A', 110, 11, 55, 100),
    row('2025-02', 'B', 220, 22, 110, 200),
    row('2025-02', 'C', 60, 6, 12, 50),
    row('2026-01', 'A', 120, 12, 60, 100),
    row('2026-01', 'B', 180, 10, 90, 150),
    row('2026-01', 'C', 70, 7, 14, 50),
    row('2026-02', 'A', 130, 13, 65, 100),
    row('2026-02', 'C', 40, 2, 8, 50),
  ])
  const issue = (id: string, point: string, date: string, category: string, status: string) => ({
    issue_id: id,
    point_id: point,
    reported_on: date,
    category,
    summary: id,
    status,
  })
  await insertRows(engine, 'point_issues', [
    issue('I1', 'A', '2026-01-05', '融资', '已办结'),
    issue('I2', 'A', '2026-02-10', '用工', '办理中'),
    issue('I3', 'C', '2025-06-01', '融资', '已办结'),
  ])
})
afterAll(async () => {
  await engine?.terminate()
})

describe('clusters page SQL on a hand-worked fixture', () => {
  it('gives each cluster its YTD output, like-for-like growth and share', async () => {
    const rows = await query<ClusterYtdRow>(engine, clusterYtdSql(LATEST))
    expect(rows.map((r) => [r.cluster_id, r.ytd_output, r.points])).toEqual([
      ['equipment', 430, 2],
      ['biomed', 110, 1],
    ])
    // 高端装备: B's February is missing, so only A-Jan, B-Jan, A-Feb compare: 430 / (100+200+110).
    expect(rows[0]!.yoy).toBeCloseTo(430 / 410 - 1, 12)
    expect(rows[1]!.yoy).toBeCloseTo(0, 12)
    expect(rows[0]!.share).toBeCloseTo(430 / 540, 12)
    expect(rows[0]).toMatchObject({ start: '2026-01', through: '2026-02' })
  })

  it('compares January with the January before, across the year boundary', async () => {
    const rows = await query<ClusterYtdRow>(engine, clusterYtdSql(scopeOf('2026-01')))
    expect(rows[0]).toMatchObject({ ytd_output: 300, through: '2026-01' })
    expect(rows[0]!.yoy).toBeCloseTo(300 / 300 - 1, 12)
  })

  it('lays out month × cluster, with a missing report counted out of growth but not out of last year', async () => {
    const rows = await query<ClusterMonthRow>(engine, clusterMonthlySql(LATEST))
    const feb = rows.find((r) => r.month === 2 && r.cluster_id === 'equipment')!
    expect(feb).toMatchObject({ period: '2026-02', output: 130, prior_output: 330 })
    expect(feb.yoy).toBeCloseTo(130 / 110 - 1, 12)
    expect(rows.map((r) => `${r.period}:${r.cluster_id}`)).toEqual([
      '2026-01:equipment',
      '2026-01:biomed',
      '2026-02:equipment',
      '2026-02:biomed',
    ])
  })

  it('filters by cluster and by town', async () => {
    const biomed = await query<ClusterYtdRow>(engine, clusterYtdSql({ clusters: ['biomed'] }))
    expect(biomed.map((r) => [r.cluster_id, r.ytd_output])).toEqual([['biomed', 110]])
    const shaxi = await query<PointRankRow>(engine, pointRankingSql({ towns: ['shaxi'] }))
    expect(shaxi.map((r) => [r.point_id, r.ytd_output])).toEqual([['B', 180]])
  })

  it('ranks points by YTD output', async () => {
    const rows = await query<PointRankRow>(engine, pointRankingSql(LATEST))
    expect(rows.map((r) => [r.point_id, r.ytd_output])).toEqual([
      ['A', 250],
      ['B', 180],
      ['C', 110],
    ])
  })

  it('warns of falls beyond the threshold, with the metrics that fell, worst first', async () => {
    const rows = await query<WarningRow>(engine, warningsSql(LATEST, 0.1))
    expect(rows.map((r) => r.point_id)).toEqual(['B', 'C'])
    const [b, c] = rows
    expect(b!.tax_yoy).toBeCloseTo(10 / 20 - 1, 12)
    expect(b!.employees_yoy).toBeCloseTo(150 / 200 - 1, 12)
    // B's output fell exactly 10%: not beyond a 10% threshold.
    expect(b!.output_value_yoy).toBeCloseTo(-0.1, 12)
    expect(c!.tax_yoy).toBeCloseTo(9 / 11 - 1, 12)
    // A lower threshold catches B's output too; a higher one leaves only B's tax.
    expect((await query<WarningRow>(engine, warningsSql(LATEST, 0.6))).map((r) => r.point_id)).toEqual([])
    expect((await query<WarningRow>(engine, warningsSql(LATEST, 0.3))).map((r) => r.point_id)).toEqual(['B'])
  })

  it('counts the problems reported in the scope and how many are resolved', async () => {
    const rows = await query<IssueCategoryRow>(engine, issuesByCategorySql(LATEST))
    expect(rows).toEqual([
      { category: '用工', total: 1, resolved: 0, open: 1 },
      { category: '融资', total: 1, resolved: 1, open: 0 },
    ])
  })

  it('sums up the page for its opening sentence', async () => {
    const [row] = await query<ClustersSummaryRow>(engine, clustersSummarySql(LATEST))
    expect(row).toMatchObject({
      start: '2026-01',
      through: '2026-02',
      points: 3,
      ytd_output: 540,
      leading_output: 430,
      featured_output: 110,
      falling_points: 1,
    })
    expect(row!.yoy).toBeCloseTo(540 / 520 - 1, 12)
    expect(row!.leading_yoy).toBeCloseTo(430 / 410 - 1, 12)
    expect(row!.featured_yoy).toBeCloseTo(0, 12)
  })

  it('lists every point with its figures and open issues', async () => {
    const rows = await query<{
      point_id: string
      ytd_output: number
      avg_employees: number
      months_reported: number
      open_issues: number
    }>(
      engine,
      wrap(pointsTableSql(LATEST), (sql) => `SELECT * FROM (${sql}) ORDER BY point_id`),
    )
    expect(rows.map((r) => [r.point_id, r.ytd_output, r.avg_employees, r.months_reported, r.open_issues])).toEqual([
      ['A', 250, 100, 2, 1],
      ['B', 180, 150, 1, 0],
      ['C', 110, 50, 2, 0],
    ])
  })
})
