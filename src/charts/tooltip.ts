import { escapeHtml } from '../lib/html'

const DOT = 'display:inline-block;width:8px;height:8px;border-radius:50%;'
const LINE = 'display:flex;justify-content:space-between;gap:16px'
const FIGURE = 'font-variant-numeric:tabular-nums'

/**
 * Tooltip markup. Every piece of text passes through escapeHtml: names come from uploaded
 * files and ECharts puts tooltip content into the page as HTML.
 */
export function tooltipHtml(
  title: string,
  rows: readonly (readonly [label: string, value: string, color?: string])[],
): string {
  const head = `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>`
  const body = rows
    .map(([label, value, color]) => {
      const dot = color ? `<span style="${DOT}background:${escapeHtml(color)};margin-right:6px"></span>` : ''
      const name = dot ? `<span>${dot}${escapeHtml(label)}</span>` : `<span>${escapeHtml(label)}</span>`
      return `<div style="${LINE}">${name}<span style="${FIGURE}">${escapeHtml(value)}</span></div>`
    })
    .join('')
  return head + body
}

/**
 * A tooltip about the row under the pointer: `rows[i]` is drawn as item `i`. On an axis
 * (one row per category) ECharts gives the hovered items, all of one category; on an item, that item.
 */
export function rowTooltip<R>(rows: readonly R[], html: (row: R) => string, trigger: 'axis' | 'item' = 'axis') {
  return {
    trigger,
    confine: true,
    formatter: (params: unknown) =>
      trigger === 'axis'
        ? html(rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!)
        : html(rows[(params as { dataIndex: number }).dataIndex]!),
  }
}

/** What an axis tooltip is given for each series at the hovered category. */
export interface SeriesPoint {
  readonly seriesName: string
  readonly value: number | null
  readonly color: string
  readonly axisValue: string
}

/** An axis tooltip over every series at the hovered category. */
export function seriesTooltip(html: (points: readonly SeriesPoint[]) => string) {
  return { trigger: 'axis' as const, confine: true, formatter: (params: unknown) => html(params as SeriesPoint[]) }
}

/** An item tooltip from the hovered item's data (and, on a pie, its percent of the whole). */
export function dataTooltip<D>(html: (data: D, percent: number) => string) {
  return {
    trigger: 'item' as const,
    confine: true,
    formatter: (p: unknown) => {
      const { data, percent } = p as { data: D; percent: number }
      return html(data, percent)
    },
  }
}
