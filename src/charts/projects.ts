import type { CustomSeriesOption } from 'echarts'

import { formatPercent, formatWan } from '../lib/format'
import { periodLabel } from '../lib/period'
import {
  PIPELINE,
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  type TimelineRow,
} from '../queries/projects'
import { base, type ChartContext, dimmed, type EChartsOption, GRID, money, moneyScale, sz } from './common'
import { STATUS_COLORS } from './palette'
import { themeTokens } from './theme'
import { rowTooltip, tooltipHtml } from './tooltip'

/** One unit (亿元 or 万元) for every figure of the monthly chart, from its largest: the plan or the cumulative total. */
export function projectsMonthlyScale(rows: readonly ProjectMonthRow[]) {
  return moneyScale(rows.flatMap((r) => [r.cumulative, r.plan]))
}

/**
 * Completed investment per month (bars, labelled), cumulative (line, ending in the share of
 * the annual plan it has reached), the plan spread over the months (序时计划, dashed) and the
 * annual plan itself (flat): how far the year has come, and how far it has to go.
 */
export function projectsMonthlyOption(rows: readonly ProjectMonthRow[], ctx: ChartContext): EChartsOption {
  const scale = projectsMonthlyScale(rows)
  const v = (x: number | null) => (x === null ? null : x / scale.divisor)
  const last = rows[rows.length - 1]
  const small = sz(ctx, 10)
  return {
    ...base('重点项目月度完成投资、累计完成与年度计划'),
    grid: { ...GRID, top: 40, right: 72 },
    legend: { top: 0, data: ['当月完成', '累计完成', '序时计划', '年度计划'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(`${r.month}月`, [
        ['当月完成', formatWan(r.completed)],
        ['累计完成', formatWan(r.cumulative)],
        ['序时计划', formatWan(r.plan_to_date)],
        ['年度计划', formatWan(r.plan)],
        ['完成年度计划', formatPercent(r.completion)],
      ]),
    ),
    xAxis: { type: 'category', data: rows.map((r) => `${r.month}月`) },
    yAxis: { type: 'value', name: scale.unit },
    series: [
      {
        name: '当月完成',
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: '#9ec5e8' },
        label: {
          show: true,
          position: 'top',
          fontSize: small,
          formatter: (p: { value: unknown }) => money(p.value as number | null, 1, 1),
        },
        data: rows.map((r) => v(r.completed)),
      },
      {
        name: '累计完成',
        type: 'line',
        symbolSize: 6,
        itemStyle: { color: '#c0392b' },
        lineStyle: { width: 2.5 },
        // The rate the line has reached, at its end: the figure the subtitle and narrative quote.
        endLabel: {
          show: last?.completion !== null && last?.completion !== undefined,
          formatter: `完成${formatPercent(last?.completion)}`,
          color: '#c0392b',
          fontWeight: 600,
        },
        data: rows.map((r) => v(r.cumulative)),
      },
      {
        name: '序时计划',
        type: 'line',
        symbol: 'none',
        itemStyle: { color: '#7f8ba3' },
        lineStyle: { type: 'dashed', width: 1.5 },
        data: rows.map((r) => v(r.plan_to_date)),
      },
      {
        name: '年度计划',
        type: 'line',
        symbol: 'none',
        itemStyle: { color: '#27ae60' },
        lineStyle: { width: 1.5 },
        data: rows.map((r) => v(r.plan)),
      },
    ],
  }
}

/** The status pipeline 前期→投产: project counts, plan and completion in the tooltip; bars keyed by status. */
export function pipelineOption(rows: readonly PipelineRow[], ctx: ChartContext): EChartsOption {
  return {
    ...base('重点项目按推进状态分布'),
    // The default top: room for the axis name (个) above the axis.
    grid: GRID,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const r = rows[(p as { dataIndex: number }).dataIndex]!
        return tooltipHtml(r.status, [
          ['项目数', `${r.projects}个`],
          ['总投资', formatWan(r.total_investment)],
          ['年度计划投资', formatWan(r.plan)],
          ['本年完成投资', formatWan(r.completed)],
        ])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.status), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series: [
      {
        type: 'bar',
        barMaxWidth: sz(ctx, 44),
        data: rows.map((r) => ({
          key: r.status,
          value: r.projects,
          itemStyle: { color: STATUS_COLORS[r.status] ?? '#999', opacity: dimmed(r.status, ctx) },
        })),
        label: { show: true, position: 'top' },
      },
    ],
  }
}

