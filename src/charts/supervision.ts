import { formatPercent } from '../lib/format'
import type { ActivityCountRow, MicroYearRow, SuggestionYearRow } from '../queries/supervision'
import { base, dimmed, GRID, type ChartContext, type EChartsOption } from './common'
import { SERIES } from './palette'
import { tooltipHtml } from './tooltip'

/** Ledger activities per year, stacked by type; every segment keyed by its type. */
export function activitiesOption(rows: readonly ActivityCountRow[], ctx: ChartContext): EChartsOption {
  const years = [...new Set(rows.map((r) => r.year))].sort()
  const types = [...new Set(rows.map((r) => r.type))]
  return {
    ...base('各年度监督活动分类型统计'),
    grid: { ...GRID, top: 48 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const ps = params as { seriesName: string; value: number | null; color: string; axisValue: string }[]
        const total = ps.reduce((s, p) => s + (p.value ?? 0), 0)
        return tooltipHtml(`${ps[0]?.axisValue ?? ''} · 共${total}项`, ps.filter((p) => p.value).map((p) => [p.seriesName, `${p.value}`, p.color] as const))
      },
    },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', minInterval: 1, name: '次/项' },
    series: types.map((type, i) => ({
      name: type,
      type: 'bar',
      stack: 'all',
      barMaxWidth: 40,
      itemStyle: { color: SERIES[i % SERIES.length], opacity: dimmed(type, ctx) },
      data: years.map((y) => ({ key: type, value: rows.find((r) => r.year === y && r.type === type)?.activities ?? 0 })),
    })),
  }
}

/** Suggestions per session year: received and handled (bars), satisfaction (line). */
export function suggestionsOption(rows: readonly SuggestionYearRow[], ctx: ChartContext): EChartsOption {
  void ctx
  return {
    ...base('代表建议办理情况'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['建议总数', '已办结', '满意率'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!
        return tooltipHtml(`${r.year}年`, [['建议总数', `${r.total}件`], ['已办结', `${r.handled}件`], ['重点督办', `${r.key}件`], ['满意率', formatPercent(r.satisfaction)]])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '满意率', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '建议总数', type: 'bar', barGap: '-100%', barMaxWidth: 30, itemStyle: { color: '#d5dbe5' }, data: rows.map((r) => r.total) },
      { name: '已办结', type: 'bar', barMaxWidth: 30, itemStyle: { color: '#2e86c1' }, data: rows.map((r) => r.handled), label: { show: true, position: 'top' } },
      { name: '满意率', type: 'line', yAxisIndex: 1, itemStyle: { color: '#27ae60' }, data: rows.map((r) => (r.satisfaction === null ? null : Math.round(r.satisfaction * 1000) / 10)) },
    ],
  }
}

/** Micro-suggestions per year: resolved within the year, resolved later, still open (stacked). */
export function microOption(rows: readonly MicroYearRow[], ctx: ChartContext): EChartsOption {
  void ctx
  const bar = (name: string, color: string, pick: (r: MicroYearRow) => number) => ({ name, type: 'bar' as const, stack: 'm', barMaxWidth: 36, itemStyle: { color }, data: rows.map(pick) })
  return {
    ...base('代表微建议提出与解决情况'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['当年解决', '次年解决', '办理中'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const r = rows[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0]!
        return tooltipHtml(`${r.year}年`, [['提出', `${r.raised}条`], ['当年解决', `${r.resolved_in_year}条`], ['次年解决', `${r.resolved_later}条`], ['办理中', `${r.open}条`]])
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
    yAxis: { type: 'value', name: '条', minInterval: 1 },
    series: [bar('当年解决', '#27ae60', (r) => r.resolved_in_year), bar('次年解决', '#9ec5e8', (r) => r.resolved_later), bar('办理中', '#f0a202', (r) => r.open)],
  }
}
