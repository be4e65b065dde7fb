import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clusterHeatmapOption, clusterShareOption, clusterYtdOption, pointRankingOption } from '../src/charts/clusters'
import { itemsProgressOption, livelihoodMonthlyOption } from '../src/charts/livelihood'
import type { NodeEngine } from '../src/db/node'
import {
  assembleBriefing,
  type BriefingChart,
  captionOf,
  chartEntry,
  chartsOf,
  placementOf,
} from '../src/export/document'
import { hexColor, nativeChartOf, numberFormat } from '../src/export/native-chart'
import { printOption } from '../src/export/print-option'
import { describeYoY, formatPercent, formatWan } from '../src/lib/format'
import { type ClusterYtdRow, clusterYtdSql, pointRankingSql, type PointRankRow } from '../src/queries/clusters'
import { type ItemRow, livelihoodItemsSql } from '../src/queries/livelihood'
import { attentionOf, headlineOf, keyFigures } from '../src/widgets/export/briefing-facts'
import { factsOf } from './support/briefing'
import { loadEmbeddedData } from './support/embedded'
import { query, startEngineWithSchema } from './support/engine'

let engine: NodeEngine
beforeAll(async () => {
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
}, 120_000)
afterAll(async () => engine?.terminate())

const chart = (id: string, title: string): BriefingChart =>
  chartEntry({ id, title, option: {}, width: 1000, height: 460, sources: ['观察点'], sample: false })

describe('the briefing document', () => {
  it('puts the parts in the 汇报材料 order, numbers the fields and the figures through the document', () => {
    const doc = assembleBriefing({
      title: '2026年10月汇报材料',
      month: '2026年10月',
      date: '2026年11月30日',
      filters: ['集群：高端装备'],
      sample: false,
      figures: [],
      sections: [
        { key: 'supervision', charts: [chart('s1', '监督活动')] },
        { key: 'overview', paragraphs: ['截至2026年10月，19家企业已报送。其余略。'], charts: [chart('m', '镇区分布')] },
        { key: 'clusters', paragraphs: ['集群运行平稳。'], charts: [chart('c1', '各集群累计产值')] },
        { key: 'projects', paragraphs: [''] },
      ],
      attention: ['1家观察点企业未报送2026年10月数据。'],
      sources: ['观察点', '观察点', '代表建议'],
    })
    expect(doc.overview.heading).toBe('一、总体情况')
    expect(doc.fields.heading).toBe('二、分领域情况')
    expect(doc.attention.heading).toBe('三、需要关注的问题')
    // Fields in the 汇报材料's order, the empty one left out, the rest numbered in turn.
    expect(doc.fields.sections.map((s) => s.heading)).toEqual(['（一）产业集群运行情况', '（二）监督与代表工作情况'])
    expect(chartsOf(doc).map((c) => c.caption)).toEqual(['图1 镇区分布', '图2 各集群累计产值', '图3 监督活动'])
    // No headline given: the overview's first sentence.
    expect(doc.headline).toBe('截至2026年10月，19家企业已报送。')
    expect(doc.sourceLine).toBe('数据来源：观察点、代表建议。数据截至2026年10月。')
  })

  it('captions a chart with its unit and period only, and places it by the tables it reads', () => {
    expect(
      captionOf({ title: '各集群累计产值与同比', subtitle: '产值：亿元/万元 · 同比：同口径 · 2026年1—10月' }),
    ).toBe('各集群累计产值与同比（2026年1—10月）')
    expect(captionOf({ title: '重点项目推进状态', subtitle: '本年重点项目清单，按推进状态 · 个' })).toBe(
      '重点项目推进状态（个）',
    )
    expect(placementOf(['point_indicators', 'observation_points', 'clusters'])).toBe('clusters')
    expect(placementOf(['key_projects', 'project_progress', 'towns'])).toBe('projects')
    expect(placementOf(['livelihood_items', 'livelihood_progress'])).toBe('livelihood')
    expect(placementOf(['micro_suggestions', 'towns', 'supervision_activities'])).toBe('supervision')
    // The town map reads points and projects: it belongs to the overview.
    expect(placementOf(['towns', 'observation_points', 'point_indicators', 'key_projects'])).toBe('overview')
  })
})