/**
 * The pipeline for the projects page: as `pipelineOption` (the Overview shares it), each bar
 * also labelled with the year's planned investment of its projects, so count and money read
 * together.
 */
export function projectsPipelineOption(rows: readonly PipelineRow[], ctx: ChartContext): EChartsOption {
  const option = pipelineOption(rows, ctx)
  const scale = moneyScale(rows.map((r) => r.plan))
  const [bars] = option.series as { data: { key: string; value: number }[] }[]
  const labelled = bars!.data.map((d, i) => {
    const r = rows[i]!
    const text = r.projects > 0 ? `${r.projects}个\n${money(r.plan, scale.divisor, 1)}${scale.unit}` : '0个'
    return { ...d, label: { formatter: text, lineHeight: sz(ctx, 15) } }
  })
  return {
    ...option,
    grid: { ...GRID, top: 40 },
    series: [{ ...bars!, data: labelled }],
  }
}

/** One unit for a plan-vs-completed chart by group, from its largest plan (the subtitle states it). */
export function projectGroupsScale(rows: readonly ProjectGroupRow[]) {
  return moneyScale(rows.flatMap((r) => [r.plan, r.completed]))
}

/** Plan vs completed by group (town or cluster) with the completion rate; bars keyed by group (none: not to select). */
export function projectGroupsOption(rows: readonly ProjectGroupRow[], ctx: ChartContext): EChartsOption {
  const scale = projectGroupsScale(rows)
  const v = (x: number | null) => (x === null ? 0 : x / scale.divisor)
  const key = (r: ProjectGroupRow) => r.key ?? ''
  return {
    ...base('重点项目年度计划与完成投资'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['年度计划', '已完成', '完成率'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(r.name, [
        ['项目数', `${r.projects}个`],
        ['年度计划', formatWan(r.plan)],
        ['已完成', formatWan(r.completed)],
        ['完成率', formatPercent(r.completion)],
      ]),
    ),
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', name: scale.unit },
      {
        type: 'value',
        name: '完成率',
        min: 0,
        max: (x: { max: number }) => (x.max <= 100 ? 100 : Math.ceil(x.max / 25) * 25),
        interval: 25,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: '年度计划',
        type: 'bar',
        barGap: '-100%',
        barMaxWidth: sz(ctx, 28),
        itemStyle: { color: '#d5dbe5' },
        data: rows.map((r) => ({ key: key(r), value: v(r.plan), itemStyle: { opacity: dimmed(key(r), ctx) } })),
      },
      {
        name: '已完成',
        type: 'bar',
        barMaxWidth: sz(ctx, 28),
        itemStyle: { color: '#2e86c1' },
        data: rows.map((r) => ({ key: key(r), value: v(r.completed), itemStyle: { opacity: dimmed(key(r), ctx) } })),
      },
      {
        name: '完成率',
        type: 'line',
        yAxisIndex: 1,
        symbolSize: sz(ctx, 6),
        itemStyle: { color: '#c0392b' },
        data: rows.map((r) => ({
          key: key(r),
          value: r.completion === null ? null : Math.round(r.completion * 1000) / 10,
        })),
      },
    ],
  }
}

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

interface Span {
  readonly key: string
  /** [category index, start ms, planned finish ms] */
  readonly value: readonly [number, number, number]
}

/** The category index an item of the timeline was drawn for (ECharts hands the item's value to the tooltip). */
const spanIndex = (p: unknown) =>
  ((p as { value?: readonly number[]; data?: Span }).value ?? (p as { data: Span }).data.value)[0]!

