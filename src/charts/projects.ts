import { formatPercent, formatWan } from '../lib/format'
import type { PipelineRow, ProjectGroupRow, ProjectMonthRow, TimelineRow } from '../queries/projects'
import { base, dimmed, GRID, moneyScale, type ChartContext, type EChartsOption } from './common'
import { STATUS_COLORS } from './palette'
import { themeTokens } from './theme'
import { tooltipHtml } from './tooltip'

/** Completed investment per month (bars), cumulative (line) and the plan spread over the year (dashed). */
export function projectsMonthlyOption(rows: readonly ProjectMonthRow[], ctx: ChartContext): EChartsOption {
  void ctx
  const scale = moneyScale(rows.flatMap((r) => [r.cumulative, r.plan_to_date]))
  const v = (x: number | null) => (x === null ? null : x / scale.divisor)
  return {
    ...base('重点项目月度完成投资与序时计划'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['当月完成', '累计完成', '序时计划'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!
        return tooltipHtml(`${Number(r.period.slice(5))}月`, [
          ['当月完成', formatWan(r.completed)],
          ['累计完成', formatWan(r.cumulative)],
          ['序时计划', formatWan(r.plan_to_date)],
          ['完成年度计划', formatPercent(r.completion)],
        ])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => `${r.month}月`) },
    yAxis: { type: 'value', name: scale.unit },
    series: [
      { name: '当月完成', type: 'bar', barMaxWidth: 24, itemStyle: { color: '#9ec5e8' }, data: rows.map((r) => v(r.completed)) },
      { name: '累计完成', type: 'line', symbolSize: 6, itemStyle: { color: '#c0392b' }, lineStyle: { width: 2.5 }, data: rows.map((r) => v(r.cumulative)) },
      { name: '序时计划', type: 'line', symbol: 'none', itemStyle: { color: '#7f8ba3' }, lineStyle: { type: 'dashed', width: 1.5 }, data: rows.map((r) => v(r.plan_to_date)) },
    ],
  }
}

/** The status pipeline 前期→投产: project counts, plan and completion in the tooltip; bars keyed by status. */
export function pipelineOption(rows: readonly PipelineRow[], ctx: ChartContext): EChartsOption {
  return {
    ...base('重点项目按推进状态分布'),
    grid: { ...GRID, top: 24 },
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
        barMaxWidth: 44,
        data: rows.map((r) => ({ key: r.status, value: r.projects, itemStyle: { color: STATUS_COLORS[r.status] ?? '#999', opacity: dimmed(r.status, ctx) } })),
        label: { show: true, position: 'top' },
      },
    ],
  }
}

/** Plan vs completed by group (town or cluster), with the completion rate; bars keyed by group (no key: not selectable). */
export function projectGroupsOption(rows: readonly ProjectGroupRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.plan))
  const v = (x: number | null) => (x === null ? 0 : x / scale.divisor)
  const key = (r: ProjectGroupRow) => r.key ?? ''
  return {
    ...base('重点项目年度计划与完成投资'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['年度计划', '已完成', '完成率'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!
        return tooltipHtml(r.name, [
          ['项目数', `${r.projects}个`],
          ['年度计划', formatWan(r.plan)],
          ['已完成', formatWan(r.completed)],
          ['完成率', formatPercent(r.completion)],
        ])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: scale.unit },
      { type: 'value', name: '完成率', min: 0, max: (x: { max: number }) => (x.max <= 100 ? 100 : Math.ceil(x.max / 25) * 25), interval: 25, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '年度计划', type: 'bar', barGap: '-100%', barMaxWidth: 28, itemStyle: { color: '#d5dbe5' }, data: rows.map((r) => ({ key: key(r), value: v(r.plan), itemStyle: { opacity: dimmed(key(r), ctx) } })) },
      { name: '已完成', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#2e86c1' }, data: rows.map((r) => ({ key: key(r), value: v(r.completed), itemStyle: { opacity: dimmed(key(r), ctx) } })) },
      { name: '完成率', type: 'line', yAxisIndex: 1, symbolSize: 6, itemStyle: { color: '#c0392b' }, data: rows.map((r) => ({ key: key(r), value: r.completion === null ? null : Math.round(r.completion * 1000) / 10 })) },
    ],
  }
}

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

/**
 * Each project as a bar from its start to its planned finish, coloured by status, with the
 * scope's last month marked; a project behind schedule has a red outline.
 */
export function timelineOption(rows: readonly TimelineRow[], ctx: ChartContext): EChartsOption {
  const t = themeTokens(ctx.theme)
  const ordered = [...rows].reverse()
  const through = rows[0]?.through
  const now = through ? dayMs(`${through}-15`) : undefined
  return {
    ...base('重点项目建设周期时间轴'),
    grid: { ...GRID, top: 16, right: 24 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const r = ordered[(p as { dataIndex: number }).dataIndex]!
        return tooltipHtml(r.name, [
          ['状态', r.status + (r.behind ? '（进度滞后）' : '')],
          ['层级', r.level],
          ['开工', r.start_date ?? '—'],
          ['计划竣工', r.planned_finish ?? '—'],
          ['总投资', formatWan(r.total_investment)],
          ['完成年度计划', formatPercent(r.completion)],
        ])
      },
    },
    xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}年{M}月' }, splitLine: { show: true } },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 200, overflow: 'truncate', fontSize: 11 } },
    dataZoom: rows.length > 14 ? [{ type: 'slider', yAxisIndex: 0, right: 0, width: 14, start: 100 - (14 / rows.length) * 100, end: 100, showDetail: false }, { type: 'inside', yAxisIndex: 0 }] : [],
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        renderItem: (params: unknown, api: unknown) => {
          const a = api as { value(i: number): number; coord(v: number[]): number[]; size(v: number[]): number[]; style(extra?: object): object }
          const y = a.value(0)
          const [x0, yc] = a.coord([a.value(1), y])
          const [x1] = a.coord([a.value(2), y])
          const h = a.size([0, 1])[1]! * 0.56
          const r = ordered[(params as { dataIndex: number }).dataIndex]!
          return {
            type: 'rect',
            shape: { x: x0!, y: yc! - h / 2, width: Math.max(2, x1! - x0!), height: h, r: 2 },
            style: { fill: STATUS_COLORS[r.status] ?? '#999', stroke: r.behind ? '#d03a2e' : 'transparent', lineWidth: r.behind ? 2 : 0 },
          }
        },
        data: ordered.map((r, i) => ({ key: r.project_id, value: [i, r.start_date ? dayMs(r.start_date) : null, r.planned_finish ? dayMs(r.planned_finish) : null] })),
        markLine: now
          ? { symbol: 'none', silent: true, label: { formatter: `${through}`, color: t.subtext }, lineStyle: { color: '#c0392b', type: 'dashed' }, data: [{ xAxis: now }] }
          : undefined,
      },
    ],
  }
}

