import { describe, expect, it } from 'vitest'
import { categoryBudgetOption, categoryShareOption, itemsProgressOption, livelihoodMonthlyOption, satisfactionOption, votesOption } from '../src/charts/livelihood'
import type { ItemRow } from '../src/queries/livelihood'
import { livelihoodNarrative } from '../src/widgets/livelihood/narrative'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'
const item = (id: string, p: Partial<ItemRow>): ItemRow => ({
  item_id: id, year: 2026, name: `实事${id}`, category: '教育', responsible_unit: '市教育局', target: 't', target_value: 1, target_unit: '所', votes_for: 270, votes_cast: 280,
  vote_rate: 270 / 280, budget: 1000, spent: 500, spend_rate: 0.5, completed_value: null, progress: 50, expected: 80, behind: false, satisfaction: null, period: '2026-10', ...p,
})

describe('livelihood chart options', () => {
  const items = [item('A', { progress: 40, behind: true, name: HOSTILE }), item('B', { progress: 100, category: '养老服务' })]

  it('shows each item against the expected progress and marks the ones behind', () => {
    const option = itemsProgressOption(items, { theme: 'light', selected: ['教育'] })
    const series = (option.series as { data: { key: string; value: number; itemStyle: { color: string; opacity: number } }[]; markLine: { data: { xAxis: number }[] } }[])[0]!
    expect(series.markLine.data[0]!.xAxis).toBe(80)
    // Least advanced on top: the axis runs bottom-up, so the data is reversed.
    expect(series.data.map((d) => [d.key, d.value, d.itemStyle.color, d.itemStyle.opacity])).toEqual([
      ['养老服务', 100, '#27ae60', 0.28],
      ['教育', 40, '#e67e22', 1],
    ])
    expect(tooltipOf(option, { dataIndex: 1 })).not.toContain('<img')
    const svg = renderSvg(option)
    expect(svg).toContain('序时 80%')
    expect(svg).not.toContain('<img')
  })

  it('sorts the vote results and labels them as votes for / votes cast', () => {
    const option = votesOption([item('A', { vote_rate: 0.95, votes_for: 266 }), item('B', { vote_rate: 0.9, votes_for: 252 })], { theme: 'light' })
    expect((option.yAxis as { data: string[] }).data).toEqual(['实事B', '实事A'])
    expect(tooltipOf(option, { dataIndex: 1 })).toContain('95.0%')
  })

  it('only draws satisfaction that was surveyed', () => {
    const option = satisfactionOption([item('A', { satisfaction: 96.5 }), item('B', {})], { theme: 'light' })
    expect((option.series as { data: { value: number }[] }[])[0]!.data.map((d) => d.value)).toEqual([96.5])
  })

  it('keys category charts by category', () => {
    const rows = [{ category: '教育', items: 2, budget: 20_000, spent: 10_000, avg_progress: 50, behind: 1 }]
    expect((categoryBudgetOption(rows, { theme: 'light' }).series as { data: { key: string; value: number }[] }[])[1]!.data).toMatchObject([{ key: '教育', value: 1 }])
    expect((categoryShareOption(rows, { theme: 'light' }).series as { data: { key: string }[] }[])[0]!.data[0]!.key).toBe('教育')
    expect(renderSvg(livelihoodMonthlyOption([{ period: '2026-02', month: 2, avg_progress: 10, expected: 9.1, behind: 0 }], { theme: 'light' }))).toContain('2月')
  })
})

describe('livelihood narrative', () => {
  const row = { year: 2026, start: '2026-01', through: '2026-10', items: 20, votes_cast: 295, avg_vote_rate: 0.935, avg_progress: 94.4, completed: 11, budget: 54_800, spent: 49_900, behind: 2, surveyed: 0, avg_satisfaction: null }
  it('reads as formal Chinese from the SQL figures', () => {
    expect(livelihoodNarrative(row)).toBe('2026年，经人大代表票决的20项民生实事项目（平均得票率93.5%）截至2026年10月平均进度94.4%，已完成11项，累计支出4.99亿元，占预算的91.1%。低于序时进度15个百分点以上的项目2项，需重点督促。')
  })
  it('adds the year-end survey once there is one', () => {
    expect(livelihoodNarrative({ ...row, behind: 0, surveyed: 20, avg_satisfaction: 95.22 })).toMatch(/各项目均达到序时进度要求。年末满意度测评20项，平均满意度95\.2%。$/)
  })
})
