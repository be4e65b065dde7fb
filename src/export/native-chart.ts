import { SERIES } from '../charts/palette'
import { unitDigits } from '../lib/format'
import { unitOfSeries } from './narrative'

/**
 * An ECharts option as an Office chart: what a PPTX needs to draw the same bars, lines and
 * slices natively (editable in PowerPoint and WPS, its numbers in the chart's own sheet),
 * with the same colours, series names, axis names and value labels. Kinds Office has no
 * chart for (maps, heat maps, timelines, scatter) give null and are placed as pictures.
 */
export interface NativeSeries {
  readonly name: string
  readonly values: readonly (number | null)[]
  /** "C0392B": the series' colour (Office colours have no #). */
  readonly color: string
  readonly dashed: boolean
  readonly smooth: boolean
  readonly marker: boolean
  readonly area: boolean
}

export interface NativeAxis {
  readonly title: string
  /** An Excel number format for the ticks: whole numbers ("#,##0", '0"%"'); ticks need no decimals. */
  readonly format: string
  readonly min?: number
  readonly max?: number
}

export interface NativeGroup {
  readonly type: 'bar' | 'line' | 'pie' | 'doughnut'
  /** Drawn against the right-hand (secondary) value axis. */
  readonly secondary: boolean
  readonly stacked: boolean
  readonly series: readonly NativeSeries[]
  /** One colour per bar or slice, when the chart colours them one by one. */
  readonly pointColors?: readonly string[]
  /** Value labels on the bars or points, in this number format; none when the chart has none. */
  readonly labels?: string
  /** Slices labelled with their name and share. */
  readonly pieLabels?: boolean
  /** Inner radius as a share of the outer, for a doughnut. */
  readonly holeSize?: number
}

export interface NativeChart {
  readonly categories: readonly string[]
  /** Bars run left to right (categories up the side). */
  readonly horizontal: boolean
  readonly groups: readonly NativeGroup[]
  readonly axes: readonly NativeAxis[]
  readonly legend: boolean
  /** What the chart draws that Office cannot attach to bars (a 序时 mark line): said in words. */
  readonly note?: string
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])

/** "#c0392b" / "#ccc" / "rgb(192, 57, 43)" → "C0392B"; anything else (gradients, callbacks) → undefined. */
export function hexColor(c: unknown): string | undefined {
  if (typeof c !== 'string') return undefined
  const s = c.trim()
  let m = /^#([0-9a-f]{6})$/i.exec(s)
  if (m) return m[1]!.toUpperCase()
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s)
  if (m)
    return [m[1], m[2], m[3]]
      .map((h) => h! + h!)
      .join('')
      .toUpperCase()
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(s)
  if (m)
    return [m[1], m[2], m[3]]
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()
  return undefined
}

