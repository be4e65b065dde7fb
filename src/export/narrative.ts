import { periodOf } from './caption'

/** What a chart shows, as a briefing reads it: its categories and the first series' values. */
export interface ChartFigures {
  readonly categories: readonly string[]
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])

function numberOf(item: unknown): number | null {
  const v = isObj(item) ? item.value : item
  if (typeof v === 'number' && Number.isFinite(v)) return v
  return null
}

/**
 * The figures an ECharts option draws, for bar, line and pie charts: the category axis and
 * each series' values. Other kinds (maps, heat maps, timelines) give no figures.
 */
export function figuresOfOption(option: unknown): ChartFigures | null {
  if (!isObj(option)) return null
  const series = arr(option.series).filter(isObj)
  const first = series[0]
  if (!first) return null
  if (first.type === 'pie') {
    const data = arr(first.data)
    return {
      categories: data.map((d) => (isObj(d) ? String(d.name ?? '') : '')),
      series: [{ name: String(first.name ?? ''), values: data.map(numberOf) }],
    }
  }
  if (first.type !== 'bar' && first.type !== 'line') return null
  const axes = [...arr(option.xAxis), ...arr(option.yAxis)].filter(isObj)
  const category = axes.find((a) => a.type === 'category' && Array.isArray(a.data))
  if (!category) return null
  const categories = arr(category.data).map((c) => (isObj(c) ? String(c.value ?? '') : String(c)))
  const chosen = series.filter((s) => (s.type === 'bar' || s.type === 'line') && Array.isArray(s.data))
  return { categories, series: chosen.map((s) => ({ name: String(s.name ?? ''), values: arr(s.data).map(numberOf) })) }
}

const fmt = (v: number) =>
  Math.abs(v) >= 100
    ? v.toLocaleString('zh-CN', { maximumFractionDigits: 1 })
    : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })

const UNIT = /^(亿|万)?(元|千瓦时|人|个|项|家|件|条|次|%|人次)$/

/**
 * One formal sentence about a chart for a briefing, from what it draws: e.g.
 * "2026年1—10月，各集群累计产值与同比中，累计产值共6项，其中先进材料最高，为117.3亿元；……"
 * The unit is the one the series names ("累计产值（亿元）") or the subtitle states: the unit
 * the chart shows, never guessed.
 */
export function chartSentence(title: string, subtitle: string | undefined, figures: ChartFigures | null): string {
  const period = periodOf(subtitle)
  const lead = period ? `${period}，` : ''
  const s = figures?.series.find((x) => x.values.some((v) => v !== null))
  if (!figures || !s) return `${lead}${title}如下图所示。`
  const named = /^(.*)（([^（）]+)）$/.exec(s.name)
  const label = named ? named[1]! : s.name
  const unit = named?.[2] ?? subtitle?.split(' · ').find((p) => UNIT.test(p)) ?? ''
  const pairs = figures.categories
    .map((c, i) => [c, s.values[i] ?? null] as const)
    .filter((p): p is readonly [string, number] => p[1] !== null && p[0] !== '')
  if (pairs.length === 0) return `${lead}${title}如下图所示。`
  const sorted = [...pairs].sort((a, b) => b[1] - a[1])
  const what = label && label !== title ? `${title}中，${label}` : title
  const [top, second] = sorted
  const parts = [`${lead}${what}共${pairs.length}项，其中${top![0]}最高，为${fmt(top![1])}${unit}`]
  if (second) parts.push(`其次为${second[0]}，为${fmt(second[1])}${unit}`)
  if (sorted.length > 2) {
    const last = sorted[sorted.length - 1]!
    parts.push(`${last[0]}最低，为${fmt(last[1])}${unit}`)
  }
  return `${parts.join('；')}。`
}
