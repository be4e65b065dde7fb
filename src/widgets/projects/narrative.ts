import { formatPercent, formatWan } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import type { ProjectsSummaryRow } from '../../queries/projects'

/** "2026年1—10月，44个重点项目完成投资127.08亿元，完成年度计划的85.5%；…" — every figure from the SQL. */
export function projectsNarrative(r: ProjectsSummaryRow): string {
  if (!r.year || r.projects === 0) return '所选范围内没有列入清单的重点项目。'
  const span = r.start && r.through ? rangeLabel(r.start, r.through) : `${r.year}年`
  const first = `${span}，${r.year}年度${r.projects}个重点项目完成投资${formatWan(r.completed ?? 0)}，完成年度计划的${formatPercent(r.completion)}`
  const mix = [
    r.provincial > 0 ? `省重大项目${r.provincial}个` : '',
    r.new_starts > 0 ? `新开工项目${r.new_starts}个` : '',
    r.finished > 0 ? `竣工投产项目${r.finished}个` : '',
  ].filter(Boolean)
  // When the list is German cooperation only (the filter), the first clause already says it.
  const german = r.german > 0 && r.german < r.projects ? `对德合作项目${r.german}个，完成投资${formatWan(r.german_completed ?? 0)}，完成年度计划的${formatPercent(r.german_completion)}` : ''
  const behind = r.behind > 0 ? `按序时进度，投资完成滞后的项目${r.behind}个。` : '各项目投资完成均达到序时进度要求。'
  return `${first}${mix.length ? `；其中${mix.join('，')}` : ''}${german ? `；${german}` : ''}。${behind}`
}