/**
 * Each project as a bar from its start to its planned finish, one series per status (so the
 * legend says what the colours mean), the first row at the top; the scope's last month
 * marked; a project behind schedule outlined in red. A project without both dates keeps its
 * row but has no bar.
 */
export function timelineOption(rows: readonly TimelineRow[], ctx: ChartContext): EChartsOption {
  const t = themeTokens(ctx.theme)
  // ECharts draws category 0 at the bottom: reverse, so the list reads from the top.
  const ordered = [...rows].reverse()
  const through = rows[0]?.through
  const now = through ? dayMs(`${through}-15`) : undefined
  const statuses = PIPELINE.filter((s) => rows.some((r) => r.status === s))
  // A name listed twice (the same works in two towns) is told apart by its town.
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1)
  const label = (r: TimelineRow) => (seen.get(r.name)! > 1 && r.town ? `${r.name}（${r.town}）` : r.name)
  const window = 14
  const series = statuses.map((status, si): CustomSeriesOption => ({
    name: status,
    type: 'custom',
    encode: { x: [1, 2], y: 0 },
    itemStyle: { color: STATUS_COLORS[status] ?? '#999' },
    renderItem: (params: unknown, api: unknown) => {
      const a = api as { value(i: number): number; coord(v: number[]): number[]; size(v: number[]): number[] }
      const y = a.value(0)
      // Rows scrolled out of the window come as NaN (filterMode 'empty'): nothing to draw.
      if (!Number.isFinite(y)) return null
      const [x0, yc] = a.coord([a.value(1), y])
      const [x1] = a.coord([a.value(2), y])
      const h = a.size([0, 1])[1]! * 0.56
      const r = ordered[y]!
      return {
        type: 'rect',
        shape: { x: x0!, y: yc! - h / 2, width: Math.max(2, x1! - x0!), height: h, r: 2 },
        style: {
          fill: STATUS_COLORS[status] ?? '#999',
          stroke: r.behind ? '#d03a2e' : 'transparent',
          lineWidth: r.behind ? 2 : 0,
        },
      }
    },
    data: ordered.flatMap((r, i): Span[] =>
      r.status === status && r.start_date && r.planned_finish
        ? [{ key: r.project_id, value: [i, dayMs(r.start_date), dayMs(r.planned_finish)] }]
        : [],
    ),
    ...(si === 0 && now && through
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: `${periodLabel(through)}`, color: t.subtext },
            lineStyle: { color: '#c0392b', type: 'dashed' },
            data: [{ xAxis: now }],
          },
        }
      : {}),
  }))
  return {
    ...base('重点项目建设周期时间轴'),
    grid: { ...GRID, top: 40, right: 24 },
    legend: { top: 0, data: statuses },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const r = ordered[spanIndex(p)]!
        return tooltipHtml(r.name, [
          ['镇区', r.town ?? '—'],
          ['状态', r.status + (r.behind ? '（投资完成滞后）' : '')],
          ['层级', r.level],
          ['开工', r.start_date ?? '—'],
          ['计划竣工', r.planned_finish ?? '—'],
          ['总投资', formatWan(r.total_investment)],
          ['完成年度计划', formatPercent(r.completion)],
        ])
      },
    },
    xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}年{M}月' }, splitLine: { show: true } },
    yAxis: {
      type: 'category',
      data: ordered.map(label),
      axisLabel: { width: 200, overflow: 'truncate', fontSize: sz(ctx, 11) },
    },
    // Long lists scroll: the window opens on the top rows (the highest category indexes). Rows
    // outside it are emptied, not filtered, so the time axis keeps every project's span.
    dataZoom:
      rows.length > window
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              filterMode: 'empty',
              right: 0,
              width: 14,
              start: 100 - (window / rows.length) * 100,
              end: 100,
              showDetail: false,
            },
            { type: 'inside', yAxisIndex: 0, filterMode: 'empty', zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ]
        : [],
    series,
  }
}
