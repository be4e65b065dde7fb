import { useMemo } from 'react'

import {
  clusterHeatmapOption,
  clusterShareOption,
  clusterTrendOption,
  clusterYtdOption,
  issuesOption,
  pointRankingOption,
} from '../../charts/clusters'
import type { ChartContext, EChartsOption } from '../../charts/common'
import {
  categoryBudgetOption,
  categoryShareOption,
  itemsProgressOption,
  livelihoodMonthlyOption,
  votesOption,
} from '../../charts/livelihood'
import {
  pipelineOption,
  projectGroupsOption,
  projectGroupsScale,
  projectsMonthlyOption,
  projectsMonthlyScale,
  timelineOption,
} from '../../charts/projects'
import { forScreen } from '../../charts/screen'
import { activitiesOption, microOption, suggestionCategoriesOption, suggestionsOption } from '../../charts/supervision'
import { rangeLabel } from '../../lib/period'
import { clusterMonthlySql, clusterYtdSql, issuesByCategorySql, pointRankingSql } from '../../queries/clusters'
import type { SqlQuery } from '../../queries/derived'
import { livelihoodCategorySql, livelihoodItemsSql, livelihoodMonthlySql } from '../../queries/livelihood'
import { type TownMapRow, townMapSql } from '../../queries/overview'
import {
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  projectsTimelineSql,
} from '../../queries/projects'
import { LATEST } from '../../queries/scope'
import {
  activitiesByYearSql,
  microByYearSql,
  suggestionCategoriesSql,
  suggestionsByYearSql,
} from '../../queries/supervision'
import { ChartWidget } from '../ChartWidget'
import { TOWN_MAP_TABLES, useTownMapChart } from '../overview/TownMap'

/**
 * The wall's charts: the desk's SQL and option builders (so the figures are the same ones),
 * at the latest period with no filters, asking again by themselves after a failure, and with
 * a cycling highlight where it helps the eye. Heights are the panel's, in design pixels.
 */
export interface ScreenChartProps {
  /** The chart's size in design pixels. */
  readonly width: number
  readonly height: number
  readonly motion: boolean
}

interface SpecProps<R> extends ScreenChartProps {
  readonly id: string
  readonly title: string
  readonly subtitle: (rows: readonly R[]) => string
  readonly tables: readonly string[]
  readonly sql: string | SqlQuery
  readonly option: (rows: readonly R[], ctx: ChartContext) => EChartsOption
  readonly isEmpty?: (rows: readonly R[]) => boolean
  readonly emptyText?: string
  readonly maps?: (rows: readonly R[]) => Readonly<Record<string, object>>
  /** Cycle a highlight through the items (pie slices, a few bars). */
  readonly cycle?: boolean
  /** Re-lay legends and labels for large type (off for the map, which has no axes or legend rows). */
  readonly adapt?: boolean
}

/** How long each highlighted item stays, when motion is on. */
export const CYCLE_MS = 4000

function ScreenChart<R>({ width, height, motion, cycle, adapt = true, option, ...spec }: SpecProps<R>) {
  const adapted = useMemo(
    () =>
      adapt
        ? (rows: readonly R[], ctx: ChartContext) =>
            forScreen(option(rows, ctx), { width, height, font: ctx.font ?? 24 })
        : option,
    [adapt, option, width, height],
  )
  return (
    <ChartWidget<R>
      {...spec}
      option={adapted}
      height={height}
      retry
      className="screen-panel__widget"
      {...(motion && cycle ? { cycleMs: CYCLE_MS } : {})}
    />
  )
}

const INDICATORS = ['point_indicators', 'observation_points', 'clusters']
const PROJECTS = ['key_projects', 'project_progress']
const LIVELIHOOD = ['livelihood_items', 'livelihood_progress']
const span = (rows: readonly { start: string; through: string }[]) =>
  rows[0] ? rangeLabel(rows[0].start, rows[0].through) : ''
const yearOf = (rows: readonly { period: string }[]) => (rows[0] ? `${rows[0].period.slice(0, 4)}年` : '')

