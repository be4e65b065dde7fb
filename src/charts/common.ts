import type { EChartsOption } from 'echarts'

import { formatNumber, formatSignedPercent, wanScaleFor } from '../lib/format'
import type { ThemeName } from './theme'

export type { EChartsOption }

/** What every option builder gets besides its rows. */
export interface ChartContext {
  readonly theme: ThemeName
  /** Keys the user has selected by clicking (cross-filter): shown highlighted, the rest dimmed. */
  readonly selected?: readonly string[]
  /** Base font size in CSS pixels (12 on a desk, 24 on the big screen): explicit sizes scale with it. */
  readonly font?: number
}

/** A size given for the desk (12 px text) scaled to this chart's base font. */
export function sz(ctx: ChartContext, px: number): number {
  return Math.round((px * (ctx.font ?? 12)) / 12)
}

/** A money axis in 万元 or 亿元, whichever suits the largest value. */
export function moneyScale(values: readonly (number | null)[]) {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)))
  return wanScaleFor(max)
}

export const money = (valueWan: number | null | undefined, divisor: number, digits = 2) =>
  valueWan === null || valueWan === undefined ? '—' : formatNumber(valueWan / divisor, digits)

export const pct = (ratio: number | null | undefined) => formatSignedPercent(ratio)

/** Dim what is not selected, when something is. */
export function dimmed(key: string, ctx: ChartContext): number {
  return ctx.selected && ctx.selected.length > 0 && !ctx.selected.includes(key) ? 0.28 : 1
}

export const GRID = { left: 12, right: 16, top: 36, bottom: 8, containLabel: true } as const

/** A category axis of names down the side of a bar chart, each cut to `width` desk pixels with an ellipsis. */
export function nameAxis(rows: readonly { readonly name: string }[], ctx: ChartContext, width: number) {
  return {
    type: 'category' as const,
    data: rows.map((r) => r.name),
    axisLabel: { width: sz(ctx, width), overflow: 'truncate' as const },
  }
}

/**
 * Shared defaults: accessible description on, tooltips as escaped HTML, a short entry
 * animation, and updates drawn at once — a cross-filter click must feel instant, and tween
 * frames on six charts cost more than the query.
 */
export function base(ariaDescription: string): EChartsOption {
  return {
    aria: { enabled: true, description: ariaDescription },
    animationDuration: 300,
    animationDurationUpdate: 0,
    tooltip: { confine: true, renderMode: 'html' },
  }
}
