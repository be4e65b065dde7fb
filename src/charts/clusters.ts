import { formatNumber } from '../lib/format'
import { escapeHtml } from '../lib/html'
import type { ClusterMonthRow, ClusterYtdRow, IssueCategoryRow, PointRankRow } from '../queries/clusters'
import {
  base,
  type ChartContext,
  dimmed,
  type EChartsOption,
  GRID,
  money,
  moneyScale,
  nameAxis,
  pct,
  sz,
} from './common'
import { colorFor, DOWN, UP } from './palette'
import { dataTooltip, rowTooltip, seriesTooltip, tooltipHtml } from './tooltip'

/** YTD output per cluster (bars) with like-for-like growth (line, right axis); bars carry the cluster id to select. */
export function clusterYtdOption(rows: readonly ClusterYtdRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.ytd_output))
  return {
    ...base(`各产业集群累计产值（${scale.unit}）与同比增速`),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: [`累计产值（${scale.unit}）`, '同比增速'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0
        const r = rows[i]!
        return tooltipHtml(r.name, [
          ['累计产值', `${money(r.ytd_output, scale.divisor)}${scale.unit}`],
          ['同比', pct(r.yoy)],
          ['占比', r.share === null ? '—' : `${formatNumber(r.share * 100, 1)}%`],
          ['报送企业', `${r.points}家`],
        ])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: scale.unit, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
      {
        type: 'value',
        name: '同比',
        axisLabel: { formatter: (v: number) => `${formatNumber(v, 0)}%` },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: `累计产值（${scale.unit}）`,
        type: 'bar',
        barMaxWidth: sz(ctx, 36),
        data: rows.map((r, i) => ({
          key: r.cluster_id,
          value: r.ytd_output === null ? null : r.ytd_output / scale.divisor,
          itemStyle: { color: colorFor(r.cluster_id, i), opacity: dimmed(r.cluster_id, ctx) },
        })),
        label: {
          show: true,
          position: 'top',
          formatter: (p: { value?: unknown }) =>
            p.value === null || p.value === undefined ? '' : formatNumber(p.value as number, 1),
        },
      },
      {
        name: '同比增速',
        type: 'line',
        yAxisIndex: 1,
        symbolSize: sz(ctx, 7),
        data: rows.map((r) => ({ key: r.cluster_id, value: r.yoy === null ? null : Math.round(r.yoy * 1000) / 10 })),
        lineStyle: { width: 2 },
      },
    ],
  }
}

/** Share of YTD output by cluster (donut). */
export function clusterShareOption(rows: readonly ClusterYtdRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.ytd_output))
  const data = rows.filter((r) => (r.ytd_output ?? 0) > 0)
  return {
    ...base('各产业集群累计产值占比'),
    tooltip: dataTooltip<{ name: string; value: number }>((d, percent) =>
      tooltipHtml(d.name, [
        ['累计产值', `${formatNumber(d.value / scale.divisor, 2)}${scale.unit}`],
        ['占比', `${formatNumber(percent, 1)}%`],
      ]),
    ),
    // Six clusters: on a narrow card the legend takes two lines rather than hiding some behind a pager,
    // and the ring leaves room beside it for its labels (name and share) in full.
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '60%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{d}%' },
        data: data.map((r, i) => ({
          key: r.cluster_id,
          name: r.name,
          value: r.ytd_output!,
          itemStyle: { color: colorFor(r.cluster_id, i), opacity: dimmed(r.cluster_id, ctx) },
        })),
      },
    ],
  }
}

/** Monthly output per cluster in the scope (lines). */
export function clusterTrendOption(rows: readonly ClusterMonthRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.output))
  const periods = [...new Set(rows.map((r) => r.period))]
  const clusters = [...new Map(rows.map((r) => [r.cluster_id, r.name])).entries()]
  return {
    ...base(`各产业集群月度产值（${scale.unit}）`),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, type: 'scroll' },
    tooltip: seriesTooltip((ps) => {
      return tooltipHtml(
        ps[0]?.axisValue ?? '',
        ps.map(
          (p) => [p.seriesName, p.value === null ? '—' : `${formatNumber(p.value, 2)}${scale.unit}`, p.color] as const,
        ),
      )
    }),
    xAxis: { type: 'category', data: periods.map((p) => `${Number(p.slice(5))}月`), boundaryGap: false },
    yAxis: { type: 'value', name: scale.unit },
    series: clusters.map(([id, name], i) => ({
      name,
      type: 'line',
      smooth: 0.2,
      symbolSize: sz(ctx, 6),
      connectNulls: false,
      lineStyle: { width: 2, opacity: dimmed(id, ctx) },
      itemStyle: { color: colorFor(id, i), opacity: dimmed(id, ctx) },
      data: periods.map((p) => {
        const r = rows.find((x) => x.period === p && x.cluster_id === id)
        return { key: id, value: r?.output === null || r?.output === undefined ? null : r.output / scale.divisor }
      }),
    })),
  }
}

