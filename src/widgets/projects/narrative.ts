import { formatNumber, formatPercent, formatWan } from '../../lib/format'
import { monthSpan, parsePeriod, rangeLabel } from '../../lib/period'
import { BEHIND_MARGIN, type ProjectsSummaryRow } from '../../queries/projects'

/**
 * "2026年1—10月，45个市级以上重点项目完成投资124.23亿元，完成年度计划的79.7%；…" — every
 * figure from the SQL. The list holds 省重大, 苏州重点 and 市级重点 projects only, hence 市级以上.
 */
export function projectsNarrative(r: ProjectsSummaryRow): string {
  if (!r.year || r.projects === 0) return '所选范围内没有列入清单的重点项目。'
  const span = r.start && r.through ? rangeLabel(r.start, r.through) : `${r.year}年`
  const first = `${span}，${r.projects}个市级以上重点项目完成投资${formatWan(r.completed ?? 0)}，完成年度计划的${formatPercent(r.completion)}`
  const mix = [
    r.provincial > 0 ? `省重大项目${r.provincial}个` : '',
    r.new_starts > 0 ? `新开工项目${r.new_starts}个` : '',
    r.finished > 0 ? `竣工投产项目${r.finished}个` : '',
  ].filter(Boolean)
  // When the list is German cooperation only (the filter), the first clause already says it.
  const german =
    r.german > 0 && r.german < r.projects
      ? `对德合作项目${r.german}个，完成投资${formatWan(r.german_completed ?? 0)}，完成年度计划的${formatPercent(r.german_completion)}`
      : ''
  return `${first}${mix.length ? `；其中${mix.join('，')}` : ''}${german ? `；${german}` : ''}。${schedule(r)}`
}

/** The behind-schedule sentence, stating the rule it applies (the margin comes from the query's own constant). */
function schedule(r: ProjectsSummaryRow): string {
  if (r.expected === null || !r.start || !r.through) return ''
  const months = monthSpan(parsePeriod(r.start).month, parsePeriod(r.through).month)
  const rule = `完成率低于序时进度${formatNumber(BEHIND_MARGIN * 100)}个百分点以上`
  const count = r.behind > 0 ? `${rule}的项目${r.behind}个` : `没有${rule}的项目`
  return `按序时进度，${months}应完成年度计划的${formatPercent(r.expected)}，${count}。`
}
