import { formatNumber, formatPercent, formatWan } from '../../lib/format'
import { parsePeriod, periodLabel } from '../../lib/period'
import { BEHIND_POINTS, type LivelihoodSummaryRow } from '../../queries/livelihood'

/** How many behind items the narrative names before "等". */
const NAMED = 3
const quoted = (name: string) => `“${name}”`

/**
 * "2026年，经人大代表票决的20项民生实事项目（平均得票率93.5%）截至10月平均进度94.4%，…"
 * — every figure from the SQL; the names are text (React renders them as such).
 */
export function livelihoodNarrative(r: LivelihoodSummaryRow): string {
  const scope = r.categories ? `${r.categories}类` : ''
  if (!r.year || r.items === 0)
    return r.year ? `${r.year}年没有经代表票决的${scope}民生实事项目。` : '所选年度没有经代表票决的民生实事项目。'
  const subject = r.categories
    ? `${r.year}年，经人大代表票决的民生实事项目中，${scope}${r.items}项`
    : `${r.year}年，经人大代表票决的${r.items}项民生实事项目`
  const votes = r.avg_vote_rate === null ? '' : `（平均得票率${formatPercent(r.avg_vote_rate)}）`
  if (!r.through) return `${subject}${votes}尚未报送进度。`

  const p = parsePeriod(r.through)
  const asOf = p.year === r.year ? `截至${p.month}月` : `截至${periodLabel(r.through)}`
  const spend = `累计支出${formatWan(r.spent ?? 0)}，占预算的${formatPercent(r.budget ? (r.spent ?? 0) / r.budget : null)}`
  const done = r.completed === r.items
  const first = done
    ? `${subject}${votes}${asOf}已全部完成，${spend}。`
    : `${subject}${votes}${asOf}平均进度${formatNumber(r.avg_progress, 1)}%，已完成${r.completed}项，${spend}。`

  const names = r.behind_names ?? []
  const named = names.length
    ? `：${names.slice(0, NAMED).map(quoted).join('、')}${names.length > NAMED ? '等' : ''}`
    : ''
  const second =
    r.behind > 0
      ? `进度滞后（低于序时进度${BEHIND_POINTS}个百分点以上）的项目${r.behind}项${named}，需重点督促。`
      : done
        ? ''
        : '各项目均达到序时进度要求。'

  const lowest =
    r.surveyed > 1 && r.min_satisfaction_name
      ? `，最低为${quoted(r.min_satisfaction_name)}（${formatNumber(r.min_satisfaction, 1)}%）`
      : ''
  const third =
    r.surveyed > 0 ? `年末满意度测评${r.surveyed}项，平均满意度${formatNumber(r.avg_satisfaction, 1)}%${lowest}。` : ''
  return first + second + third
}
