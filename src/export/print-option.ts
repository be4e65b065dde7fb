import { formatNumber, unitDigits } from '../lib/format'
import type { EChartsOption } from '../ui/echart/types'
import { unitOfSeries } from './narrative'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const each = (v: unknown, f: (o: Obj) => Obj): unknown =>
  Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : isObj(v) ? f(v) : v
const isCategory = (axis: unknown) =>
  (Array.isArray(axis) ? axis : [axis]).some((a) => isObj(a) && a.type === 'category')

const LEADING_NUMBER = /^[+\-−]?[\d,]+(?:\.\d+)?/

/**
 * A value label's figure written by the unit's decimals rule, the rest of the label kept:
 * "117.3" → "117.33" for 亿元, "56% 滞后" → "56.2% 滞后". Only when the label starts with the
 * value itself, rounded: a label that says something else is left as it is.
 */
function relabel(formatter: (p: unknown) => unknown, unit: string) {
  const digits = unitDigits(unit)
  return (p: unknown) => {
    const out = formatter(p)
    const value = isObj(p) ? p.value : undefined
    if (typeof out !== 'string' || typeof value !== 'number') return out
    const m = LEADING_NUMBER.exec(out.trim())
    if (!m) return out
    const shown = Number(m[0].replace(/,/g, '').replace('−', '-'))
    const decimals = m[0].split('.')[1]?.length ?? 0
    if (Math.abs(shown - value) > 0.5 * 10 ** -decimals + 1e-9) return out
    return out.trim().replace(m[0], formatNumber(value, digits))
  }
}

/** A pie's "{b}\n{d}%" with the share by the rule for % (one decimal; ECharts writes two). */
function pieLabel(template: string, unit: string) {
  return (p: unknown) => {
    const o = isObj(p) ? p : {}
    return template
      .replace(/\{b\}/g, String(o.name ?? ''))
      .replace(/\{d\}/g, typeof o.percent === 'number' ? formatNumber(o.percent, unitDigits('%')) : '')
      .replace(/\{c\}/g, typeof o.value === 'number' ? formatNumber(o.value, unitDigits(unit)) : '')
  }
}

/**
 * The option as a printed page needs it. On screen a long name on an axis is cut to its
 * width and ends in "…" (hover shows it whole); on paper nothing can be hovered, so names
 * wrap onto a second line instead. A scrolling legend shows every item, and zoom sliders go:
 * a page shows the whole chart. Value labels follow the one decimals rule per unit that the
 * briefing's sentences use, so a figure reads the same in the text and on the chart.
 */
export function printOption(option: EChartsOption, subtitle?: string): EChartsOption {
  const o = option as Obj
  const horizontal = !isCategory(o.xAxis) && isCategory(o.yAxis)
  const axis = (a: Obj): Obj => {
    const label = isObj(a.axisLabel) ? a.axisLabel : undefined
    return label?.overflow === 'truncate' ? { ...a, axisLabel: { ...label, overflow: 'break' } } : a
  }
  const legend = (l: Obj): Obj => (l.type === 'scroll' ? { ...l, type: 'plain' } : l)
  const series = (s: Obj): Obj => {
    let label = isObj(s.label) ? s.label : undefined
    if (label?.overflow === 'truncate') label = { ...label, overflow: 'break' }
    if (label && (s.type === 'bar' || s.type === 'line') && typeof label.formatter === 'function') {
      const unit = unitOfSeries(o, s, horizontal, subtitle)
      if (unit) label = { ...label, formatter: relabel(label.formatter as (p: unknown) => unknown, unit) }
    }
    if (label && s.type === 'pie' && typeof label.formatter === 'string' && /\{[bcd]\}/.test(label.formatter))
      label = { ...label, formatter: pieLabel(label.formatter, unitOfSeries(o, s, false, subtitle)) }
    return label ? { ...s, label } : s
  }
  const { dataZoom: _zoom, ...rest } = o
  return {
    ...rest,
    animation: false,
    ...(o.xAxis ? { xAxis: each(o.xAxis, axis) } : {}),
    ...(o.yAxis ? { yAxis: each(o.yAxis, axis) } : {}),
    ...(o.legend ? { legend: each(o.legend, legend) } : {}),
    ...(o.series ? { series: each(o.series, series) } : {}),
  } as EChartsOption
}
