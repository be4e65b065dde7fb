import { ACTIVITY_TYPES } from '../datasets/vocabulary'
import { formatPercent } from '../lib/format'
import type {
  ActivityCountRow,
  MicroTownRow,
  MicroYearRow,
  SuggestionCategoryRow,
  SuggestionYearRow,
} from '../queries/supervision'
import { base, type ChartContext, dimmed, type EChartsOption, GRID, sz } from './common'
import { SERIES } from './palette'
import { rowTooltip, seriesTooltip, tooltipHtml } from './tooltip'

/** A type keeps its colour whatever else is in the chart: meetings warm, field work cool, papers green/gold. */
export const TYPE_COLORS: Readonly<Record<string, string>> = {
  常委会会议: '#c0392b',
  主任会议: '#e17055',
  视察: '#2e86c1',
  执法检查: '#6c5ce7',
  专题询问: '#e84393',
  专项工作报告: '#16a085',
  决议决定: '#b8860b',
  专题调研: '#7f8ba3',
}

/** Outcomes of a suggestion or micro-suggestion, the same colours in every chart of the page. */
const DONE = '#27ae60'
const LATER = '#9ec5e8'
const OPEN = '#f0a202'
const ASSIGNED = '#9aa5b1'

const typeRank = (type: string) => {
  const i = ACTIVITY_TYPES.findIndex((t) => t.type === type)
  return i < 0 ? ACTIVITY_TYPES.length : i
}

/** Ledger activities per year, stacked by type in the vocabulary's order; every segment keyed by its type. */
export function activitiesOption(rows: readonly ActivityCountRow[], ctx: ChartContext): EChartsOption {
  const years = [...new Set(rows.map((r) => r.year))].sort()
  const types = [...new Set(rows.map((r) => r.type))].sort(
    (a, b) => typeRank(a) - typeRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  )
  return {
    ...base('各年度监督活动分类型统计'),
    // Room between the legend and the axis name 次/项 (they touched at 48).
    grid: { ...GRID, top: 60 },
    legend: { top: 0, type: 'scroll' },
    tooltip: seriesTooltip((ps) => {
      const total = ps.reduce((s, p) => s + (p.value ?? 0), 0)
      return tooltipHtml(
        `${ps[0]?.axisValue ?? ''} · 共${total}项`,
        ps.filter((p) => p.value).map((p) => [p.seriesName, `${p.value}`, p.color] as const),
      )
    }),
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', minInterval: 1, name: '次/项' },
    series: types.map((type, i) => ({
      name: type,
      type: 'bar',
      stack: 'all',
      barMaxWidth: 40,
      itemStyle: { color: TYPE_COLORS[type] ?? SERIES[i % SERIES.length], opacity: dimmed(type, ctx) },
      data: years.map((y) => ({
        key: type,
        value: rows.find((r) => r.year === y && r.type === type)?.activities ?? 0,
      })),
    })),
  }
}

/** Suggestions per session year: received and handled (bars), satisfaction (line). */
export function suggestionsOption(rows: readonly SuggestionYearRow[], ctx: ChartContext): EChartsOption {
  void ctx
  return {
    ...base('代表建议办理情况'),
    // The axis names (件, 满意率) below the legend, not on its line.
    grid: { ...GRID, top: 56 },
    legend: { top: 0, data: ['建议总数', '已办结', '满意率'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(`${r.year}年`, [
        ['建议总数', `${r.total}件`],
        ['已办结', `${r.handled}件`],
        ['重点督办', `${r.key}件`],
        ['满意率', formatPercent(r.satisfaction)],
      ]),
    ),
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
    yAxis: [
      // Headroom above the tallest bar keeps its label clear of the satisfaction line, which sits at 100% most years.
      {
        type: 'value',
        name: '件',
        minInterval: 1,
        max: (v: { max: number }) => Math.max(10, Math.ceil((v.max * 1.25) / 10) * 10),
      },
      // Its name ends over the axis rather than running past the chart's right edge.
      {
        type: 'value',
        name: '满意率',
        nameTextStyle: { align: 'right' },
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: '建议总数',
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: 30,
        itemStyle: { color: '#d5dbe5' },
        data: rows.map((r) => r.total),
      },
      {
        name: '已办结',
        type: 'bar',
        barMaxWidth: 30,
        itemStyle: { color: DONE },
        data: rows.map((r) => r.handled),
        label: { show: true, position: 'top' },
      },
      {
        name: '满意率',
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: '#6c5ce7' },
        data: rows.map((r) => (r.satisfaction === null ? null : Math.round(r.satisfaction * 1000) / 10)),
      },
    ],
  }
}

