import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import { LATEST } from '../src/queries/scope'
import {
  activitiesByYearSql,
  type ActivityCountRow,
  ledgerSql,
  microByTownSql,
  microByYearSql,
  type MicroTownRow,
  type MicroYearRow,
  type ReconciliationRow,
  reconciliationSql,
  type ReportFigureRow,
  reportFiguresSql,
  suggestionCategoriesSql,
  type SuggestionCategoryRow,
  suggestionsByYearSql,
  type SuggestionYearRow,
  type SupervisionSummaryRow,
  supervisionSummarySql,
} from '../src/queries/supervision'
import { supervisionNarrative } from '../src/widgets/supervision/present'
import { loadEmbeddedData } from './support/embedded'
import { insertRows, query, startEngineWithSchema } from './support/engine'

/**
 * The report says 2024 had 2 standing-committee meetings, 1 law-enforcement check and 3
 * inspections; the ledger has 2, 2 and 3 — one disagreement. The ledger has nothing in 2022,
 * for which the report says 1 meeting. The ledger's latest date is 2026-03-05, so "latest"
 * is 2026-01..2026-03.
 * Suggestions: 2024 has S1 (key, 满意) and S2 (不满意), both handled; 2026 has S3 (办理中) and
 * S4 (key, 已交办), neither rated.
 * Micro-suggestions: 甲镇 (sort 1) M1 2024-01 resolved 2024-02, M2 2024-02 resolved 2025-01,
 * M3 2026-02 open; 乙镇 (sort 0) M4 2026-03 resolved 2026-03; M5 2026-01 open in town "x",
 * which the towns table does not know.
 */