describe('charts for print', () => {
  const ctx = { theme: 'light' as const, font: 12 }
  it('wraps names instead of cutting them with "…", shows every legend item and drops zoom sliders', async () => {
    const items = await query<ItemRow>(engine, livelihoodItemsSql({}))
    const screen = itemsProgressOption(items, ctx) as Record<string, unknown>
    expect((screen.yAxis as { axisLabel: { overflow: string } }).axisLabel.overflow).toBe('truncate')
    const printed = printOption(itemsProgressOption(items, ctx)) as Record<string, unknown>
    expect((printed.yAxis as { axisLabel: { overflow: string } }).axisLabel.overflow).toBe('break')
    expect(printed.animation).toBe(false)
    const zoomed = printOption({ dataZoom: [{ type: 'slider' }], legend: { type: 'scroll' }, series: [] }) as Record<
      string,
      unknown
    >
    expect(zoomed.dataZoom).toBeUndefined()
    expect(zoomed.legend).toEqual({ type: 'plain' })
  })

  it('writes value labels by the unit rule: 117.33 for 亿元 where the screen shows 117.3', async () => {
    const rows = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const option = printOption(clusterYtdOption(rows, ctx)) as { series: { label: { formatter: unknown } }[] }
    const label = option.series[0]!.label.formatter as (p: unknown) => string
    expect(label({ value: 117.3345 })).toBe('117.33')
    const share = printOption(clusterShareOption(rows, ctx)) as { series: { label: { formatter: unknown } }[] }
    const pie = share.series[0]!.label.formatter as (p: unknown) => string
    expect(pie({ name: '先进材料', percent: 41.8123, value: 1 })).toBe('先进材料\n41.8%')
    // A label that says more than its value keeps the rest: "56% 滞后" → "56.2% 滞后".
    const items = await query<ItemRow>(engine, livelihoodItemsSql({}))
    const progress = printOption(itemsProgressOption(items, ctx)) as {
      series: { data: { value: number }[]; label: { formatter: unknown } }[]
    }
    const behind = [...items].reverse().findIndex((r) => r.behind)
    const text = (progress.series[0]!.label.formatter as (p: unknown) => string)({
      dataIndex: behind,
      value: progress.series[0]!.data[behind]!.value,
    })
    expect(text).toMatch(/^\d+\.\d% 滞后$/)
  })
})

