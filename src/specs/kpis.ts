import { describeYoY, formatCount, formatNumber, formatPercent, formatWan, formatYoY, scaleWan } from '../lib/format'
import { periodLabel, ytdLabel } from '../lib/period'
import {
  type LivelihoodProgressRow,
  livelihoodProgressSql,
  type OutputYtdRow,
  outputYtdSql,
  type PointsReportingRow,
  pointsReportingSql,
  type ProjectInvestmentRow,
  projectInvestmentSql,
  type SuggestionsRow,
  suggestionsSql,
} from '../queries/kpi'
import type { OverviewSummaryRow } from '../queries/overview'
import { over } from '../queries/query'
import { kpi, type KpiText } from './types'

/**
 * The Overview's five headline figures: the desk's cards, the wall's tiles, the briefing's
 * key figures and the Overview's narrative all come from these. Each reads one row; money
 * is in 万元 and ratios are fractions. Without a year or months in the filters, each figure
 * shows its own table's latest month.
 */

// What each card shows, as text, from its row: pure, so a test computes the exact text from the same SQL.

export function presentPointsReporting(row: PointsReportingRow): KpiText {
  const missing = row.registered - row.reporting
  return {
    value: formatNumber(row.reporting),
    unit: `/${formatCount(row.registered, '家')}`,
    lines: row.period
      ? [`${periodLabel(row.period)}已报送`, missing > 0 ? `${missing}家未报送` : '全部按时报送']
      : ['尚无月度报送数据'],
  }
}

export function presentOutputYtd(row: OutputYtdRow): KpiText {
  const amount = scaleWan(row.ytd_output)
  return {
    value: amount.text,
    unit: amount.unit,
    lines: [row.through ? `${ytdLabel(row.through)}累计` : '本年尚无数据', formatYoY(row.yoy)],
  }
}

export function presentProjectInvestment(row: ProjectInvestmentRow): KpiText {
  const amount = scaleWan(row.completed ?? 0)
  return {
    value: amount.text,
    unit: amount.unit,
    lines: [`${row.projects}个项目 · 年度计划${formatWan(row.plan)}`, `完成年度计划 ${formatPercent(row.completion)}`],
  }
}

export function presentLivelihood(row: LivelihoodProgressRow): KpiText {
  return {
    value: formatNumber(row.avg_progress, 1),
    unit: '%',
    lines: [
      `${row.items}项 · 已完成${row.completed}项`,
      row.through ? `截至${periodLabel(row.through)}` : '尚未报送进度',
    ],
  }
}

export function presentSuggestions(row: SuggestionsRow): KpiText {
  return {
    value: formatNumber(row.handled),
    unit: `/${formatCount(row.total, '件')}`,
    lines: [`${row.year}年代表建议 · 重点督办${row.key}件`, `满意率 ${formatPercent(row.satisfaction)}`],
  }
}

export const POINTS_REPORTING = kpi<PointsReportingRow>('kpi-points-reporting', '观察点报送', {
  wallId: 'screen-kpi-points',
  query: over(pointsReportingSql),
  isEmpty: (rows) => !rows[0]?.registered,
  emptyText: '尚未登记观察点',
  present: presentPointsReporting,
  warn: (row) => row.registered > row.reporting,
  count: { value: (r) => r.reporting, withValue: (r, n) => ({ ...r, reporting: Math.round(n) }) },
  sentence: (r) =>
    `${r.registered}家观察点企业${r.reporting < r.registered ? `中${r.reporting}家已报送当月数据` : '均已报送当月数据'}`,
})

export const OUTPUT_YTD = kpi<OutputYtdRow>('kpi-output-ytd', '观察点累计产值', {
  wallId: 'screen-kpi-output',
  query: over(outputYtdSql),
  isEmpty: (rows) => !rows[0]?.through,
  emptyText: '本年尚无产值数据',
  present: presentOutputYtd,
  hint: '同比按同口径计算：只比较两年都已报送的企业和月份',
  trend: (row) => row.yoy,
  count: { value: (r) => r.ytd_output ?? 0, withValue: (r, n) => ({ ...r, ytd_output: n }) },
  sentence: (r) =>
    r.through && r.ytd_output !== null
      ? `${ytdLabel(r.through, false)}累计产值${formatWan(r.ytd_output)}，${describeYoY(r.yoy)}`
      : null,
})

export const PROJECT_INVESTMENT = kpi<ProjectInvestmentRow>('kpi-project-investment', '重点项目完成投资', {
  wallId: 'screen-kpi-projects',
  query: over(projectInvestmentSql),
  isEmpty: (rows) => !rows[0]?.projects,
  emptyText: '本年尚无重点项目清单',
  present: presentProjectInvestment,
  progress: { ratio: (row) => row.completion ?? 0, label: '年度计划完成率' },
  count: { value: (r) => r.completed ?? 0, withValue: (r, n) => ({ ...r, completed: n }) },
  sentence: (r) =>
    r.projects > 0
      ? `${r.projects}个重点项目完成投资${formatWan(r.completed ?? 0)}，完成年度计划的${formatPercent(r.completion)}`
      : null,
})

export const LIVELIHOOD_PROGRESS = kpi<LivelihoodProgressRow>('kpi-livelihood-progress', '民生实事平均进度', {
  wallId: 'screen-kpi-livelihood',
  query: over(livelihoodProgressSql),
  isEmpty: (rows) => !rows[0]?.items,
  emptyText: '本年尚无民生实事项目',
  present: presentLivelihood,
  progress: { ratio: (row) => (row.avg_progress ?? 0) / 100, label: '平均进度' },
  count: { value: (r) => r.avg_progress ?? 0, withValue: (r, n) => ({ ...r, avg_progress: n }) },
  sentence: (r) =>
    r.items > 0
      ? `${r.items}项民生实事平均进度${formatPercent((r.avg_progress ?? 0) / 100)}，已完成${r.completed}项`
      : null,
})

export const SUGGESTIONS = kpi<SuggestionsRow>('kpi-suggestions', '代表建议办结', {
  wallId: 'screen-kpi-suggestions',
  query: over(suggestionsSql),
  isEmpty: (rows) => !rows[0]?.total,
  emptyText: '本年尚无代表建议',
  present: presentSuggestions,
  count: { value: (r) => r.handled, withValue: (r, n) => ({ ...r, handled: Math.round(n) }) },
  sentence: (r) =>
    r.total > 0 && r.year !== null
      ? `${r.year}年代表建议${r.total}件，已办结${r.handled}件` +
        (r.satisfaction !== null ? `，满意率${formatPercent(r.satisfaction)}` : '')
      : null,
})

/** The five, in the order the Overview shows them. */
export const KPIS = {
  points: POINTS_REPORTING,
  output: OUTPUT_YTD,
  projects: PROJECT_INVESTMENT,
  livelihood: LIVELIHOOD_PROGRESS,
  suggestions: SUGGESTIONS,
} as const

export type KpiKey = keyof typeof KPIS

/** The five rows together: what the Overview's narrative is written from. */
export type KpiRows = OverviewSummaryRow
