import { describe, expect, it } from 'vitest'

import {
  categoryBudgetOption,
  categoryShareOption,
  itemsProgressOption,
  livelihoodMonthlyOption,
  satisfactionOption,
  votesOption,
} from '../src/charts/livelihood'
import { forScreen } from '../src/charts/screen'
import type { ItemRow, LivelihoodSummaryRow } from '../src/queries/livelihood'
import { livelihoodNarrative } from '../src/widgets/livelihood/narrative'
import { renderSvg, tooltipOf } from './support/ssr'

const HOSTILE = '<img src=x onerror=alert(1)>'
const item = (id: string, p: Partial<ItemRow>): ItemRow => ({
  item_id: id,
  year: 2026,
  name: `实事${id}`,
  category: '教育',
  responsible_unit: '市教育局',
  target: `目标${id}`,
  target_value: 1,
  target_unit: '所',
  votes_for: 270,
  votes_cast: 280,
  vote_rate: 270 / 280,
  budget: 1000,
  spent: 500,
  spend_rate: 0.5,
  completed_value: null,
  progress: 50,
  expected: 80,
  behind: false,
  satisfaction: null,
  period: '2026-10',
  ...p,
})
type BarData = { key: string; value: number; itemStyle: { color: string; opacity: number } }
const seriesOf = (option: object) =>
  (
    option as {
      series: {
        name?: string
        data: BarData[]
        label?: { formatter: (p: { dataIndex: number; value?: unknown }) => string }
      }[]
    }
  ).series

describe('items against the expected progress', () => {
  // As the SQL sends them: least advanced first.
  const items = [
    item('A', { progress: 40, behind: true, name: HOSTILE, target: HOSTILE }),
    item('B', { progress: 70 }),
    item('C', { progress: 100, category: '养老服务' }),
  ]
  const option = itemsProgressOption(items, { theme: 'light', selected: ['教育'] })
  const bars = seriesOf(option)[0]!

  it('draws each item with the expected progress as a marker line', () => {
    expect((bars as unknown as { markLine: { data: { xAxis: number }[] } }).markLine.data[0]!.xAxis).toBe(80)
    // Least advanced on top: the category axis runs bottom-up, so the data is reversed.
    expect((option.yAxis as { data: string[] }).data).toEqual(['实事C', '实事B', HOSTILE])
    expect(bars.data.map((d) => d.value)).toEqual([100, 70, 40])
  })

  it('makes the items behind stand out in colour and label, and dims what is not selected', () => {
    expect(bars.data.map((d) => [d.key, d.itemStyle.color, d.itemStyle.opacity])).toEqual([
      ['养老服务', '#27ae60', 0.28],
      ['教育', '#2e86c1', 1],
      ['教育', '#e67e22', 1],
    ])
    expect([0, 1, 2].map((dataIndex) => bars.label!.formatter({ dataIndex }))).toEqual(['100%', '70%', '40% 滞后'])
  })

  it('says what the item is in the tooltip, and keeps a hostile name as text', () => {
    const tip = tooltipOf(option, { dataIndex: 2 })
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(tip).not.toContain('<img')
    for (const text of ['教育', '市教育局', '40.0%（滞后）', '80.0%', '2026年10月']) expect(tip).toContain(text)
    const svg = renderSvg(option, 900, 400)
    expect(svg).toContain('序时 80%')
    expect(svg).toContain('实事B')
    expect(svg).toContain('&lt;img')
    expect(svg).not.toContain('<img')
  })
})

