import { describeYoY, formatPercent, formatWan } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import type { ClustersSummaryRow, WarningRow } from '../../queries/clusters'

/** "2026年1—10月，19家观察点企业累计产值280.59亿元，同比增长5.4%；其中主导产业…。…" */
export function clustersNarrative(r: ClustersSummaryRow): string {
  if (!r.through || !r.start || r.ytd_output === null) return '所选范围内尚无观察点报送数据。'
  const groups: string[] = []
  if (r.leading_output !== null)
    groups.push(`主导产业累计产值${formatWan(r.leading_output)}，${describeYoY(r.leading_yoy)}`)
  if (r.featured_output !== null)
    groups.push(`特色产业累计产值${formatWan(r.featured_output)}，${describeYoY(r.featured_yoy)}`)
  const first = `${rangeLabel(r.start, r.through)}，${r.points}家观察点企业累计产值${formatWan(r.ytd_output)}，${describeYoY(r.yoy)}${groups.length ? `；其中${groups.join('，')}` : ''}。`
  const second = r.falling_points > 0 ? `产值同比下降的企业有${r.falling_points}家。` : '各观察点企业产值均未同比下降。'
  return first + second
}

export const WARNING_LABELS: Record<string, string> = {
  output_value: '产值',
  tax: '纳税额',
  electricity: '用电量',
  employees: '用工人数',
}

/** Why a point is on the warning list: each watched metric that fell beyond the threshold, worst first. */
export function warningReasons(row: WarningRow, threshold: number): string[] {
  return (['output_value', 'tax', 'electricity', 'employees'] as const)
    .map((m) => [m, row[`${m}_yoy`]] as const)
    .filter(([, v]) => v !== null && v < -threshold)
    .sort((a, b) => a[1]! - b[1]!)
    .map(([m, v]) => `${WARNING_LABELS[m]}同比下降${formatPercent(-v!)}`)
}