/** Month × cluster heat map of like-for-like growth; red for growth, green for decline. */
export function clusterHeatmapOption(rows: readonly ClusterMonthRow[], ctx: ChartContext): EChartsOption {
  const months = [...new Set(rows.map((r) => r.month))]
  const clusters = [...new Map(rows.map((r) => [r.cluster_id, r.name])).entries()]
  const values = rows.filter((r) => r.yoy !== null).map((r) => Math.abs(r.yoy! * 100))
  const span = Math.max(5, Math.ceil(Math.max(0, ...values) / 5) * 5)
  return {
    ...base('各产业集群分月同比增速热力图'),
    grid: { ...GRID, top: 8, bottom: 48 },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const { data } = p as { data: { row: ClusterMonthRow } }
        const r = data.row
        return tooltipHtml(`${r.name} · ${Number(r.period.slice(5))}月`, [
          ['当月产值', r.output === null ? '—' : `${formatNumber(r.output, 1)}万元`],
          ['上年同月', r.prior_output === null ? '—' : `${formatNumber(r.prior_output, 1)}万元`],
          ['同比（同口径）', pct(r.yoy)],
        ])
      },
    },
    xAxis: { type: 'category', data: months.map((m) => `${m}月`), splitArea: { show: true } },
    yAxis: { type: 'category', data: clusters.map(([, name]) => name), splitArea: { show: true }, inverse: true },
    visualMap: {
      min: -span,
      max: span,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: sz(ctx, 12),
      itemHeight: sz(ctx, 120),
      text: [`+${span}%`, `−${span}%`],
      inRange: { color: [DOWN, '#f2f2f2', UP] },
      formatter: (v: unknown) => `${formatNumber(v as number, 0)}%`,
    },
    series: [
      {
        type: 'heatmap',
        label: {
          show: true,
          fontSize: sz(ctx, 11),
          formatter: (p: { value?: unknown }) => formatNumber((p.value as number[])[2]!, 1),
        },
        data: rows
          .filter((r) => r.yoy !== null)
          .map((r) => ({
            key: r.cluster_id,
            row: r,
            value: [
              months.indexOf(r.month),
              clusters.findIndex(([id]) => id === r.cluster_id),
              Math.round(r.yoy! * 1000) / 10,
            ],
            itemStyle: { opacity: dimmed(r.cluster_id, ctx) },
          })),
      },
    ],
  }
}

/** Points ranked by YTD output (horizontal bars, largest on top). */
export function pointRankingOption(rows: readonly PointRankRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.ytd_output))
  const ordered = [...rows].reverse()
  return {
    ...base('观察点企业累计产值排名'),
    // Room on the right for the longest bar's growth label and the axis unit after the last tick.
    grid: { ...GRID, top: 8, right: sz(ctx, 64) },
    tooltip: rowTooltip(
      ordered,
      (r) =>
        tooltipHtml(r.name, [
          ['产业集群', r.cluster],
          ['累计产值', `${money(r.ytd_output, scale.divisor)}${scale.unit}`],
          ['同比', pct(r.yoy)],
        ]),
      'item',
    ),
    xAxis: { type: 'value', name: scale.unit },
    yAxis: nameAxis(ordered, ctx, 150),
    series: [
      {
        type: 'bar',
        barMaxWidth: sz(ctx, 16),
        data: ordered.map((r, i) => ({
          key: r.point_id,
          value: r.ytd_output === null ? null : r.ytd_output / scale.divisor,
          itemStyle: { color: colorFor(r.cluster_id, i), opacity: dimmed(r.point_id, ctx) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => pct(ordered[p.dataIndex]!.yoy),
        },
      },
    ],
  }
}

/** Problems reported by category: resolved and open stacked. */
export function issuesOption(rows: readonly IssueCategoryRow[], ctx: ChartContext): EChartsOption {
  return {
    ...base('观察点反映问题分类及办结情况'),
    grid: { ...GRID, top: 36 },
    legend: { top: 0, data: ['已办结', '未办结'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(r.category, [
        ['反映问题', `${r.total}个`],
        ['已办结', `${r.resolved}个`],
        ['办结率', r.total ? `${formatNumber((r.resolved / r.total) * 100, 1)}%` : '—'],
      ]),
    ),
    xAxis: { type: 'category', data: rows.map((r) => r.category), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series: [
      {
        name: '已办结',
        type: 'bar',
        stack: 'n',
        barMaxWidth: sz(ctx, 28),
        itemStyle: { color: '#27ae60' },
        data: rows.map((r) => ({
          key: r.category,
          value: r.resolved,
          itemStyle: { opacity: dimmed(r.category, ctx) },
        })),
      },
      {
        name: '未办结',
        type: 'bar',
        stack: 'n',
        barMaxWidth: sz(ctx, 28),
        itemStyle: { color: '#f0a202' },
        data: rows.map((r) => ({ key: r.category, value: r.open, itemStyle: { opacity: dimmed(r.category, ctx) } })),
      },
    ],
  }
}

export { escapeHtml }
