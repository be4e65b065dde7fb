import { formatCount, formatNumber, formatPercent, formatWan, formatYoY, scaleWan } from '../../lib/format'
import { periodLabel, ytdLabel } from '../../lib/period'
import type {
  LivelihoodProgressRow,
  OutputYtdRow,
  PointsReportingRow,
  ProjectInvestmentRow,
  SuggestionsRow,
} from '../../queries/kpi'

/**
 * What each KPI card shows, as text, from its query row. Pure, so a test can compute the
 * exact text the browser must show from the same SQL.
 */
export interface KpiText {
  readonly value: string
  readonly unit: string
  readonly lines: readonly string[]
}

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
