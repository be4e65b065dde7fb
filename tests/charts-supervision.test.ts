import { describe, expect, it } from 'vitest'
import { activitiesOption, microOption, suggestionsOption } from '../src/charts/supervision'
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
    const series = option.series as { name: string; data: { key: string; value: number }[]; itemStyle: { opacity: number } }[]
    expect(series.map((s) => [s.name, s.data.map((d) => d.value), s.itemStyle.opacity])).toEqual([['执法检查', [5, 4], 1], [HOSTILE, [2, 0], 0.28]])
    const html = tooltipOf(option, [{ seriesName: HOSTILE, value: 2, color: '#000', axisValue: '2024年' }])
    expect(html).not.toContain('<img')
    expect(html).toContain('共2项')
    expect(renderSvg(option)).not.toContain('<img')
  })

  it('draws suggestions with satisfaction in percent, and micro-suggestions stacked by outcome', () => {
    const s = suggestionsOption([{ year: 2024, total: 166, handled: 166, key: 9, rated: 166, satisfaction: 1 }], { theme: 'light' })
    expect((s.series as { data: (number | null)[] }[]).map((x) => x.data[0])).toEqual([166, 166, 100])
    const m = microOption([{ year: 2022, raised: 433, resolved_in_year: 406, resolved_later: 27, open: 0 }], { theme: 'light' })
    expect((m.series as { data: number[] }[]).map((x) => x.data[0])).toEqual([406, 27, 0])
    expect(tooltipOf(m, [{ dataIndex: 0 }])).toContain('433条')
  })
})

describe('report figures and reconciliation as text', () => {
  it('prints figures the way the reports do', () => {
    expect(figureText({ value: 7, unit: '次', qualifier: null })).toBe('7次')
    expect(figureText({ value: 1000, unit: '人次', qualifier: '余' })).toBe('1000余人次')
    expect(figureText({ value: 1871, unit: '人次', qualifier: null })).toBe('1871人次')
  })

  it('pivots one line per measure with each year as its report words it', () => {
    const row = (year: number, metric: string, value: number) => ({ year, metric_id: 'inspections', metric, value, unit: '次', qualifier: null, category: '监督', source: `报告${year}`, quote: `${metric}${value}次`, ord: 1 })
    const { years, lines } = pivotFigures([row(2022, '视察', 5), row(2024, '专题视察', 8)])
    expect(years).toEqual([2022, 2024])
    expect(lines.map((l) => [l.metricId, l.byYear.get(2022)?.metric, l.byYear.get(2024)?.metric])).toEqual([['inspections', '视察', '专题视察']])
  })

  it('says how the ledger and the report differ', () => {
    const r = (p: Partial<ReconciliationRow>): ReconciliationRow => ({ year: 2024, type: '执法检查', metric_id: 'x', metric: '执法检查', reported: 5, unit: '次', ledger: 5, covered: true, status: '一致', ...p })
    expect(reconciliationText(r({ ledger: 4, status: '不一致' }))).toBe('台账记录4次，报告为5次，少1次')
    expect(reconciliationText(r({ ledger: 7, status: '不一致' }))).toBe('台账记录7次，报告为5次，多2次')
    expect(reconciliationText(r({ ledger: 0, covered: false, status: '台账未覆盖' }))).toBe('报告为5次，台账未记录该年度')
  })
})

describe('supervision narrative', () => {
  it('reads as the work report would, from the ledger counts', () => {
    const text = supervisionNarrative({
      year: 2026, start: '2026-01', through: '2026-10',
      counts: [{ type: '常委会会议', n: 9 }, { type: '主任会议', n: 13 }, { type: '视察', n: 7 }, { type: '执法检查', n: 0 }, { type: '专项工作报告', n: 28 }],
      suggestions: 141, handled: 130, satisfaction: 1, micro_raised: 300, micro_resolved: 262,
    })
    expect(text).toBe('2026年1—10月，召开常委会会议9次、主任会议13次、开展视察7次、听取审议专项工作报告28项；2026年代表建议141件，已办结130件，满意率100.0%；代表提出微建议300条，已解决262条。')
  })
})