// Overview and clusters

export const ScreenClusterYtd = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-cluster-ytd"
    title="各集群累计产值与同比"
    subtitle={(rows) => `亿元 · ${span(rows)}`}
    tables={INDICATORS}
    sql={clusterYtdSql(LATEST)}
    option={clusterYtdOption}
    isEmpty={(rows) => rows.every((r) => r.ytd_output === null)}
    {...p}
  />
)

export const ScreenClusterShare = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-cluster-share"
    title="集群产值占比"
    subtitle={(rows) => `累计产值 · ${span(rows)}`}
    tables={INDICATORS}
    sql={clusterYtdSql(LATEST)}
    option={clusterShareOption}
    isEmpty={(rows) => rows.every((r) => r.ytd_output === null)}
    cycle
    {...p}
  />
)

export const ScreenClusterTrend = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-cluster-trend"
    title="月度产值走势"
    subtitle={(rows) => `当月产值 · ${yearOf(rows)}`}
    tables={INDICATORS}
    sql={clusterMonthlySql(LATEST)}
    option={clusterTrendOption}
    isEmpty={(rows) => rows.every((r) => r.output === null)}
    {...p}
  />
)

export const ScreenClusterHeatmap = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-cluster-heatmap"
    title="分月同比增速"
    subtitle={(rows) => `当月产值同比（同口径，%） · ${yearOf(rows)}`}
    tables={INDICATORS}
    sql={clusterMonthlySql(LATEST)}
    option={clusterHeatmapOption}
    isEmpty={(rows) => rows.every((r) => r.yoy === null)}
    emptyText="没有可比的上年同期数据"
    {...p}
  />
)

export const ScreenPointRanking = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-point-ranking"
    title="观察点企业产值前十"
    subtitle={() => '累计产值，标签为同比'}
    tables={INDICATORS}
    sql={pointRankingSql(LATEST, 10)}
    option={pointRankingOption}
    {...p}
  />
)

export const ScreenIssues = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-point-issues"
    title="企业反映问题及办结"
    subtitle={() => '本年反映的问题，按类别'}
    tables={['point_issues', 'observation_points', 'point_indicators']}
    sql={issuesByCategorySql(LATEST)}
    option={issuesOption}
    emptyText="本年没有反映问题"
    {...p}
  />
)

/** The towns with their points and projects: the desk's map without its controls. */
export function ScreenTownMap(p: ScreenChartProps) {
  const { boundaries, maps, option } = useTownMapChart()
  return (
    <ScreenChart<TownMapRow>
      id="screen-town-map"
      title="镇区分布"
      subtitle={() =>
        boundaries ? `观察点与重点项目 · 边界：${boundaries.fileName}` : '观察点与重点项目 · 示意图，非实际行政边界'
      }
      tables={TOWN_MAP_TABLES}
      sql={townMapSql(LATEST)}
      option={option}
      maps={maps}
      adapt={false}
      {...p}
    />
  )
}

// Key projects

export const ScreenProjectStatus = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-project-status"
    title="重点项目推进状态"
    subtitle={() => '本年重点项目 · 个'}
    tables={PROJECTS}
    sql={projectsPipelineSql(LATEST)}
    option={pipelineOption}
    isEmpty={(rows) => rows.every((r) => r.projects === 0)}
    emptyText="本年尚无重点项目清单"
    cycle
    {...p}
  />
)

export const ScreenProjectsMonthly = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-projects-monthly"
    title="年度计划与完成投资"
    subtitle={(rows) =>
      rows[0] ? `${projectsMonthlyScale(rows).unit} · ${rangeLabel(rows[0].period, rows.at(-1)!.period)}` : ''
    }
    tables={PROJECTS}
    sql={projectsMonthlySql(LATEST)}
    option={projectsMonthlyOption}
    isEmpty={(rows) => rows.every((r) => r.completed === null)}
    {...p}
  />
)

