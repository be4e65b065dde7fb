import { formatNumber, formatPercent, formatWan } from '../../lib/format'
import { periodLabel } from '../../lib/period'
import type { LivelihoodSummaryRow } from '../../queries/livelihood'

/** "2026年，经人大代表票决的20项民生实事项目截至10月平均进度94.4%，…" — every figure from the SQL. */
export function livelihoodNarrative(r: LivelihoodSummaryRow): string {
  if (!r.year || r.items === 0) return '所选年度没有经代表票决的民生实事项目。'
  const asOf = r.through ? `截至${periodLabel(r.through)}` : '尚未报送进度，'
  const first = `${r.year}年，经人大代表票决的${r.items}项民生实事项目（平均得票率${formatPercent(r.avg_vote_rate)}）${asOf}平均进度${formatNumber(r.avg_progress, 1)}%，已完成${r.completed}项，累计支出${formatWan(r.spent ?? 0)}，占预算的${formatPercent(r.budget ? (r.spent ?? 0) / r.budget : null)}。`
  const second = r.behind > 0 ? `低于序时进度15个百分点以上的项目${r.behind}项，需重点督促。` : '各项目均达到序时进度要求。'
  const third = r.surveyed > 0 ? `年末满意度测评${r.surveyed}项，平均满意度${formatNumber(r.avg_satisfaction, 1)}%。` : ''
  return first + second + third
}