describe('native PowerPoint charts from the ECharts option', () => {
  const ctx = { theme: 'light' as const, font: 12 }
  it('maps bars with a 同比 line on a secondary axis, with the bars’ own colours and the SQL’s figures', async () => {
    const rows = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const native = nativeChartOf(printOption(clusterYtdOption(rows, ctx)))!
    expect(native.categories).toEqual(rows.map((r) => r.name))
    expect(native.horizontal).toBe(false)
    const [bars, line] = native.groups
    expect(bars!.type).toBe('bar')
    expect(bars!.secondary).toBe(false)
    expect(bars!.series[0]!.values).toEqual(rows.map((r) => (r.ytd_output === null ? null : r.ytd_output / 10_000)))
    expect(bars!.pointColors).toEqual(
      ['C0392B', 'D9822B', '2E86C1', '6C5CE7', '16A085', 'B8860B'].slice(0, rows.length),
    )
    expect(bars!.labels).toBe('#,##0.00')
    expect(line!.type).toBe('line')
    expect(line!.secondary).toBe(true)
    expect(line!.series[0]!.values).toEqual(rows.map((r) => (r.yoy === null ? null : Math.round(r.yoy * 1000) / 10)))
    expect(native.axes.map((a) => a.title)).toEqual(['亿元', '同比'])
    expect(native.axes[1]!.format).toBe('0"%"')
  })

  it('maps a donut with its hole and slice colours; horizontal bars keep a 序时 mark as words', async () => {
    const rows = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
    const donut = nativeChartOf(clusterShareOption(rows, ctx))!
    expect(donut.groups[0]!.type).toBe('doughnut')
    expect(donut.groups[0]!.holeSize).toBe(63)
    expect(donut.groups[0]!.pointColors![0]).toBe('C0392B')
    const items = await query<ItemRow>(engine, livelihoodItemsSql({}))
    const bars = nativeChartOf(itemsProgressOption(items, ctx))!
    expect(bars.horizontal).toBe(true)
    expect(bars.axes[0]!.max).toBe(100)
    expect(bars.note).toMatch(/^序时\d+%$/)
  })

  it('leaves out value labels that say something other than the value (a bar labelled with its 同比)', async () => {
    const rows = await query<PointRankRow>(engine, pointRankingSql({}))
    const ranking = nativeChartOf(printOption(pointRankingOption(rows, ctx)))!
    expect(ranking.groups[0]!.labels).toBeUndefined()
    expect(ranking.groups[0]!.series[0]!.values.length).toBe(rows.length)
  })

  it('draws a dashed line as its own series, and leaves maps and heat maps to pictures', () => {
    const months = [
      { year: 2026, month: 2, period: '2026-02', avg_progress: 5, expected: 9.1, behind: 3 },
      { year: 2026, month: 3, period: '2026-03', avg_progress: 12, expected: 18.2, behind: 2 },
    ]
    const line = nativeChartOf(livelihoodMonthlyOption(months as never, ctx))!
    expect(line.groups.flatMap((g) => g.series.map((s) => [s.name, s.dashed]))).toEqual([
      ['平均进度', false],
      ['序时进度', true],
    ])
    expect(nativeChartOf(clusterHeatmapOption([], ctx))).toBeNull()
    expect(nativeChartOf({ series: [{ type: 'map', data: [] }] })).toBeNull()
    expect(nativeChartOf({ series: [{ type: 'scatter', data: [[1, 2]] }] })).toBeNull()
  })

  it('writes colours and number formats as Office wants them', () => {
    expect(hexColor('#c0392b')).toBe('C0392B')
    expect(hexColor('#ccc')).toBe('CCCCCC')
    expect(hexColor('rgb(31, 138, 76)')).toBe('1F8A4C')
    expect(hexColor({ type: 'linear' })).toBeUndefined()
    expect(numberFormat('亿元')).toBe('#,##0.00')
    expect(numberFormat('%')).toBe('#,##0.0"%"')
    expect(numberFormat('个')).toBe('#,##0')
  })
})

describe('figures, headline and attention list from the SQL', () => {
  it('gives each KPI its yardsticks, the cover its one sentence, and names what is behind', async () => {
    const facts = await factsOf(engine, {})
    const figures = keyFigures(facts)
    expect(figures.map((f) => f.title)).toEqual([
      '观察点报送',
      '观察点累计产值',
      '重点项目完成投资',
      '民生实事平均进度',
      '代表建议办结',
    ])
    const output = figures[1]!
    expect(`${output.value}${output.unit}`).toBe(formatWan(facts.output!.ytd_output))
    expect(output.yardsticks).toEqual([describeYoY(facts.output!.yoy)])
    expect(figures[2]!.yardsticks).toEqual([
      `完成年度计划${formatPercent(facts.projects!.completion)}`,
      `序时进度${formatPercent(facts.projectsSummary!.expected)}`,
    ])
    const headline = headlineOf(facts)!
    expect(headline).toContain(`累计产值${formatWan(facts.output!.ytd_output)}，${describeYoY(facts.output!.yoy)}`)
    expect(headline).toContain(`序时进度${formatPercent(facts.projectsSummary!.expected)}`)
    const attention = attentionOf(facts)
    const behind = facts.projectsSummary!.behind
    expect(behind).toBeGreaterThan(0)
    expect(attention.some((a) => a.startsWith(`${behind}个重点项目完成投资滞后于序时进度：`))).toBe(true)
    expect(facts.projectsBehind).toHaveLength(behind)
    if (facts.points!.registered > facts.points!.reporting)
      expect(attention[0]).toBe(
        `${facts.points!.registered - facts.points!.reporting}家观察点企业未报送2026年${Number(facts.points!.period!.slice(5))}月数据。`,
      )
    // Every warning is named with the figure that fell most.
    for (const w of facts.warnings!) expect(attention.join('')).toContain(w.name)
  })
})