type MicroCounts = Pick<MicroYearRow, 'raised' | 'resolved_in_year' | 'resolved_later' | 'open'>
const microLines = (r: MicroCounts) =>
  [
    ['提出', `${r.raised}条`],
    ['当年解决', `${r.resolved_in_year}条`, DONE],
    ['跨年解决', `${r.resolved_later}条`, LATER],
    ['办理中', `${r.open}条`, OPEN],
  ] as const

/** Micro-suggestions stacked as resolved within the year, resolved later, still open, one bar per `label`. */
function microStackOption<R extends MicroCounts>(
  rows: readonly R[],
  label: (r: R) => string,
  look: {
    readonly description: string
    readonly barMaxWidth: number
    readonly axisLabel?: { readonly interval: number; readonly width?: number; readonly overflow?: 'break' }
  },
): EChartsOption {
  const bar = (name: string, color: string, pick: (r: R) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'm',
    barMaxWidth: look.barMaxWidth,
    itemStyle: { color },
    data: rows.map(pick),
  })
  return {
    ...base(look.description),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['当年解决', '跨年解决', '办理中'] },
    tooltip: rowTooltip(rows, (r) => tooltipHtml(label(r), microLines(r))),
    xAxis: { type: 'category', data: rows.map(label), ...(look.axisLabel ? { axisLabel: look.axisLabel } : {}) },
    yAxis: { type: 'value', name: '条', minInterval: 1 },
    series: [
      bar('当年解决', DONE, (r) => r.resolved_in_year),
      bar('跨年解决', LATER, (r) => r.resolved_later),
      bar('办理中', OPEN, (r) => r.open),
    ],
  }
}

/** Micro-suggestions per year: resolved within the year (as the reports count them), resolved later, still open. */
export function microOption(rows: readonly MicroYearRow[], ctx: ChartContext): EChartsOption {
  void ctx
  return microStackOption(rows, (r) => `${r.year}年`, { description: '代表微建议提出与解决情况', barMaxWidth: 36 })
}

/** The scope's micro-suggestions by town (a town's name comes from a file: the tooltip escapes it). */
export function microTownsOption(rows: readonly MicroTownRow[], ctx: ChartContext): EChartsOption {
  // Ten towns' names (娄东街道, 太仓高新区) ran into each other on a 1366 px desk: three characters a line.
  return microStackOption(rows, (r) => r.town, {
    description: '代表微建议分镇区提出与解决情况',
    barMaxWidth: 28,
    axisLabel: { interval: 0, width: sz(ctx, 38), overflow: 'break' },
  })
}

/** The scope year's suggestions by category, stacked by status: which fields still wait for answers. */
export function suggestionCategoriesOption(rows: readonly SuggestionCategoryRow[], ctx: ChartContext): EChartsOption {
  void ctx
  const bar = (name: string, color: string, pick: (r: SuggestionCategoryRow) => number) => ({
    name,
    type: 'bar' as const,
    stack: 's',
    barMaxWidth: 18,
    itemStyle: { color },
    data: rows.map(pick),
  })
  return {
    ...base('本年度代表建议分类别办理情况'),
    grid: { ...GRID, top: 32 },
    legend: { top: 0, data: ['已办结', '办理中', '已交办'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(r.category, [
        ['建议', `${r.total}件`],
        ['重点督办', `${r.key}件`],
        ['已办结', `${r.handled}件`, DONE],
        ['办理中', `${r.in_progress}件`, OPEN],
        ['已交办', `${r.assigned}件`, ASSIGNED],
      ]),
    ),
    // The vocabulary's first category on top.
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.category) },
    xAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      bar('已办结', DONE, (r) => r.handled),
      bar('办理中', OPEN, (r) => r.in_progress),
      bar('已交办', ASSIGNED, (r) => r.assigned),
    ],
  }
}