describe('supervision SQL on a hand-worked fixture', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startEngineWithSchema()
    const stat = (year: number, metric_id: string, metric: string, value: number, unit = '次') => ({
      year,
      metric_id,
      metric,
      value,
      unit,
      category: '会议',
      source: `报告${year}`,
      quote: `${metric}${value}${unit}`,
    })
    await insertRows(engine, 'supervision_stats', [
      stat(2024, 'standing_committee_meetings', '常委会会议', 2),
      stat(2024, 'law_enforcement_checks', '执法检查', 1),
      stat(2024, 'inspections', '专题视察', 3),
      stat(2022, 'standing_committee_meetings', '常委会会议', 1),
    ])
    let n = 0
    const act = (date: string, type: string) => ({
      activity_id: `A${++n}`,
      date,
      type,
      title: `${type}${n}`,
      area: '经济',
    })
    await insertRows(engine, 'supervision_activities', [
      act('2024-03-01', '常委会会议'),
      act('2024-09-01', '常委会会议'),
      act('2024-05-01', '执法检查'),
      act('2024-06-01', '执法检查'),
      act('2024-04-01', '视察'),
      act('2024-07-01', '视察'),
      act('2024-10-01', '视察'),
      act('2024-08-01', '专题调研'),
      act('2026-02-10', '主任会议'),
      act('2026-03-05', '常委会会议'),
    ])
    const sug = (
      id: string,
      year: number,
      status: string,
      satisfaction: string | null,
      key = false,
      category = '经济发展',
    ) => ({ suggestion_id: id, year, title: id, category, is_key: key, status, satisfaction })
    await insertRows(engine, 'deputy_suggestions', [
      sug('S1', 2024, '已办结', '满意', true),
      sug('S2', 2024, '已办结', '不满意'),
      sug('S3', 2026, '办理中', null),
      sug('S4', 2026, '已交办', null, true, '社会事业'),
    ])
    await insertRows(engine, 'towns', [
      { town_id: 't', name: '甲镇', kind: '镇', lon: 121, lat: 31, sort_order: 1 },
      { town_id: 'u', name: '乙镇', kind: '镇', lon: 121, lat: 31, sort_order: 0 },
    ])
    const micro = (id: string, submitted: string, resolved: string | null, town = 't') => ({
      micro_id: id,
      submitted_on: submitted,
      town_id: town,
      category: '其他',
      summary: id,
      status: resolved ? '已办结' : '办理中',
      resolved_on: resolved,
    })
    await insertRows(engine, 'micro_suggestions', [
      micro('M1', '2024-01-05', '2024-02-01'),
      micro('M2', '2024-02-10', '2025-01-10'),
      micro('M3', '2026-02-01', null),
      micro('M4', '2026-03-01', '2026-03-05', 'u'),
      micro('M5', '2026-01-15', null, 'x'),
    ])
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

  it('counts whole past years by type in the vocabulary’s order, not filtered by the selected type', async () => {
    const rows = await query<ActivityCountRow>(engine, activitiesByYearSql({ types: ['执法检查'] }))
    expect(rows.map((r) => [r.year, r.type, r.activities])).toEqual([
      [2024, '常委会会议', 2],
      [2024, '视察', 3],
      [2024, '执法检查', 2],
      [2024, '专题调研', 1],
      [2026, '常委会会议', 1],
      [2026, '主任会议', 1],
    ])
  })

  it('cuts every year to the months the user picks', async () => {
    const rows = await query<ActivityCountRow>(engine, activitiesByYearSql({ fromMonth: 1, toMonth: 3 }))
    expect(rows.map((r) => [r.year, r.type, r.activities])).toEqual([
      [2024, '常委会会议', 1],
      [2026, '常委会会议', 1],
      [2026, '主任会议', 1],
    ])
    // 2024, April to June: one inspection and two law-enforcement checks.
    const spring = await query<ActivityCountRow>(engine, activitiesByYearSql({ year: 2024, fromMonth: 4, toMonth: 6 }))
    expect(spring.map((r) => [r.year, r.type, r.activities])).toEqual([
      [2024, '视察', 1],
      [2024, '执法检查', 2],
    ])
  })

  it('lists the ledger in the scope, with the type filter', async () => {
    expect((await query<{ activity_id: string }>(engine, ledgerSql(LATEST))).length).toBe(2)
    expect((await query<{ type: string }>(engine, ledgerSql({ types: ['主任会议'] }))).map((r) => r.type)).toEqual([
      '主任会议',
    ])
    expect(
      (await query<{ activity_id: string }>(engine, ledgerSql({ year: 2024, types: ['执法检查', '视察'] }))).length,
    ).toBe(5)
    expect(
      (await query<{ activity_id: string }>(engine, ledgerSql({ year: 2024, fromMonth: 5, toMonth: 7 }))).length,
    ).toBe(3)
  })

  it('gives suggestions per year with satisfaction over those rated', async () => {
    const rows = await query<SuggestionYearRow>(engine, suggestionsByYearSql(LATEST))
    expect(rows).toEqual([
      { year: 2024, total: 2, handled: 2, key: 1, rated: 2, satisfaction: 0.5 },
      { year: 2026, total: 2, handled: 0, key: 1, rated: 0, satisfaction: null },
    ])
  })

  it('breaks the scope year’s suggestions down by category and status', async () => {
    expect(await query<SuggestionCategoryRow>(engine, suggestionCategoriesSql(LATEST))).toEqual([
      { year: 2026, category: '经济发展', total: 1, handled: 0, in_progress: 1, assigned: 0, key: 0 },
      { year: 2026, category: '社会事业', total: 1, handled: 0, in_progress: 0, assigned: 1, key: 1 },
    ])
    expect(await query<SuggestionCategoryRow>(engine, suggestionCategoriesSql({ year: 2024 }))).toEqual([
      { year: 2024, category: '经济发展', total: 2, handled: 2, in_progress: 0, assigned: 0, key: 1 },
    ])
  })

  it('tells micro-suggestions resolved within the year from those resolved later', async () => {
    const rows = await query<MicroYearRow>(engine, microByYearSql({ toMonth: 3 }))
    expect(rows).toEqual([
      { year: 2024, raised: 2, resolved_in_year: 1, resolved_later: 1, open: 0 },
      { year: 2026, raised: 3, resolved_in_year: 1, resolved_later: 0, open: 2 },
    ])
  })

  it('counts the scope’s micro-suggestions by town, in the towns’ order, an unknown town by its id', async () => {
    const latest = await query<MicroTownRow>(engine, microByTownSql(LATEST))
    expect(latest.map((r) => [r.town, r.raised, r.resolved_in_year, r.resolved_later, r.open])).toEqual([
      ['乙镇', 1, 1, 0, 0],
      ['甲镇', 1, 0, 0, 1],
      ['x', 1, 0, 0, 1],
    ])
    expect(latest[0]).toMatchObject({ start: '2026-01', through: '2026-03' })
    const y2024 = await query<MicroTownRow>(engine, microByTownSql({ year: 2024 }))
    expect(y2024.map((r) => [r.town, r.raised, r.resolved_in_year, r.resolved_later])).toEqual([['甲镇', 2, 1, 1]])
    const february = await query<MicroTownRow>(engine, microByTownSql({ year: 2024, fromMonth: 2, toMonth: 2 }))
    expect(february.map((r) => [r.town, r.raised, r.resolved_in_year, r.resolved_later])).toEqual([['甲镇', 1, 0, 1]])
  })

  it('sums up the scope for the opening sentence', async () => {
    const [s] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql(LATEST))
    expect(s).toMatchObject({
      year: 2026,
      start: '2026-01',
      through: '2026-03',
      suggestions: 2,
      handled: 0,
      key: 1,
      satisfaction: null,
      micro_raised: 3,
      micro_resolved: 1,
    })
    expect(s!.counts.filter((c) => c.n > 0)).toEqual([
      { type: '常委会会议', n: 1 },
      { type: '主任会议', n: 1 },
    ])
    expect(supervisionNarrative(s!)).toBe(
      '2026年1—3月，召开常委会会议1次、主任会议1次。2026年代表建议2件，其中重点督办1件，尚在办理中；代表提出微建议3条，已解决1条。',
    )
  })

  it('writes a past year as the report would, resolved micro-suggestions counted within the year', async () => {
    const [s] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql({ year: 2024 }))
    expect(s).toMatchObject({
      start: '2024-01',
      through: '2024-12',
      suggestions: 2,
      handled: 2,
      key: 1,
      satisfaction: 0.5,
      micro_raised: 2,
      micro_resolved: 1,
    })
    expect(supervisionNarrative(s!)).toBe(
      '2024年，召开常委会会议2次，开展视察3次、执法检查2次、专题调研1次。2024年代表建议2件，其中重点督办1件，已全部办结，满意率50.0%；代表提出微建议2条，当年解决1条。',
    )
  })

  it('narrows the opening sentence to the selected types', async () => {
    const [s] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql({ year: 2024, types: ['执法检查'] }))
    expect(supervisionNarrative(s!)).toMatch(/^2024年，开展执法检查2次。/)
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
    expect(
      rows.filter((r) => r.year === 2022 || r.year === 2024).map((r) => [r.year, r.raised, r.resolved_in_year]),
    ).toEqual([
      [2022, 433, 406],
      [2024, 342, 342],
    ])
  })

  it('returns the reports’ figures exactly', async () => {
    const rows = await query<ReportFigureRow>(engine, reportFiguresSql())
    const value = (year: number, id: string) => rows.find((r) => r.year === year && r.metric_id === id)
    expect([
      value(2022, 'standing_committee_meetings')?.value,
      value(2024, 'standing_committee_meetings')?.value,
    ]).toEqual([7, 9])
    expect(value(2024, 'inspections')).toMatchObject({ metric: '专题视察', value: 8, unit: '次' })
    expect(value(2022, 'inspections')).toMatchObject({ metric: '视察', value: 5 })
    expect([value(2022, 'special_work_reports')?.value, value(2024, 'special_work_reports')?.value]).toEqual([34, 30])
    expect([value(2022, 'resolutions')?.value, value(2024, 'resolutions')?.value]).toEqual([6, 14])
    expect([value(2022, 'chairpersons_meetings')?.value, value(2024, 'chairpersons_meetings')?.value]).toEqual([13, 14])
    expect([value(2022, 'law_enforcement_checks')?.value, value(2024, 'law_enforcement_checks')?.value]).toEqual([5, 5])
    expect([value(2022, 'special_inquiries')?.value, value(2024, 'special_inquiries')?.value]).toEqual([2, 2])
    expect(value(2022, 'deputy_suggestions')).toMatchObject({ metric: '代表建议、批评、意见', value: 106, unit: '件' })
    expect(value(2024, 'deputy_suggestions')).toMatchObject({ value: 166, unit: '件' })
    expect(value(2024, 'deputy_training_attendance')).toMatchObject({ value: 1000, qualifier: '余', unit: '人次' })
    expect(rows[0]!.category).toBe('会议')
  })

  it('opens 2024 with the figures the report gives', async () => {
    const [s] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql({ year: 2024 }))
    const text = supervisionNarrative(s!)
    expect(text).toMatch(
      /^2024年，召开常委会会议9次、主任会议14次，开展视察8次、执法检查5次、专题询问2次、专题调研\d+次，听取审议专项工作报告30项，作出决议决定14项。/,
    )
    expect(text).toContain(
      '2024年代表建议166件，其中重点督办9件，已全部办结，满意率100.0%；代表提出微建议342条，当年全部解决。',
    )
    const [y2022] = await query<SupervisionSummaryRow>(engine, supervisionSummarySql({ year: 2022 }))
    expect(supervisionNarrative(y2022!)).toContain('代表提出微建议433条，当年解决406条。')
  })

  it('adds the 2024 suggestions by category up to the report’s 166, and the 2022 micro-suggestions by town to 433', async () => {
    const categories = await query<SuggestionCategoryRow>(engine, suggestionCategoriesSql({ year: 2024 }))
    expect(categories.reduce((n, r) => n + r.total, 0)).toBe(166)
    expect(categories.reduce((n, r) => n + r.handled, 0)).toBe(166)
    const towns = await query<MicroTownRow>(engine, microByTownSql({ year: 2022 }))
    expect(towns).toHaveLength(10)
    expect([towns.reduce((n, r) => n + r.raised, 0), towns.reduce((n, r) => n + r.resolved_in_year, 0)]).toEqual([
      433, 406,
    ])
    expect(towns[0]!.town).toBe('城厢镇')
  })

  it('finds the ledger in step with both reports for every type they count', async () => {
    const rows = await query<ReconciliationRow>(engine, reconciliationSql())
    const years = rows.filter((r) => r.year === 2022 || r.year === 2024)
    expect(years).toHaveLength(14)
    expect(years.filter((r) => r.status !== '一致')).toEqual([])
    expect(years.find((r) => r.year === 2024 && r.type === '视察')).toMatchObject({
      metric: '专题视察',
      reported: 8,
      ledger: 8,
    })
  })
})
