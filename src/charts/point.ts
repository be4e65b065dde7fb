import { formatNumber } from '../lib/format'
import type { PointSeriesRow } from '../queries/clusters'
import { base, type ChartContext, type EChartsOption } from './common'
import { SERIES } from './palette'
import { tooltipHtml } from './tooltip'

export const POINT_METRICS = [
  ['output_value', '产值', '万元'],
  ['revenue', '营业收入', '万元'],
  ['tax', '纳税额', '万元'],
  ['electricity', '用电量', '万千瓦时'],
  ['employees', '用工人数', '人'],
  ['export_value', '出口额', '万元'],
  ['new_orders', '新增订单', '万元'],
  ['rd_expense', '研发投入', '万元'],
  ['capacity_utilization', '产能利用率', '%'],
] as const

/** All nine indicators of one point over time, as small multiples in a 3 × 3 grid (one chart instance). */
export function pointSeriesOption(rows: readonly PointSeriesRow[], ctx: ChartContext): EChartsOption {
  void ctx
  const periods = rows.map((r) => r.period)
  const cols = 3
  const cell = (i: number) => ({
    left: `${(i % cols) * 33.3 + 3}%`,
    top: `${Math.floor(i / cols) * 33.3 + 6}%`,
    width: '27%',
    height: '20%',
  })
  return {
    ...base('观察点企业各项指标月度走势'),
    title: POINT_METRICS.map(([, label, unit], i) => ({
      text: `${label}（${unit}）`,
      ...cell(i),
      top: `${Math.floor(i / cols) * 33.3 + 0.5}%`,
      textStyle: { fontSize: 12, fontWeight: 500 },
    })),
    grid: POINT_METRICS.map((_, i) => ({ ...cell(i), containLabel: true })),
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const ps = params as { seriesIndex: number; value: number | null; axisValue: string }[]
        return tooltipHtml(
          ps[0]?.axisValue ?? '',
          ps.map((p) => {
            const [, label, unit] = POINT_METRICS[p.seriesIndex]!
            return [label, p.value === null ? '—' : `${formatNumber(p.value, unit === '人' ? 0 : 2)}${unit}`] as const
          }),
        )
      },
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    xAxis: POINT_METRICS.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: periods,
      axisLabel: { fontSize: 10, formatter: (v: string) => (v.endsWith('-01') ? v.slice(0, 4) : '') },
      axisTick: { show: false },
    })),
    yAxis: POINT_METRICS.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      scale: true,
      axisLabel: { fontSize: 10 },
      splitNumber: 3,
    })),
    series: POINT_METRICS.map(([key], i) => ({
      type: 'line',
      xAxisIndex: i,
      yAxisIndex: i,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: 1.6 },
      itemStyle: { color: SERIES[i % SERIES.length] },
      data: rows.map((r) => r[key]),
    })),
  }
}