export const ScreenProjectsByTown = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-projects-town"
    title="分镇区投资"
    subtitle={(rows) => `${projectGroupsScale(rows).unit} · 计划与完成，折线为完成率`}
    tables={[...PROJECTS, 'towns']}
    sql={projectsByTownSql(LATEST)}
    option={projectGroupsOption}
    {...p}
  />
)

export const ScreenProjectsByCluster = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-projects-cluster"
    title="分产业集群投资"
    subtitle={(rows) => `${projectGroupsScale(rows).unit} · 计划与完成，折线为完成率`}
    tables={[...PROJECTS, 'clusters']}
    sql={projectsByClusterSql(LATEST)}
    option={projectGroupsOption}
    {...p}
  />
)

export const ScreenProjectsTimeline = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-projects-timeline"
    title="重点项目建设周期"
    subtitle={() => '总投资最大的12个项目 · 红框为滞后'}
    tables={[...PROJECTS, 'towns']}
    sql={projectsTimelineSql(LATEST, 12)}
    option={timelineOption}
    {...p}
  />
)

// Livelihood

export const ScreenItemsProgress = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-livelihood-progress"
    title="民生实事项目进度"
    subtitle={(rows) => `${rows[0]?.year ?? ''}年代表票决项目 · 橙色为滞后`}
    tables={LIVELIHOOD}
    sql={livelihoodItemsSql(LATEST)}
    option={itemsProgressOption}
    emptyText="本年尚无民生实事项目"
    {...p}
  />
)

export const ScreenLivelihoodMonthly = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-livelihood-monthly"
    title="平均进度走势"
    subtitle={(rows) => `${yearOf(rows)} · 与序时进度对照`}
    tables={LIVELIHOOD}
    sql={livelihoodMonthlySql(LATEST)}
    option={livelihoodMonthlyOption}
    {...p}
  />
)

export const ScreenLivelihoodCategory = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-livelihood-category"
    title="项目类别"
    subtitle={() => '项目数'}
    tables={LIVELIHOOD}
    sql={livelihoodCategorySql(LATEST)}
    option={categoryShareOption}
    cycle
    {...p}
  />
)

export const ScreenLivelihoodBudget = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-livelihood-budget"
    title="分类别预算与支出"
    subtitle={() => '本年预算与累计支出'}
    tables={LIVELIHOOD}
    sql={livelihoodCategorySql(LATEST)}
    option={categoryBudgetOption}
    {...p}
  />
)

export const ScreenVotes = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-livelihood-votes"
    title="代表票决结果"
    subtitle={(rows) => `${rows[0]?.year ?? ''}年人代会票决 · 得票率`}
    tables={LIVELIHOOD}
    sql={livelihoodItemsSql(LATEST)}
    option={votesOption}
    {...p}
  />
)

// Supervision

export const ScreenActivitiesByYear = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-supervision-activities"
    title="监督活动分年度"
    subtitle={() => '监督工作台账 · 次'}
    tables={['supervision_activities']}
    sql={activitiesByYearSql(LATEST)}
    option={activitiesOption}
    {...p}
  />
)

export const ScreenSuggestions = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-supervision-suggestions"
    title="代表建议办理"
    subtitle={() => '按人代会年度 · 件，折线为满意率'}
    tables={['deputy_suggestions', 'supervision_activities']}
    sql={suggestionsByYearSql(LATEST)}
    option={suggestionsOption}
    {...p}
  />
)

export const ScreenSuggestionCategories = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-supervision-categories"
    title="本年度建议分类别"
    subtitle={(rows) => `${rows[0]?.year ?? ''}年 · 件`}
    tables={['deputy_suggestions', 'supervision_activities']}
    sql={suggestionCategoriesSql(LATEST)}
    option={suggestionCategoriesOption}
    {...p}
  />
)

export const ScreenMicro = (p: ScreenChartProps) => (
  <ScreenChart
    id="screen-supervision-micro"
    title="代表微建议"
    subtitle={() => '提出与解决 · 条'}
    tables={['micro_suggestions', 'supervision_activities']}
    sql={microByYearSql(LATEST)}
    option={microOption}
    {...p}
  />
)