const valueOf = (item: unknown): number | null => {
  const v = isObj(item) ? item.value : item
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
const itemColor = (item: unknown) => (isObj(item) && isObj(item.itemStyle) ? hexColor(item.itemStyle.color) : undefined)

/** An Excel number format for figures in `unit`: its decimals, "%" written as a literal (not ×100). */
export function numberFormat(unit: string): string {
  const digits = unitDigits(unit)
  const body = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0'
  return unit === '%' ? `${body}"%"` : body
}

const seriesColor = (s: Obj, index: number, palette: readonly string[]): string =>
  hexColor(isObj(s.itemStyle) ? s.itemStyle.color : undefined) ??
  hexColor(isObj(s.lineStyle) ? s.lineStyle.color : undefined) ??
  hexColor(palette[index % palette.length]) ??
  '2E86C1'

/**
 * Whether a series' value labels show its values: Office labels a bar or point with its value,
 * never with other text, so a chart whose labels say something else (a bar labelled with its
 * 同比) gets no labels rather than wrong ones.
 */
function labelsAreValues(s: Obj, categories: readonly string[]): boolean {
  const label = isObj(s.label) ? s.label : undefined
  if (label?.show !== true) return false
  const f = label.formatter
  if (f === undefined) return true
  if (typeof f === 'string') return f.includes('{c}') && !/\{[abd]\}/.test(f)
  if (typeof f !== 'function') return false
  const data = arr(s.data)
  const i = data.findIndex((d) => valueOf(d) !== null)
  if (i < 0) return true
  const value = valueOf(data[i])!
  try {
    const out = (f as (p: unknown) => unknown)({ value, data: data[i], dataIndex: i, name: categories[i] ?? '' })
    const m = typeof out === 'string' ? /^[+\-−]?[\d,]+(?:\.(\d+))?/.exec(out.trim()) : null
    if (!m) return false
    const shown = Number(m[0].replace(/,/g, '').replace('−', '-'))
    return Math.abs(shown - value) <= 0.5 * 10 ** -(m[1]?.length ?? 0) + 1e-9
  } catch {
    return false
  }
}

export function nativeChartOf(option: unknown, subtitle?: string): NativeChart | null {
  if (!isObj(option)) return null
  const series = arr(option.series).filter(isObj)
  if (series.length === 0) return null
  if (option.visualMap || option.geo || option.polar || option.radar) return null
  const palette = arr(option.color).filter((c): c is string => typeof c === 'string')
  const colors = palette.length ? palette : SERIES
  const showLegend = (legend: unknown) => arr(legend).some((l) => isObj(l) && l.show !== false)

  if (series.every((s) => s.type === 'pie')) {
    if (series.length !== 1) return null
    const pie = series[0]!
    const data = arr(pie.data).filter(isObj)
    const radius = arr(pie.radius).map((r) => parseFloat(String(r)))
    const hole = radius.length === 2 && radius[0]! > 0 ? Math.round((radius[0]! / radius[1]!) * 100) : 0
    const unit = unitOfSeries(option, pie, false, subtitle)
    return {
      categories: data.map((d) => String(d.name ?? '')),
      horizontal: false,
      groups: [
        {
          type: hole > 0 ? 'doughnut' : 'pie',
          secondary: false,
          stacked: false,
          series: [
            {
              name: String(pie.name ?? ''),
              values: data.map(valueOf),
              color: seriesColor(pie, 0, colors),
              dashed: false,
              smooth: false,
              marker: false,
              area: false,
            },
          ],
          pointColors: data.map((d, i) => itemColor(d) ?? hexColor(colors[i % colors.length]) ?? '2E86C1'),
          pieLabels: !(isObj(pie.label) && pie.label.show === false),
          ...(hole > 0 ? { holeSize: Math.min(90, Math.max(10, hole)) } : {}),
        },
      ],
      axes: [{ title: '', format: numberFormat(unit) }],
      legend: showLegend(option.legend),
    }
  }

  // Bars and lines over one category axis, against one or two value axes.
  if (!series.every((s) => (s.type === 'bar' || s.type === 'line') && Array.isArray(s.data))) return null
  const categoryAxis = (axis: unknown) =>
    arr(axis)
      .filter(isObj)
      .find((a) => a.type === 'category' && Array.isArray(a.data))
  const x = categoryAxis(option.xAxis)
  const y = categoryAxis(option.yAxis)
  if (!x === !y) return null
  const horizontal = !x
  const valueAxes = arr(horizontal ? option.xAxis : option.yAxis).filter(isObj)
  if (valueAxes.length === 0 || valueAxes.length > 2 || valueAxes.some((a) => a.type && a.type !== 'value')) return null
  // Office draws lines only across a horizontal category axis.
  if (horizontal && series.some((s) => s.type === 'line')) return null
  if (series.some((s) => arr(s.data).some((d) => Array.isArray(d) || (isObj(d) && Array.isArray(d.value))))) return null
  const categories = arr((x ?? y)!.data).map((c) => (isObj(c) ? String(c.value ?? '') : String(c)))
  const axisIndex = (s: Obj) => Number(horizontal ? (s.xAxisIndex ?? 0) : (s.yAxisIndex ?? 0)) > 0

  const groups: NativeGroup[] = []
  const notes: string[] = []
  series.forEach((s, i) => {
    const type = s.type as 'bar' | 'line'
    const secondary = axisIndex(s) && valueAxes.length > 1
    const stacked = typeof s.stack === 'string' && s.stack !== ''
    const data = arr(s.data)
    const points = data.map(itemColor)
    const distinct = new Set(points.filter(Boolean))
    const own = seriesColor(s, i, colors)
    const color = distinct.size === 1 ? [...distinct][0]! : own
    const unit = unitOfSeries(option, s, horizontal, subtitle)
    const one: NativeSeries = {
      name: String(s.name ?? ''),
      values: data.map(valueOf),
      color,
      dashed: isObj(s.lineStyle) && s.lineStyle.type !== undefined && s.lineStyle.type !== 'solid',
      smooth: Boolean(s.smooth),
      marker: s.symbol !== 'none' && s.showSymbol !== false,
      area: isObj(s.areaStyle),
    }
    const group = groups.find((g) => g.type === type && g.secondary === secondary && g.stacked === stacked)
    if (group) (group.series as NativeSeries[]).push(one)
    else
      groups.push({
        type,
        secondary,
        stacked,
        series: [one],
        ...(type === 'bar' && distinct.size > 1 ? { pointColors: points.map((p) => p ?? own) } : {}),
        ...(labelsAreValues(s, categories) ? { labels: numberFormat(unit) } : {}),
      })
    // A constant mark line (序时进度 83%): a dashed line series on vertical charts, words on horizontal ones.
    const mark = isObj(s.markLine) ? s.markLine : undefined
    for (const m of arr(mark?.data).filter(isObj)) {
      const at = horizontal ? m.xAxis : m.yAxis
      if (typeof at !== 'number') continue
      const label = isObj(mark?.label) ? mark.label : {}
      const text =
        typeof label.formatter === 'string' ? label.formatter.replace('{c}', String(at)) : `${m.name ?? '标线'} ${at}`
      if (horizontal) notes.push(text.replace(/\s+/g, ''))
      else
        groups.push({
          type: 'line',
          secondary,
          stacked: false,
          series: [
            {
              name: text,
              values: categories.map(() => at),
              color: hexColor(isObj(mark?.lineStyle) ? mark.lineStyle.color : undefined) ?? '7F8BA3',
              dashed: true,
              smooth: false,
              marker: false,
              area: false,
            },
          ],
        })
    }
  })
  // Office keeps one colour per point only for a single-series bar group.
  for (const g of groups) if (g.pointColors && g.series.length > 1) delete (g as { pointColors?: unknown }).pointColors

  const axes = valueAxes.map((a, i): NativeAxis => {
    const s = series.find((x) => i > 0 === axisIndex(x)) ?? series[0]!
    const unit = unitOfSeries(option, s, horizontal, subtitle)
    const name = typeof a.name === 'string' ? a.name : ''
    return {
      title: name,
      format: unit === '%' ? '0"%"' : 'General',
      ...(typeof a.min === 'number' ? { min: a.min } : {}),
      ...(typeof a.max === 'number' ? { max: a.max } : {}),
    }
  })
  return {
    categories,
    horizontal,
    groups,
    axes,
    legend: showLegend(option.legend) || series.length > 1,
    ...(notes.length ? { note: notes.join('；') } : {}),
  }
}
