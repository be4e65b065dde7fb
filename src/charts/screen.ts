import type { EChartsOption } from './common'

/**
 * The wall's adjustments to a desk chart. Desk builders lay out for 12 px text; at the
 * screen's 24 px the same option pages its legend, overlaps axis labels and clips pie labels.
 * This keeps the builder's figures and rewrites only layout, from the chart's real size.
 * Pure: option and frame in, option out.
 */
export interface ScreenFrame {
  /** The chart's size in design pixels. */
  readonly width: number
  readonly height: number
  /** Base font size in design pixels. */
  readonly font: number
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : [])
const one = <T>(v: unknown, map: (o: Obj) => T): unknown =>
  Array.isArray(v) ? v.map((o) => (isObj(o) ? map(o) : o)) : isObj(v) ? map(v) : v

/** Width of a text in em: CJK and full-width characters are 1, the rest about half. */
export function textEm(text: string): number {
  let em = 0
  for (const ch of text) em += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.56
  return em
}

const labelText = (v: unknown): string =>
  typeof v === 'string' ? v : isObj(v) && typeof v.value === 'string' ? v.value : String(v ?? '')

function legendNames(option: Obj, series: Obj[]): string[] {
  const legend = list(option.legend)[0]
  const data = legend && Array.isArray(legend.data) ? legend.data : null
  if (data) return data.map((d) => (isObj(d) ? String(d.name ?? '') : String(d)))
  return series.filter((s) => s.type !== 'pie' && typeof s.name === 'string').map((s) => s.name as string)
}

