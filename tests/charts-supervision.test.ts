import { describe, expect, it } from 'vitest'

import {
  activitiesOption,
  microOption,
  microTownsOption,
  suggestionCategoriesOption,
  suggestionsOption,
  TYPE_COLORS,
} from '../src/charts/supervision'
import type { ReconciliationRow } from '../src/queries/supervision'
import { figureText, pivotFigures, reconciliationText, supervisionNarrative } from '../src/widgets/supervision/present'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'

describe('supervision chart options', () => {
  it('stacks activities by type per year, every segment keyed by its type', () => {
    const option = activitiesOption(
      [
        { year: 2024, type: '执法检查', activities: 5 },
        { year: 2024, type: HOSTILE, activities: 2 },
        { year: 2025, type: '执法检查', activities: 4 },
      ],
      { theme: 'light', selected: ['执法检查'] },
    )
    const series = option.series as {
      name: string
      data: { key: string; value: number }[]
      itemStyle: { opacity: number }
    }[]
    expect(series.map((s) => [s.name, s.data.map((d) => d.value), s.itemStyle.opacity])).toEqual([
      ['执法检查', [5, 4], 1],
      [HOSTILE, [2, 0], 0.28],
    ])
    const html = tooltipOf(option, [{ seriesName: HOSTILE, value: 2, color: '#000', axisValue: '2024年' }])
    expect(html).not.toContain('<img')
    expect(html).toContain('共2项')
    expect(renderSvg(option)).not.toContain('<img')
  })

  it('stacks types in the vocabulary’s order, each in its own colour whatever the rows’ order', () => {
    const option = activitiesOption(
      [
        { year: 2024, type: '专题调研', activities: 3 },
        { year: 2024, type: '视察', activities: 8 },
        { year: 2025, type: '常委会会议', activities: 9 },
      ],
      { theme: 'light' },
    )
    const series = option.series as {
      name: string
      data: { key: string; value: number }[]
      itemStyle: { color: string }
    }[]
    expect(series.map((s) => [s.name, s.itemStyle.color, s.data.map((d) => `${d.key}:${d.value}`)])).toEqual([
      ['常委会会议', TYPE_COLORS['常委会会议'], ['常委会会议:0', '常委会会议:9']],
      ['视察', TYPE_COLORS['视察'], ['视察:8', '视察:0']],
      ['专题调研', TYPE_COLORS['专题调研'], ['专题调研:3', '专题调研:0']],
    ])
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024年', '2025年'])
    const svg = renderSvg(option)
    expect(svg).toContain('常委会会议')
    expect(svg).toContain('2025年')
  })

  it('draws suggestions with satisfaction in percent, and micro-suggestions stacked by outcome', () => {
    const s = suggestionsOption([{ year: 2024, total: 166, handled: 166, key: 9, rated: 166, satisfaction: 1 }], {
      theme: 'light',
    })
    expect((s.series as { data: (number | null)[] }[]).map((x) => x.data[0])).toEqual([166, 166, 100])
    const m = microOption([{ year: 2022, raised: 433, resolved_in_year: 406, resolved_later: 27, open: 0 }], {
      theme: 'light',
    })
    expect((m.series as { data: number[] }[]).map((x) => x.data[0])).toEqual([406, 27, 0])
    expect(tooltipOf(m, [{ dataIndex: 0 }])).toContain('433条')
  })

  it('draws micro-suggestions by town with the town’s name escaped', () => {
    const row = (town: string, raised: number, inYear: number, later: number, open: number) => ({
      start: '2026-01',
      through: '2026-10',
      town_id: town,
      town,
      raised,
      resolved_in_year: inYear,
      resolved_later: later,
      open,
    })
    const option = microTownsOption([row('城厢镇', 26, 22, 0, 4), row(HOSTILE, 3, 1, 1, 1)], { theme: 'light' })
    expect((option.xAxis as { data: string[] }).data).toEqual(['城厢镇', HOSTILE])
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['当年解决', [22, 1]],
      ['跨年解决', [0, 1]],
      ['办理中', [4, 1]],
    ])
    const html = tooltipOf(option, [{ dataIndex: 1 }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
    expect(html).toContain('3条')
    const svg = renderSvg(option)
    expect(svg).toContain('城厢镇')
    expect(svg).not.toContain('<img')
  })

  it('draws the year’s suggestions by category, stacked by status, categories escaped in the tooltip', () => {
    const option = suggestionCategoriesOption(
      [
        { year: 2026, category: '经济发展', total: 27, handled: 26, in_progress: 1, assigned: 0, key: 2 },
        { year: 2026, category: HOSTILE, total: 5, handled: 2, in_progress: 2, assigned: 1, key: 0 },
      ],
      { theme: 'light' },
    )
    expect((option.yAxis as { data: string[] }).data).toEqual(['经济发展', HOSTILE])
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['已办结', [26, 2]],
      ['办理中', [1, 2]],
      ['已交办', [0, 1]],
    ])
    const html = tooltipOf(option, [{ dataIndex: 1 }])
    expect(html).not.toContain('<img')
    expect(html).toContain('5件')
    expect(tooltipOf(option, [{ dataIndex: 0 }])).toContain('重点督办')
    const svg = renderSvg(option)
    expect(svg).toContain('经济发展')
    expect(svg).not.toContain('<img')
  })
})

