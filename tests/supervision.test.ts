import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeEngine } from '../src/db/node'
import { LATEST } from '../src/queries/scope'
import {
  activitiesByYearSql,
  ledgerSql,
  microByYearSql,
  reconciliationSql,
  reportFiguresSql,
  suggestionsByYearSql,
  supervisionSummarySql,
  type ActivityCountRow,
  type MicroYearRow,
  type ReconciliationRow,
  type ReportFigureRow,
  type SuggestionYearRow,
  type SupervisionSummaryRow,
} from '../src/queries/supervision'
import { loadEmbeddedData } from './support/embedded'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * The report says 2024 had 2 standing-committee meetings, 1 law-enforcement check and 3
 * inspections; the ledger has 2, 2 and 3 — one disagreement. The ledger has nothing in 2022,
 * for which the report says 1 meeting. The ledger's latest date is 2026-03-05.
 */
describe('supervision SQL on a hand-worked fixture', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    const stat = (year: number, metric_id: string, metric: string, value: number, unit = '次') => ({ year, metric_id, metric, value, unit, category: '会议', source: `报告${year}`, quote: `${metric}${value}${unit}` })
    await insertRows(engine, 'supervision_stats', [
      stat(2024, 'standing_committee_meetings', '常委会会议', 2),
      stat(2024, 'law_enforcement_checks', '执法检查', 1),
      stat(2024, 'inspections', '专题视察', 3),
      stat(2022, 'standing_committee_meetings', '常委会会议', 1),
    ])
    let n = 0
    const act = (date: string, type: string) => ({ activity_id: `A${++n}`, date, type, title: `${type}${n}`, area: '经济' })
    await insertRows(engine, 'supervision_activities', [
      act('2024-03-01', '常委会会议'), act('2024-09-01', '常委会会议'),
      act('2024-05-01', '执法检查'), act('2024-06-01', '执法检查'),
      act('2024-04-01', '视察'), act('2024-07-01', '视察'), act('2024-10-01', '视察'),
      act('2024-08-01', '专题调研'),
      act('2026-02-10', '主任会议'), act('2026-03-05', '常委会会议'),
    ])
    const sug = (id: string, year: number, status: string, satisfaction: string | null, key = false) => ({ suggestion_id: id, year, title: id, category: '经济发展', is_key: key, status, satisfaction })
    await insertRows(engine, 'deputy_suggestions', [sug('S1', 2024, '已办结', '满意', true), sug('S2', 2024, '已办结', '不满意'), sug('S3', 2026, '办理中', null)])
    await insertRows(engine, 'towns', [{ town_id: 't', name: '甲镇', kind: '镇', lon: 121, lat: 31, sort_order: 1 }])
    const micro = (id: string, submitted: string, resolved: string | null) => ({ micro_id: id, submitted_on: submitted, town_id: 't', category: '其他', summary: id, status: resolved ? '已办结' : '办理中', resolved_on: resolved })
    await insertRows(engine, 'micro_suggestions', [micro('M1', '2024-01-05', '2024-02-01'), micro('M2', '2024-02-10', '2025-01-10'), micro('M3', '2026-02-01', null), micro('M4', '2026-03-01', '2026-03-05')])
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('compares the ledger with the report, saying where they disagree and where the ledger does not reach', async () => {
    const rows = await query<ReconciliationRow>(engine, reconciliationSql())
    const pick = (year: number, type: string) => rows.find((r) => r.year === year && r.type === type)!
    expect(pick(2024, '常委会会议')).toMatchObject({ reported: 2, ledger: 2, status: '一致' })
    expect(pick(2024, '执法检查')).toMatchObject({ reported: 1, ledger: 2, status: '不一致' })
    expect(pick(2024, '视察')).toMatchObject({ metric: '专题视察', reported: 3, ledger: 3, status: '一致' })
    expect(pick(2024, '主任会议')).toMatchObject({ reported: null, status: '报告未列' })
    expect(pick(2022, '常委会会议')).toMatchObject({ reported: 1, ledger: 0, covered: false, status: '台账未覆盖' })
    expect(rows.some((r) => r.type === '专题调研')).toBe(false)
  })

  it('counts whole past years by type, not filtered by the selected type', async () => {
    const rows = await query<ActivityCountRow>(engine, activitiesByYearSql({ types: ['执法检查'] }))
    expect(rows.map((r) => [r.year, r.type, r.activities])).toEqual([
      [2024, '专题调研', 1], [2024, '常委会会议', 2], [2024, '执法检查', 2], [2024, '视察', 3], [2026, '主任会议', 1], [2026, '常委会会议', 1],
    ])
  })

  it('cuts every year to the months the user picks', async () => {
    const rows = await query<ActivityCountRow>(engine, activitiesByYearSql({ fromMonth: 1, toMonth: 3 }))
    expect(rows.map((r) => [r.year, r.type, r.activities])).toEqual([[2024, '常委会会议', 1], [2026, '主任会议', 1], [2026, '常委会会议', 1]])
  })

  it('lists the ledger in the scope, with the type filter', async () => {
    expect((await query<{ activity_id: string }>(engine, ledgerSql(LATEST))).length).toBe(2)
    expect((await query<{ type: string }>(engine, ledgerSql({ types: ['主任会议'] }))).map((r) => r.type)).toEqual(['主任会议'])
  })

  it('gives suggestions per year with satisfaction over those rated', async () => {
    const rows = await query<SuggestionYearRow>(engine, suggestionsByYearSql(LATEST))
    expect(rows).toEqual([
      { year: 2024, total: 2, handled: 2, key: 1, rated: 2, satisfaction: 0.5 },
      { year: 2026, total: 1, handled: 0, key: 0, rated: 0, satisfaction: null },
    ])
  })

  it('tells micro-suggestions resolved within the year from those resolved later', async () => {
    const rows = await query<MicroYearRow>(engine, microByYearSql({ toMonth: 3 }))
    expect(rows).toEqual([
      { year: 2024, raised: 2, resolved_in_year: 1, resolved_later: 1, open: 0 },
      { year: 2026, raised: 2, resolved_in_year: 1, resolved_later: 0, open: 1 },
    ])
  })

  it('sums up the scope for the opening sentence', async () => {
    const [s] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql(LATEST))
    expect(s).toMatchObject({ year: 2026, start: '2026-01', through: '2026-03', suggestions: 1, handled: 0, satisfaction: null, micro_raised: 2, micro_resolved: 1 })
    expect(s!.counts.filter((c) => c.n > 0)).toEqual([{ type: '常委会会议', n: 1 }, { type: '主任会议', n: 1 }])
  })
})

