import { describeYoY, formatPercent, formatWan } from '../../lib/format'
import { periodLabel, ytdLabel } from '../../lib/period'
import type { OverviewSummaryRow } from '../../queries/overview'

/**
 * The Overview's opening sentences, every figure from the KPI queries:
 * "截至2026年10月，19家观察点企业中18家已报送；1—10月累计产值280.59亿元，同比增长5.4%。…"
 */
export function overviewNarrative(r: OverviewSummaryRow): string {
  const parts: string[] = []
  if (r.out_through && r.out_ytd_output !== null) {
    parts.push(
      `截至${periodLabel(r.out_through)}，${r.pts_registered}家观察点企业${r.pts_reporting < r.pts_registered ? `中${r.pts_reporting}家已报送当月数据` : '均已报送当月数据'}；${ytdLabel(r.out_through, false)}累计产值${formatWan(r.out_ytd_output)}，${describeYoY(r.out_yoy)}`,
    )
  }
  if (r.prj_projects > 0) {
    parts.push(
      `${r.prj_projects}个重点项目完成投资${formatWan(r.prj_completed ?? 0)}，完成年度计划的${formatPercent(r.prj_completion)}`,
    )
  }
  if (r.liv_items > 0) {
    parts.push(
      `${r.liv_items}项民生实事平均进度${formatPercent((r.liv_avg_progress ?? 0) / 100)}，已完成${r.liv_completed}项`,
    )
  }
  if (r.sug_total > 0 && r.sug_year !== null) {
    parts.push(
      `${r.sug_year}年代表建议${r.sug_total}件，已办结${r.sug_handled}件${r.sug_satisfaction !== null ? `，满意率${formatPercent(r.sug_satisfaction)}` : ''}`,
    )
  }
  return parts.length ? `${parts.join('；')}。` : '尚无可汇总的数据。'
}
