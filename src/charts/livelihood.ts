import { formatNumber, formatPercent, formatWan } from '../lib/format'
import { periodLabel } from '../lib/period'
import type { ItemRow, LivelihoodCategoryRow, LivelihoodMonthRow } from '../queries/livelihood'
import { base, type ChartContext, dimmed, type EChartsOption, GRID, moneyScale, nameAxis, sz } from './common'
import { colorFor } from './palette'
import { rowTooltip, tooltipHtml } from './tooltip'

const BEHIND = '#e67e22'
const DONE = '#27ae60'
const ON_TRACK = '#2e86c1'
/** The expected-progress marker: a red that reads on both themes. */
const EXPECTED = '#d64541'
const CATEGORY_COLORS: Record<string, string> = {
  教育: '#2e86c1',
  医疗卫生: '#16a085',
  养老服务: '#d9822b',
  交通出行: '#6c5ce7',
  城乡建设: '#c0392b',
  生态环境: '#27ae60',
  文化体育: '#b8860b',
  就业社保: '#e84393',
}
const catColor = (c: string, i: number) => colorFor(c, i, CATEGORY_COLORS)

function itemTooltip(r: ItemRow): string {
  return tooltipHtml(r.name, [
    ['类别', r.category],
    ['责任单位', r.responsible_unit],
    ['目标任务', r.target],
    ['累计进度', `${formatNumber(r.progress, 1)}%${r.behind ? '（滞后）' : ''}`, r.behind ? BEHIND : undefined],
    ['序时进度', `${formatNumber(r.expected, 1)}%`],
    ['预算 / 已支出', `${formatWan(r.budget)} / ${formatWan(r.spent)}`],
    ['截至', r.period ? periodLabel(r.period) : '尚未报送'],
  ])
}

/**
 * Each item's progress (bars, least advanced on top) against the expected progress for the
 * month (a line); items behind stand out in orange with a label. Bars are keyed by category.
 */
export function itemsProgressOption(items: readonly ItemRow[], ctx: ChartContext): EChartsOption {
  const ordered = [...items].reverse()
  const expected = items[0]?.expected ?? 0
  return {
    ...base('民生实事项目累计进度与序时进度'),
    grid: { ...GRID, top: 24, right: 56 },
    tooltip: rowTooltip(ordered, itemTooltip, 'item'),
    // The names take most of the width on a narrow card: 0, 50 and 100% read at any width (six
    // labels touched at 1366 px).
    xAxis: { type: 'value', max: 100, interval: 50, axisLabel: { formatter: '{value}%' } },
    yAxis: nameAxis(ordered, ctx, 190),
    series: [
      {
        type: 'bar',
        barMaxWidth: sz(ctx, 12),
        data: ordered.map((r) => ({
          key: r.category,
          value: r.progress,
          itemStyle: {
            color: r.behind ? BEHIND : r.progress >= 100 ? DONE : ON_TRACK,
            opacity: dimmed(r.category, ctx),
          },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) =>
            `${formatNumber(ordered[p.dataIndex]!.progress, 0)}%${ordered[p.dataIndex]!.behind ? ' 滞后' : ''}`,
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: EXPECTED, type: 'dashed' },
          // The line's own colour, no outline: ECharts outlines mark labels, which smudges them on the dark theme.
          label: {
            formatter: `序时 ${formatNumber(expected, 0)}%`,
            position: 'end',
            color: EXPECTED,
            textBorderWidth: 0,
            fontWeight: 600,
          },
          data: [{ xAxis: expected }],
        },
      },
    ],
  }
}

/** Average progress by month against the expected curve. */
export function livelihoodMonthlyOption(rows: readonly LivelihoodMonthRow[], ctx: ChartContext): EChartsOption {
  return {
    ...base('民生实事平均进度月度走势'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['平均进度', '序时进度'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(`${r.month}月`, [
        ['平均进度', `${formatNumber(r.avg_progress, 1)}%`],
        ['序时进度', `${formatNumber(r.expected, 1)}%`],
        ['滞后项目', `${r.behind}项`],
      ]),
    ),
    xAxis: { type: 'category', data: rows.map((r) => `${r.month}月`), boundaryGap: false },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '平均进度',
        type: 'line',
        symbolSize: sz(ctx, 6),
        areaStyle: { opacity: 0.12 },
        itemStyle: { color: ON_TRACK },
        data: rows.map((r) => r.avg_progress),
      },
      {
        name: '序时进度',
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#7f8ba3' },
        data: rows.map((r) => r.expected),
      },
    ],
  }
}