describe('supervision SQL on the embedded data', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    await loadEmbeddedData(engine)
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('counts the 2022 and 2024 micro-suggestions as the reports do, whole years', async () => {
    const rows = await query<MicroYearRow>(engine, microByYearSql(LATEST))
    expect(rows.filter((r) => r.year === 2022 || r.year === 2024).map((r) => [r.year, r.raised, r.resolved_in_year])).toEqual([[2022, 433, 406], [2024, 342, 342]])
  })

  it('returns the reports’ figures exactly', async () => {
    const rows = await query<ReportFigureRow>(engine, reportFiguresSql())
    const value = (year: number, id: string) => rows.find((r) => r.year === year && r.metric_id === id)
    expect([value(2022, 'standing_committee_meetings')?.value, value(2024, 'standing_committee_meetings')?.value]).toEqual([7, 9])
    expect(value(2024, 'inspections')).toMatchObject({ metric: '专题视察', value: 8, unit: '次' })
    expect(value(2022, 'inspections')).toMatchObject({ metric: '视察', value: 5 })
    expect([value(2022, 'special_work_reports')?.value, value(2024, 'special_work_reports')?.value]).toEqual([34, 30])
    expect(value(2024, 'resolutions')?.value).toBe(14)
    expect(value(2024, 'deputy_suggestions')).toMatchObject({ value: 166, unit: '件' })
    expect(value(2024, 'deputy_training_attendance')).toMatchObject({ value: 1000, qualifier: '余', unit: '人次' })
    expect(rows[0]!.category).toBe('会议')
  })

  it('finds the ledger in step with both reports for every type they count', async () => {
    const rows = await query<ReconciliationRow>(engine, reconciliationSql())
    const years = rows.filter((r) => r.year === 2022 || r.year === 2024)
    expect(years).toHaveLength(14)
    expect(years.filter((r) => r.status !== '一致')).toEqual([])
  })
})
