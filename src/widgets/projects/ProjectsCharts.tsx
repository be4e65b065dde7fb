import {
  projectGroupsOption,
  projectGroupsScale,
  projectsMonthlyOption,
  projectsMonthlyScale,
  projectsPipelineOption,
  timelineOption,
} from '../../charts/projects'
import { formatPercent } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import {
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  projectsTimelineSql,
  type TimelineRow,
} from '../../queries/projects'
import { toggleFilter } from '../../state/filters'
import { ChartWidget } from '../ChartWidget'

// The tables each query reads (the scope reads project_progress for "latest").
const PROJECT_TABLES = ['key_projects', 'project_progress']
const TOWN_TABLES = [...PROJECT_TABLES, 'towns']
const CLUSTER_TABLES = [...PROJECT_TABLES, 'clusters']
const NO_LIST = '所选年度没有重点项目清单'

interface Props {
  readonly filters: FilterSet
}

const noProjects = (rows: readonly { projects: number }[]) => rows.every((r) => r.projects === 0)

export function ProjectsMonthly({ filters }: Props) {
  return (
    <ChartWidget<ProjectMonthRow>
      id="projects-monthly"
      title="年度计划与完成投资"
      subtitle={(rows) => {
        const last = rows[rows.length - 1]
        return last
          ? `${projectsMonthlyScale(rows).unit} · ${rangeLabel(rows[0]!.period, last.period)} · 累计完成年度计划${formatPercent(last.completion)}`
          : ''
      }}
      tables={PROJECT_TABLES}
      sql={projectsMonthlySql(filters)}
      prefetch={projectsMonthlySql}
      option={projectsMonthlyOption}
      isEmpty={(rows) => rows.every((r) => r.plan === null)}
      emptyText={NO_LIST}
    />
  )
}

/** It selects statuses, so its query is not filtered by them; the selection is highlighted instead. */
export function ProjectsPipeline({ filters }: Props) {
  return (
    <ChartWidget<PipelineRow>
      id="projects-pipeline"
      title="推进状态"
      subtitle={() => '前期→新开工→在建→竣工→投产 · 项目数与年度计划投资 · 点击筛选'}
      tables={PROJECT_TABLES}
      sql={projectsPipelineSql(filters)}
      prefetch={projectsPipelineSql}
      option={projectsPipelineOption}
      isEmpty={noProjects}
      emptyText={NO_LIST}
      selected={filters.statuses ?? []}
      onSelect={(s) => toggleFilter('statuses', s.key)}
    />
  )
}

export function ProjectsTimeline({ filters }: Props) {
  return (
    <ChartWidget<TimelineRow>
      id="projects-timeline"
      title="建设周期"
      subtitle={(rows) => {
        const shown =
          rows[0] && rows[0].listed > rows.length
            ? `总投资最大的${rows.length}个（共${rows[0].listed}个），可滚动`
            : `共${rows.length}个`
        return `开工至计划竣工，按开工时间排列；红框为投资完成滞后，虚线为统计截止月 · ${shown}`
      }}
      tables={TOWN_TABLES}
      sql={projectsTimelineSql(filters)}
      prefetch={projectsTimelineSql}
      option={timelineOption}
      isEmpty={(rows) => rows.length === 0}
      emptyText={NO_LIST}
      height={460}
    />
  )
}

export function ProjectsByTown({ filters }: Props) {
  return (
    <ChartWidget<ProjectGroupRow>
      id="projects-by-town"
      title="分镇区"
      subtitle={(rows) => `${projectGroupsScale(rows).unit} · 年度计划与本年完成投资，折线为完成率 · 点击筛选镇区`}
      tables={TOWN_TABLES}
      sql={projectsByTownSql(filters)}
      prefetch={projectsByTownSql}
      option={projectGroupsOption}
      isEmpty={noProjects}
      emptyText={NO_LIST}
      selected={filters.towns ?? []}
      onSelect={(s) => s.key && toggleFilter('towns', s.key)}
    />
  )
}

export function ProjectsByCluster({ filters }: Props) {
  return (
    <ChartWidget<ProjectGroupRow>
      id="projects-by-cluster"
      title="分产业集群"
      subtitle={(rows) =>
        `${projectGroupsScale(rows).unit} · 基础设施、社会民生等不属于集群的项目计入“非产业项目” · 点击筛选集群`
      }
      tables={CLUSTER_TABLES}
      sql={projectsByClusterSql(filters)}
      prefetch={projectsByClusterSql}
      option={projectGroupsOption}
      isEmpty={noProjects}
      emptyText={NO_LIST}
      selected={filters.clusters ?? []}
      // 非产业项目 has no cluster to filter by (its key is empty).
      onSelect={(s) => s.key && toggleFilter('clusters', s.key)}
    />
  )
}