/** Budget and spend by category (grouped bars), keyed by category. */
export function categoryBudgetOption(rows: readonly LivelihoodCategoryRow[], ctx: ChartContext): EChartsOption {
  const scale = moneyScale(rows.map((r) => r.budget))
  return {
    ...base('民生实事分类别预算与支出'),
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: ['预算', '已支出'] },
    tooltip: rowTooltip(rows, (r) =>
      tooltipHtml(r.category, [
        ['项目', `${r.items}项`],
        ['预算', formatWan(r.budget)],
        ['已支出', formatWan(r.spent)],
        ['支出率', formatPercent(r.budget ? r.spent / r.budget : null)],
        ['平均进度', `${formatNumber(r.avg_progress, 1)}%`],
      ]),
    ),
    // Eight categories of four characters ran into each other on a 1366 px desk: each name
    // breaks after two characters (城乡/建设). (The wall rotates them instead: see forScreen.)
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.category),
      axisLabel: { interval: 0, width: sz(ctx, 26), overflow: 'break' },
    },
    yAxis: { type: 'value', name: scale.unit },
    series: [
      {
        name: '预算',
        type: 'bar',
        barMaxWidth: sz(ctx, 22),
        itemStyle: { color: '#d5dbe5' },
        data: rows.map((r) => ({
          key: r.category,
          value: r.budget / scale.divisor,
          itemStyle: { opacity: dimmed(r.category, ctx) },
        })),
      },
      {
        name: '已支出',
        type: 'bar',
        barMaxWidth: sz(ctx, 22),
        itemStyle: { color: ON_TRACK },
        data: rows.map((r) => ({
          key: r.category,
          value: r.spent / scale.divisor,
          itemStyle: { opacity: dimmed(r.category, ctx) },
        })),
      },
    ],
  }
}

/** How many items each category has (donut), keyed by category. */
export function categoryShareOption(rows: readonly LivelihoodCategoryRow[], ctx: ChartContext): EChartsOption {
  return {
    ...base('民生实事项目类别构成'),
    tooltip: rowTooltip(
      rows,
      (r) =>
        tooltipHtml(r.category, [
          ['项目', `${r.items}项`],
          ['滞后', `${r.behind}项`],
        ]),
      'item',
    ),
    // No legend: every slice is labelled with its category, and the other charts share its colours.
    series: [
      {
        type: 'pie',
        // Name and count on two lines, and a ring that leaves them room: none is cut short on a narrow card.
        radius: ['36%', '58%'],
        center: ['50%', '52%'],
        label: { formatter: '{b}\n{c}项' },
        data: rows.map((r, i) => ({
          key: r.category,
          name: r.category,
          value: r.items,
          itemStyle: { color: catColor(r.category, i), opacity: dimmed(r.category, ctx) },
        })),
      },
    ],
  }
}

/** Each item's share of votes in favour (代表票决), highest first. */
export function votesOption(items: readonly ItemRow[], ctx: ChartContext): EChartsOption {
  const ordered = [...items].sort((a, b) => (a.vote_rate ?? 0) - (b.vote_rate ?? 0))
  const low = Math.max(0, Math.floor(Math.min(...ordered.map((r) => (r.vote_rate ?? 1) * 100)) / 5) * 5 - 5)
  return {
    ...base('民生实事项目代表票决得票率'),
    grid: { ...GRID, top: 8, right: 72 },
    tooltip: rowTooltip(
      ordered,
      (r) =>
        tooltipHtml(r.name, [
          ['类别', r.category],
          ['赞成票', `${r.votes_for}票`],
          ['投票数', `${r.votes_cast}票`],
          ['得票率', formatPercent(r.vote_rate)],
        ]),
      'item',
    ),
    xAxis: { type: 'value', min: low, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: nameAxis(ordered, ctx, 190),
    series: [
      {
        type: 'bar',
        barMaxWidth: sz(ctx, 12),
        data: ordered.map((r, i) => ({
          key: r.category,
          value: r.vote_rate === null ? null : Math.round(r.vote_rate * 1000) / 10,
          itemStyle: { color: catColor(r.category, i), opacity: dimmed(r.category, ctx) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) =>
            `${ordered[p.dataIndex]!.votes_for}/${ordered[p.dataIndex]!.votes_cast}`,
        },
      },
    ],
  }
}

/** Year-end satisfaction per item (bars), lowest first. */
export function satisfactionOption(items: readonly ItemRow[], ctx: ChartContext): EChartsOption {
  // Highest at the bottom, lowest on top where the eye starts.
  const shown = items.filter((r) => r.satisfaction !== null).sort((a, b) => b.satisfaction! - a.satisfaction!)
  // Surveys land in the 80s–90s: start the axis near the lowest score so differences show, never cutting a bar.
  const low = Math.max(0, Math.min(80, Math.floor(Math.min(...shown.map((r) => r.satisfaction!)) / 5) * 5 - 5))
  return {
    ...base('民生实事项目年末满意度测评'),
    grid: { ...GRID, top: 8, right: 48 },
    tooltip: rowTooltip(
      shown,
      (r) =>
        tooltipHtml(r.name, [
          ['满意度', `${formatNumber(r.satisfaction, 1)}%`],
          ['类别', r.category],
          ['责任单位', r.responsible_unit],
        ]),
      'item',
    ),
    xAxis: { type: 'value', min: low, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: nameAxis(shown, ctx, 190),
    series: [
      {
        type: 'bar',
        barMaxWidth: sz(ctx, 12),
        data: shown.map((r) => ({
          key: r.category,
          value: r.satisfaction,
          itemStyle: { color: DONE, opacity: dimmed(r.category, ctx) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value?: unknown }) => `${formatNumber(p.value as number, 1)}%`,
        },
      },
    ],
  }
}
