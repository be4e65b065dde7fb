import { formatNumber } from '../lib/format'
import { base, type ChartContext, type EChartsOption, GRID, sz } from './common'
import { SERIES } from './palette'
import { tooltipHtml } from './tooltip'

/** A row of a built chart's SQL (src/explore/chart-sql.ts). */
export interface BuiltChartRow {
  readonly x: unknown
  readonly series?: unknown
  readonly value: number | null
}

export interface BuiltChartLook {
  readonly type: 'bar' | 'line' | 'pie' | 'scatter'
  readonly title: string
  /** Axis names: the x column and the measure ("output（求和）"). */
  readonly xName: string
  readonly valueName: string
}

/** Series beyond this many are left out of the legend and the chart (named in the aria text). */
export const MAX_SERIES = 12

const text = (v: unknown) => (v === null || v === undefined ? '（空）' : String(v))
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatNumber(v, Number.isInteger(v) ? 0 : 2)

function pieOption(rows: readonly BuiltChartRow[], look: BuiltChartLook, ctx: ChartContext): EChartsOption {
  const data = rows.map((r, i) => ({
    name: text(r.x),
    value: r.value ?? 0,
    itemStyle: { color: SERIES[i % SERIES.length]! },
  }))
  const total = data.reduce((s, d) => s + d.value, 0)
  return {
    ...base(`${look.title}：饼图，${data.length}个分类`),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number | null }
        return tooltipHtml(name, [
          [look.valueName, fmt(value)],
          ['占比', total ? `${formatNumber(((value ?? 0) / total) * 100, 1)}%` : '—'],
        ])
      },
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['30%', '65%'], center: ['50%', '46%'], label: { fontSize: sz(ctx, 11) }, data }],
  }
}

function scatterOption(
  rows: readonly BuiltChartRow[],
  look: BuiltChartLook,
  ctx: ChartContext,
  groups: string[],
): EChartsOption {
  const numericX = rows.every((r) => typeof r.x === 'number')
  return {
    ...base(`${look.title}：散点图，${rows.length}个点`),
    grid: { ...GRID, top: groups.length > 1 ? 40 : 28 },
    legend: groups.length > 1 ? { type: 'scroll', top: 0 } : { show: false },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { seriesName, value } = p as { seriesName: string; value: [unknown, number] }
        return tooltipHtml(groups.length > 1 ? seriesName : look.title, [
          [look.xName, text(value[0])],
          [look.valueName, fmt(value[1])],
        ])
      },
    },
    xAxis: numericX ? { type: 'value', name: look.xName, scale: true } : { type: 'category', name: look.xName },
    yAxis: { type: 'value', name: look.valueName, scale: true },
    series: groups.map((g, i) => ({
      name: g,
      type: 'scatter',
      symbolSize: sz(ctx, 8),
      itemStyle: { color: SERIES[i % SERIES.length]! },
      data: rows
        .filter((r) => groups.length === 1 || text(r.series) === g)
        .map((r): [number | string, number | null] => [numericX ? (r.x as number) : text(r.x), r.value]),
    })),
  }
}

/**
 * The option for a chart from the chart builder. Every name in it comes from the user's
 * data: tooltips escape it, and axis and legend text is drawn on the canvas as text.
 */
export function builtChartOption(
  rows: readonly BuiltChartRow[],
  look: BuiltChartLook,
  ctx: ChartContext,
): EChartsOption {
  if (look.type === 'pie') return pieOption(rows, look, ctx)
  const hasSeries = rows.some((r) => r.series !== undefined)
  const allGroups = hasSeries ? [...new Set(rows.map((r) => text(r.series)))] : [look.valueName]
  const groups = allGroups.slice(0, MAX_SERIES)
  if (look.type === 'scatter') return scatterOption(rows, look, ctx, groups)
  const categories = [...new Set(rows.map((r) => text(r.x)))]
  const index = new Map(categories.map((c, i) => [c, i]))
  const series = groups.map((g, i) => {
    const data: (number | null)[] = categories.map(() => null)
    for (const r of rows) if (!hasSeries || text(r.series) === g) data[index.get(text(r.x))!] = r.value
    return look.type === 'bar'
      ? { name: g, type: 'bar' as const, barMaxWidth: 28, itemStyle: { color: SERIES[i % SERIES.length] }, data }
      : {
          name: g,
          type: 'line' as const,
          symbolSize: 5,
          connectNulls: true,
          itemStyle: { color: SERIES[i % SERIES.length] },
          data,
        }
  })
  const dropped = allGroups.length - groups.length
  // Too many categories to label: a slider under the axis (with room kept for it) picks a span.
  const zoom = categories.length > 60
  return {
    ...base(
      `${look.title}：${look.type === 'bar' ? '柱状图' : '折线图'}，${categories.length}个分类${dropped > 0 ? `，另有${dropped}个系列未画出` : ''}`,
    ),
    grid: { ...GRID, top: hasSeries ? 48 : 32, bottom: zoom ? 36 : GRID.bottom },
    legend: hasSeries ? { type: 'scroll', top: 0 } : { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = params as { axisValue: string; seriesName: string; value: number | null; color: string }[]
        return tooltipHtml(
          list[0]?.axisValue ?? '',
          list.map((p) => [hasSeries ? p.seriesName : look.valueName, fmt(p.value), p.color]),
        )
      },
    },
    xAxis: { type: 'category', name: look.xName, data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: look.valueName },
    ...(zoom ? { dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 4 }] } : {}),
    series,
  }
}