describe('votes, satisfaction and categories', () => {
  it('sorts the vote results by rate and labels them votes for / votes cast', () => {
    const option = votesOption(
      [item('A', { vote_rate: 0.95, votes_for: 266 }), item('B', { vote_rate: 0.9, votes_for: 252 })],
      { theme: 'light' },
    )
    expect((option.yAxis as { data: string[] }).data).toEqual(['实事B', '实事A'])
    expect(seriesOf(option)[0]!.data.map((d) => d.value)).toEqual([90, 95])
    expect(seriesOf(option)[0]!.label!.formatter({ dataIndex: 1 })).toBe('266/280')
    expect(tooltipOf(option, { dataIndex: 1 })).toContain('95.0%')
    // The axis starts below the lowest rate so every bar shows.
    expect((option.xAxis as { min: number }).min).toBe(85)
  })

  it('draws only the satisfaction that was surveyed, on an axis that never cuts a low score', () => {
    const option = satisfactionOption(
      [item('A', { satisfaction: 96.5 }), item('B', {}), item('C', { satisfaction: 72.4, name: HOSTILE })],
      { theme: 'light' },
    )
    expect(seriesOf(option)[0]!.data.map((d) => d.value)).toEqual([96.5, 72.4])
    expect((option.xAxis as { min: number }).min).toBe(65)
    expect(tooltipOf(option, { dataIndex: 1 })).not.toContain('<img')
    expect(renderSvg(option)).not.toContain('<img')
  })

  it('keys category charts by category, with budget and spend in one unit', () => {
    const rows = [
      { category: '教育', items: 2, budget: 20_000, spent: 10_000, avg_progress: 50, behind: 1 },
      { category: '养老服务', items: 1, budget: 5_000, spent: 4_000, avg_progress: 90, behind: 0 },
    ]
    const budget = seriesOf(categoryBudgetOption(rows, { theme: 'light', selected: ['养老服务'] }))
    expect(budget.map((s) => s.name)).toEqual(['预算', '已支出'])
    expect(budget[1]!.data.map((d) => [d.key, d.value, d.itemStyle.opacity])).toEqual([
      ['教育', 1, 0.28],
      ['养老服务', 0.4, 1],
    ])
    const share = categoryShareOption(rows, { theme: 'light' })
    expect(seriesOf(share)[0]!.data.map((d) => [d.key, d.value])).toEqual([
      ['教育', 2],
      ['养老服务', 1],
    ])
    // Name and count on two lines beside the ring.
    expect(renderSvg(share)).toMatch(/>教育<[\s\S]*>2项</)
  })

  it('puts four-character category names on two lines under the budget bars, so eight fit on a narrow card', () => {
    const rows = ['城乡建设', '交通出行', '养老服务', '生态环境', '医疗卫生', '文化体育', '就业社保', '教育'].map(
      (category) => ({ category, items: 1, budget: 1000, spent: 500, avg_progress: 50, behind: 0 }),
    )
    const svg = renderSvg(categoryBudgetOption(rows, { theme: 'light' }), 400, 260)
    expect(svg).toContain('>城乡<')
    expect(svg).toContain('>建设<')
    expect(svg).toContain('>教育<')
    expect(svg).not.toContain('>城乡建设<')
    // On the wall (24 px text) two lines are still too wide for eight columns: the labels turn, as on every wall chart.
    const wall = forScreen(categoryBudgetOption(rows, { theme: 'dark', font: 24 }), {
      width: 420,
      height: 300,
      font: 24,
    }) as { xAxis: { axisLabel: { rotate?: number } } }
    expect(wall.xAxis.axisLabel.rotate).toBeGreaterThan(0)
  })

  it('draws the monthly average against the expected curve', () => {
    const option = livelihoodMonthlyOption(
      [
        { period: '2026-02', month: 2, avg_progress: 10, expected: 100 / 11, behind: 0 },
        { period: '2026-03', month: 3, avg_progress: 15, expected: 200 / 11, behind: 2 },
      ],
      { theme: 'light' },
    )
    expect(seriesOf(option).map((s) => s.name)).toEqual(['平均进度', '序时进度'])
    expect(seriesOf(option)[0]!.data).toEqual([10, 15])
    expect(tooltipOf(option, [{ dataIndex: 1 }])).toContain('2项')
    expect(renderSvg(option)).toContain('3月')
  })
})

describe('the narrative', () => {
  const row: LivelihoodSummaryRow = {
    year: 2026,
    categories: null,
    through: '2026-10',
    items: 20,
    avg_vote_rate: 0.935,
    avg_progress: 94.4,
    completed: 11,
    budget: 54_800,
    spent: 49_900,
    behind: 2,
    behind_names: ['完成住宅老旧电梯更新改造110台', '整治提升农村河道46条'],
    surveyed: 0,
    avg_satisfaction: null,
    min_satisfaction: null,
    min_satisfaction_name: null,
  }

  it('reads as formal Chinese from the SQL figures and names the items behind', () => {
    expect(livelihoodNarrative(row)).toBe(
      '2026年，经人大代表票决的20项民生实事项目（平均得票率93.5%）截至10月平均进度94.4%，已完成11项，累计支出4.99亿元，占预算的91.1%。' +
        '进度滞后（低于序时进度15个百分点以上）的项目2项：“完成住宅老旧电梯更新改造110台”、“整治提升农村河道46条”，需重点督促。',
    )
  })

  it('names three items behind at most', () => {
    expect(livelihoodNarrative({ ...row, behind: 4, behind_names: ['甲', '乙', '丙', '丁'] })).toContain(
      '的项目4项：“甲”、“乙”、“丙”等，需重点督促。',
    )
  })

  it('says which categories a filtered view covers', () => {
    expect(livelihoodNarrative({ ...row, categories: '教育', items: 2, behind: 0, behind_names: null })).toMatch(
      /^2026年，经人大代表票决的民生实事项目中，教育类2项（平均得票率93\.5%）截至10月.*各项目均达到序时进度要求。$/,
    )
    expect(livelihoodNarrative({ ...row, categories: '教育', items: 0 })).toBe(
      '2026年没有经代表票决的教育类民生实事项目。',
    )
  })

  it('closes a finished year with the survey and its lowest score', () => {
    const done = {
      ...row,
      through: '2025-12',
      year: 2025,
      completed: 20,
      avg_progress: 100,
      behind: 0,
      behind_names: null,
      surveyed: 20,
      avg_satisfaction: 95.22,
      min_satisfaction: 91.46,
      min_satisfaction_name: HOSTILE,
    }
    expect(livelihoodNarrative(done)).toBe(
      '2025年，经人大代表票决的20项民生实事项目（平均得票率93.5%）截至12月已全部完成，累计支出4.99亿元，占预算的91.1%。' +
        `年末满意度测评20项，平均满意度95.2%，最低为“${HOSTILE}”（91.5%）。`,
    )
  })

  it('is honest before the first report', () => {
    expect(livelihoodNarrative({ ...row, through: null })).toBe(
      '2026年，经人大代表票决的20项民生实事项目（平均得票率93.5%）尚未报送进度。',
    )
  })
})