export function forScreen(option: EChartsOption, frame: ScreenFrame): EChartsOption {
  const { width, font } = frame
  const out: Obj = { ...(option as Obj) }
  const series = list(out.series)
  const pies = series.filter((s) => s.type === 'pie')
  const hasLegend = list(out.legend).some((l) => l.show !== false)

  // Pies: with room, the labels name the slices and there is no legend; in a narrow panel
  // the labels would run off the edge, so a legend beside the ring names each slice with
  // its share. Tiny slices go unlabelled either way (the tooltip cycle shows them).
  if (pies.length > 0 && pies.length === series.length) {
    if (width >= 640) {
      out.legend = { show: false }
      out.series = series.map((s) => ({
        ...s,
        radius: ['34%', '56%'],
        center: ['50%', '52%'],
        minShowLabelAngle: 8,
        label: { ...(isObj(s.label) ? s.label : {}), width: Math.round(width * 0.26), overflow: 'break' },
        labelLine: { length: Math.round(font * 0.5), length2: Math.round(font * 0.5) },
      }))
      return out as EChartsOption
    }
    const data = list(pies[0]!.data)
    const total = data.reduce((sum, d) => sum + (typeof d.value === 'number' ? d.value : 0), 0)
    const share = new Map(
      data.map((d) => [String(d.name), typeof d.value === 'number' && total > 0 ? (d.value / total) * 100 : 0]),
    )
    out.legend = {
      type: 'plain',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemGap: Math.round(font * 0.4),
      itemWidth: Math.round(font * 0.9),
      itemHeight: Math.round(font * 0.9),
      formatter: (name: string) => `${name} ${(share.get(name) ?? 0).toFixed(1)}%`,
    }
    const legendWidth = Math.max(...data.map((d) => textEm(`${String(d.name)} 00.0%`))) * font + font * 0.9 + 10
    const room = Math.max(font * 4, width - legendWidth - font * 0.5)
    const outer = Math.max(font * 2, Math.min(room / 2, frame.height / 2) - 8)
    out.series = series.map((s) => ({
      ...s,
      radius: [Math.round(outer * 0.55), Math.round(outer)],
      center: [Math.round(room / 2), '50%'],
      label: { show: false },
      labelLine: { show: false },
    }))
    return out as EChartsOption
  }

  // Legends: one plain block across the top, wrapped, never paged; the grid starts below it
  // and below the axis names.
  let top = Math.round(font * 0.6)
  if (hasLegend) {
    const names = legendNames(out, series)
    const gap = Math.round(font * 0.7)
    const icon = Math.round(font * 1.6)
    const total = names.reduce((s, n) => s + textEm(n) * font + icon + 5 + gap, 0)
    const lines = Math.max(1, Math.ceil(total / Math.max(1, width - 16)))
    out.legend = one(out.legend, (l) => {
      const { bottom: _b, right: _r, type: _t, ...rest } = l
      return {
        ...rest,
        type: 'plain',
        top: 0,
        left: 'center',
        itemGap: gap,
        itemWidth: icon,
        itemHeight: Math.round(font * 0.9),
      }
    })
    top = Math.round(lines * font * 1.45)
  }
  const named = list(out.yAxis).some((a) => typeof a.name === 'string' && a.name !== '')
  if (named) top += Math.round(font * 1.5)
  // A marker line's label (e.g. the current month) sits above the plot.
  else if (hasLegend && series.some((s) => isObj(s.markLine))) top += Math.round(font * 1.2)
  if (out.grid !== undefined || hasLegend || named) {
    out.grid = one(out.grid ?? {}, (g) => ({
      ...g,
      top: Math.max(top, typeof g.top === 'number' && !hasLegend && !named ? g.top : 0),
    }))
  }

  // Category axes along the bottom: rotate or truncate labels that would collide.
  out.xAxis = one(out.xAxis, (axis) => {
    if (axis.type !== 'category' || !Array.isArray(axis.data) || axis.data.length === 0) return axis
    const current = isObj(axis.axisLabel) ? axis.axisLabel : {}
    if ((current.rotate !== undefined && current.rotate !== 0) || current.formatter !== undefined) return axis
    const n = axis.data.length
    // Value axes at the sides take about 2.5 em each.
    const sides = Math.max(1, list(out.yAxis).length)
    const slot = (width - font * 2.5 * sides) / n
    const widest = Math.max(...axis.data.map((d) => textEm(labelText(d)))) * font
    if (widest <= slot * 0.92) return { ...axis, axisLabel: { ...current, interval: 0 } }
    const rotate = slot >= font * 1.3 ? 40 : 90
    return {
      ...axis,
      axisLabel: { ...current, interval: 0, rotate, width: Math.round(font * 5.5), overflow: 'truncate' },
    }
  })

  // Room on the right for the last category's label, or for a line's end label.
  const endLabel = series.some((s) => isObj(s.endLabel) && s.endLabel.show === true)
  if (Array.isArray(list(out.xAxis)[0]?.data) || endLabel) {
    const right = endLabel ? font * 5 : font
    out.grid = one(out.grid ?? {}, (g) => ({
      ...g,
      right: Math.max(typeof g.right === 'number' ? g.right : 0, Math.round(right)),
    }))
  }

  // Horizontal bars (categories down the side): names take at most 40% of the width; when
  // the bars carry value labels the value axis is redundant and its labels crowd.
  const horizontal = list(out.yAxis).some((a) => a.type === 'category')
  if (horizontal) {
    out.yAxis = one(out.yAxis, (axis) => {
      if (axis.type !== 'category') return axis
      const current = isObj(axis.axisLabel) ? axis.axisLabel : {}
      const limit = Math.round(width * 0.4)
      const w = typeof current.width === 'number' ? Math.min(current.width, limit) : limit
      return { ...axis, axisLabel: { ...current, width: w, overflow: 'truncate' } }
    })
    const labelled = series.some((s) => s.type === 'bar' && isObj(s.label) && s.label.show === true)
    if (labelled) {
      out.xAxis = one(out.xAxis, (axis) =>
        axis.type === 'value' ? { ...axis, name: '', axisLabel: { show: false }, splitLine: { show: false } } : axis,
      )
      out.grid = one(out.grid ?? {}, (g) => ({ ...g, right: Math.round(font * 4) }))
    }
  }
  return out as EChartsOption
}
