import { useMemo } from 'react'

import {
  clusterHeatmapOption,
  clusterShareOption,
  clusterTrendOption,
  clusterYtdOption,
  issuesOption,
  pointRankingOption,
} from '../../charts/clusters'
import { rangeLabel } from '../../lib/period'
import {
  clusterMonthlySql,
  type ClusterMonthRow,
  type ClusterYtdRow,
  clusterYtdSql,
  type IssueCategoryRow,
  issuesByCategorySql,
  pointRankingSql,
  type PointRankRow,
} from '../../queries/clusters'
import { type FilterSet, without } from '../../queries/filters'
import { setParam, toggleFilter } from '../../state/filters'
import { ChartWidget } from '../ChartWidget'

const INDICATOR_TABLES = ['point_indicators', 'observation_points', 'clusters']
const span = (rows: readonly { start: string; through: string }[]) =>
  rows[0] ? rangeLabel(rows[0].start, rows[0].through) : ''
const noOutput = (rows: readonly { ytd_output: number | null }[]) => rows.every((r) => r.ytd_output === null)

interface Props {
  readonly filters: FilterSet
}

/** YTD output and growth by cluster. It selects clusters, so it is not filtered by them itself. */
export function ClusterYtdChart({ filters }: Props) {
  const own = useMemo(() => without(filters, ['clusters']), [filters])
  return (
    <ChartWidget<ClusterYtdRow>
      id="cluster-ytd"
      title="各集群累计产值与同比"
      subtitle={(rows) => `产值：亿元/万元 · 同比：同口径 · ${span(rows)}`}
      tables={INDICATOR_TABLES}
      sql={clusterYtdSql(own)}
      prefetch={(f) => clusterYtdSql(without(f, ['clusters']))}
      option={clusterYtdOption}
      isEmpty={noOutput}
      selected={filters.clusters ?? []}
      onSelect={(s) => toggleFilter('clusters', s.key)}
    />
  )
}

export function ClusterShareChart({ filters }: Props) {
  const own = useMemo(() => without(filters, ['clusters']), [filters])
  return (
    <ChartWidget<ClusterYtdRow>
      id="cluster-share"
      title="集群产值占比"
      subtitle={(rows) => `累计产值占比 · ${span(rows)}`}
      tables={INDICATOR_TABLES}
      sql={clusterYtdSql(own)}
      prefetch={(f) => clusterYtdSql(without(f, ['clusters']))}
      option={clusterShareOption}
      isEmpty={noOutput}
      selected={filters.clusters ?? []}
      onSelect={(s) => toggleFilter('clusters', s.key)}
    />
  )
}

export function ClusterTrendChart({ filters }: Props) {
  return (
    <ChartWidget<ClusterMonthRow>
      id="cluster-trend"
      title="月度产值走势"
      subtitle={(rows) => `当月产值 · ${rows[0] ? `${rows[0].period.slice(0, 4)}年` : ''}`}
      tables={INDICATOR_TABLES}
      sql={clusterMonthlySql(filters)}
      prefetch={clusterMonthlySql}
      option={clusterTrendOption}
      isEmpty={(rows) => rows.every((r) => r.output === null)}
      onSelect={(s) => toggleFilter('clusters', s.key)}
    />
  )
}

export function ClusterHeatmapChart({ filters }: Props) {
  const own = useMemo(() => without(filters, ['clusters']), [filters])
  return (
    <ChartWidget<ClusterMonthRow>
      id="cluster-heatmap"
      title="分月同比增速热力图"
      subtitle={(rows) =>
        `月份 × 集群 · 当月产值同比（同口径，%） · ${rows[0] ? `${rows[0].period.slice(0, 4)}年` : ''}`
      }
      tables={INDICATOR_TABLES}
      sql={clusterMonthlySql(own)}
      prefetch={(f) => clusterMonthlySql(without(f, ['clusters']))}
      option={clusterHeatmapOption}
      isEmpty={(rows) => rows.every((r) => r.yoy === null)}
      emptyText="所选范围内没有可比的上年同期数据"
      selected={filters.clusters ?? []}
      onSelect={(s) => toggleFilter('clusters', s.key)}
      height={300}
    />
  )
}

export function PointRankingChart({ filters }: Props) {
  return (
    <ChartWidget<PointRankRow>
      id="point-ranking"
      title="观察点企业产值排名"
      subtitle={() => '累计产值，标签为同比 · 点击查看企业详情'}
      tables={INDICATOR_TABLES}
      sql={pointRankingSql(filters)}
      prefetch={pointRankingSql}
      option={pointRankingOption}
      onSelect={(s) => setParam('point', s.key)}
      height={460}
    />
  )
}

export function IssuesChart({ filters }: Props) {
  return (
    <ChartWidget<IssueCategoryRow>
      id="point-issues"
      title="企业反映问题及办结情况"
      subtitle={() => '按问题类别，所选期间内反映的问题'}
      tables={['point_issues', 'observation_points', 'point_indicators']}
      sql={issuesByCategorySql(filters)}
      prefetch={issuesByCategorySql}
      option={issuesOption}
      emptyText="所选期间内没有反映问题"
      height={280}
    />
  )
}