describe('report figures and reconciliation as text', () => {
  it('prints figures the way the reports do', () => {
    expect(figureText({ value: 7, unit: '次', qualifier: null })).toBe('7次')
    expect(figureText({ value: 1000, unit: '人次', qualifier: '余' })).toBe('1000余人次')
    expect(figureText({ value: 1871, unit: '人次', qualifier: null })).toBe('1871人次')
  })

  it('pivots one line per measure, grouped by category, with each year as its report words it', () => {
    const row = (year: number, id: string, category: string, metric: string, value: number) => ({
      year,
      metric_id: id,
      metric,
      value,
      unit: '次',
      qualifier: null,
      category,
      source: `报告${year}`,
      quote: `${metric}${value}次`,
      ord: 1,
    })
    const { years, sources, groups } = pivotFigures([
      row(2022, 'meetings', '会议', '常委会会议', 7),
      row(2022, 'inspections', '监督', '视察', 5),
      row(2024, 'meetings', '会议', '常委会会议', 9),
      row(2024, 'inspections', '监督', '专题视察', 8),
      row(2024, 'homes', '代表工作', '代表之家', 11),
    ])
    expect(years).toEqual([2022, 2024])
    expect(sources).toEqual([
      { year: 2022, sources: ['报告2022'] },
      { year: 2024, sources: ['报告2024'] },
    ])
    expect(groups.map((g) => [g.category, g.lines.map((l) => l.metricId)])).toEqual([
      ['会议', ['meetings']],
      ['监督', ['inspections']],
      ['代表工作', ['homes']],
    ])
    const inspections = groups[1]!.lines[0]!
    expect([inspections.byYear.get(2022)?.value, inspections.byYear.get(2024)?.value]).toEqual([5, 8])
    expect(inspections.wordings).toEqual([
      { text: '视察', years: [2022] },
      { text: '专题视察', years: [2024] },
    ])
    expect(groups[0]!.lines[0]!.wordings).toEqual([{ text: '常委会会议', years: [2022, 2024] }])
  })

  it('says how the ledger and the report differ', () => {
    const r = (p: Partial<ReconciliationRow>): ReconciliationRow => ({
      year: 2024,
      type: '执法检查',
      metric_id: 'x',
      metric: '执法检查',
      reported: 5,
      unit: '次',
      ledger: 5,
      covered: true,
      status: '一致',
      ...p,
    })
    expect(reconciliationText(r({ ledger: 4, status: '不一致' }))).toBe('台账记录4次，报告为5次，少1次')
    expect(reconciliationText(r({ ledger: 7, status: '不一致' }))).toBe('台账记录7次，报告为5次，多2次')
    expect(reconciliationText(r({ ledger: 0, covered: false, status: '台账未覆盖' }))).toBe(
      '报告为5次，台账未记录该年度',
    )
  })
})

describe('supervision narrative', () => {
  it('reads as the work report would, from the ledger counts', () => {
    const text = supervisionNarrative({
      year: 2026,
      start: '2026-01',
      through: '2026-10',
      counts: [
        { type: '常委会会议', n: 9 },
        { type: '主任会议', n: 13 },
        { type: '视察', n: 7 },
        { type: '执法检查', n: 0 },
        { type: '专项工作报告', n: 28 },
      ],
      suggestions: 141,
      handled: 130,
      key: 10,
      satisfaction: 1,
      micro_raised: 300,
      micro_resolved: 262,
    })
    expect(text).toBe(
      '2026年1—10月，召开常委会会议9次、主任会议13次，开展视察7次，听取审议专项工作报告28项。2026年代表建议141件，其中重点督办10件，已办结130件，满意率100.0%；代表提出微建议300条，已解决262条。',
    )
  })

  it('says so when the ledger has nothing in the scope, and when it is empty', () => {
    const r = {
      year: 2023,
      start: '2023-01',
      through: '2023-12',
      counts: [{ type: '视察', n: 0 }],
      suggestions: 0,
      handled: 0,
      key: 0,
      satisfaction: null,
      micro_raised: 0,
      micro_resolved: 0,
    }
    expect(supervisionNarrative(r)).toBe('2023年，台账中没有监督活动记录。')
    expect(supervisionNarrative({ ...r, year: null, start: null, through: null })).toBe('监督工作台账中尚无记录。')
  })
})
