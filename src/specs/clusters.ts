import {
  clusterHeatmapOption,
  clusterShareOption,
  clusterTrendOption,
  clusterYtdOption,
  issuesOption,
  pointRankingOption,
} from '../charts/clusters'
import { describeYoY, formatPercent, formatWan } from '../lib/format'
import { rangeLabel } from '../lib/period'
import {
  clusterMonthlySql,
  type ClusterMonthRow,
  type ClustersSummaryRow,
  clustersSummarySql,
  type ClusterYtdRow,
  clusterYtdSql,
  type IssueCategoryRow,
  issuesByCategorySql,
  pointRankingSql,
  type PointRankRow,
  pointsTableSql,
  type WarningRow,
  warningsSql,
} from '../queries/clusters'
import type { FilterSet } from '../queries/filters'
import { INDICATOR_ANCHOR } from '../queries/indicators'
import { from, over, type Query } from '../queries/query'
import { LATEST } from '../queries/scope'
import { deskPage } from './page'
import { chart, list, type ListSpec, narrative, spanOf, table, yearOf } from './types'

/** The industry clusters page (产业集群, "3+3"). Every chart here but the ranking cross-filters by cluster. */

/** "2026年1—10月，19家观察点企业累计产值280.59亿元，同比增长5.4%；其中主导产业…。…" */
export function clustersNarrative(r: ClustersSummaryRow): string {
  if (!r.through || !r.start || r.ytd_output === null) return '所选范围内尚无观察点报送数据。'
  const groups: string[] = []
  if (r.leading_output !== null)
    groups.push(`主导产业累计产值${formatWan(r.leading_output)}，${describeYoY(r.leading_yoy)}`)
  if (r.featured_output !== null)
    groups.push(`特色产业累计产值${formatWan(r.featured_output)}，${describeYoY(r.featured_yoy)}`)
  const whole = `${r.points}家观察点企业累计产值${formatWan(r.ytd_output)}，${describeYoY(r.yoy)}`
  const first = `${rangeLabel(r.start, r.through)}，${whole}${groups.length ? `；其中${groups.join('，')}` : ''}。`
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

export const CLUSTERS_NARRATIVE = narrative<ClustersSummaryRow>('clusters-narrative', '综述', {
  query: over(clustersSummarySql),
  compose: clustersNarrative,
})

const BY_CLUSTER = { dimension: 'clusters', cross: true } as const
/** Each cluster's year to date, for the bars and the donut: every cluster whatever is selected. */
const YTD_BY_CLUSTER = {
  query: over<ClusterYtdRow>(clusterYtdSql),
  crossFilter: BY_CLUSTER,
  isEmpty: (rows: readonly ClusterYtdRow[]) => rows.every((r) => r.ytd_output === null),
}

/** YTD output and growth by cluster. It selects clusters, so it is not filtered by them itself. */
export const CLUSTER_YTD = chart<ClusterYtdRow>('cluster-ytd', '各集群累计产值与同比', {
  subtitle: (rows) => `产值：亿元/万元 · 同比：同口径 · ${spanOf(rows)}`,
  ...YTD_BY_CLUSTER,
  option: clusterYtdOption,
  wall: { id: 'screen-cluster-ytd', subtitle: (rows) => `亿元 · ${spanOf(rows)}` },
})

export const CLUSTER_SHARE = chart<ClusterYtdRow>('cluster-share', '集群产值占比', {
  subtitle: (rows) => `累计产值占比 · ${spanOf(rows)}`,
  ...YTD_BY_CLUSTER,
  option: clusterShareOption,
  wall: { id: 'screen-cluster-share', subtitle: (rows) => `累计产值 · ${spanOf(rows)}`, cycle: true },
})

/** A click on a line selects its cluster, and the chart follows the selection. */
export const CLUSTER_TREND = chart<ClusterMonthRow>('cluster-trend', '月度产值走势', {
  subtitle: (rows) => `当月产值 · ${yearOf(rows)}`,
  query: over(clusterMonthlySql),
  crossFilter: { dimension: 'clusters', cross: false },
  option: clusterTrendOption,
  isEmpty: (rows) => rows.every((r) => r.output === null),
  wall: { id: 'screen-cluster-trend' },
})

export const CLUSTER_HEATMAP = chart<ClusterMonthRow>('cluster-heatmap', '分月同比增速热力图', {
  subtitle: (rows) => `月份 × 集群 · 当月产值同比（同口径，%） · ${yearOf(rows)}`,
  query: over(clusterMonthlySql),
  crossFilter: BY_CLUSTER,
  option: clusterHeatmapOption,
  isEmpty: (rows) => rows.every((r) => r.yoy === null),
  emptyText: '所选范围内没有可比的上年同期数据',
  height: 300,
  wall: {
    id: 'screen-cluster-heatmap',
    title: '分月同比增速',
    subtitle: (rows) => `当月产值同比（同口径，%） · ${yearOf(rows)}`,
    emptyText: '没有可比的上年同期数据',
  },
})

export const POINT_RANKING = chart<PointRankRow>('point-ranking', '观察点企业产值排名', {
  subtitle: () => '累计产值，标签为同比 · 点击查看企业详情',
  query: over(pointRankingSql),
  option: pointRankingOption,
  drill: 'point',
  height: 460,
  wall: {
    id: 'screen-point-ranking',
    title: '观察点企业产值前十',
    subtitle: () => '累计产值，标签为同比',
    query: from(pointRankingSql(LATEST, 10)),
  },
})

export const ISSUES = chart<IssueCategoryRow>('point-issues', '企业反映问题及办结情况', {
  subtitle: () => '按问题类别，所选期间内反映的问题',
  query: over(issuesByCategorySql),
  option: issuesOption,
  emptyText: '所选期间内没有反映问题',
  height: 280,
  wall: {
    id: 'screen-point-issues',
    title: '企业反映问题及办结',
    subtitle: () => '本年反映的问题，按类别',
    emptyText: '本年没有反映问题',
  },
})

export const DEFAULT_WARN_PERCENT = 10

/** The warning list for a threshold in percent (the page lets the user set it). */
export const warningsQuery = (filters: FilterSet, percent: number): Query<WarningRow> =>
  from(warningsSql(filters, percent / 100))

/** 经济运行预警: points whose output, tax, electricity or headcount fell beyond a threshold. */
export const EARLY_WARNING = list<WarningRow>('early-warning', '经济运行预警', {
  subtitle: '产值、纳税额、用电量、用工人数累计同比（同口径）',
  query: (f) => warningsQuery(f, DEFAULT_WARN_PERCENT),
  // No point on the list is news too: the view says so itself.
  isEmpty: () => false,
})

/** The same list on the wall, at the default threshold, scrolling. */
export const WARNING_TICKER: ListSpec<WarningRow> = {
  ...EARLY_WARNING,
  id: 'screen-warnings',
  subtitle: '指标累计同比降幅超过10%',
}

export const POINTS_TABLE = table<unknown>('points-table', '观察点企业明细', {
  query: over(pointsTableSql),
  order: { sort: [{ id: 'ytd_output', desc: true }], tiebreak: ['point_id'] },
  emptyText: '所选范围内没有观察点数据',
  height: 400,
})

/** Every chart here but the ranking cross-filters by cluster; the ranking opens a point's detail. */
export const CLUSTERS_PAGE = deskPage({
  path: '/clusters',
  title: '产业集群',
  lede: '主导产业：高端装备、先进材料、现代物贸；特色产业：航空航天、生物医药、文化旅游',
  anchor: INDICATOR_ANCHOR,
  german: true,
  narrative: CLUSTERS_NARRATIVE,
  grid: [
    [8, CLUSTER_YTD],
    [4, CLUSTER_SHARE],
    [8, CLUSTER_TREND],
    [4, EARLY_WARNING],
    [6, CLUSTER_HEATMAP],
    [6, ISSUES],
    [5, POINT_RANKING],
    [7, POINTS_TABLE],
  ],
})
