import { useMemo } from 'react'
import { pipelineOption, projectGroupsOption, projectsMonthlyOption, timelineOption } from '../../charts/projects'
import { formatNumber, formatPercent, MISSING } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import {
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  projectsSummarySql,
  projectsTableSql,
  projectsTimelineSql,
  type PipelineRow,
  type ProjectGroupRow,
  type ProjectMonthRow,
  type ProjectsSummaryRow,
  type TimelineRow,
} from '../../queries/projects'
import { toggleFilter } from '../../state/filters'
import type { DataColumn } from '../../ui/DataTable'
import { ChartWidget } from '../ChartWidget'
import { QueryGrid } from '../grid/QueryGrid'
import { Narrative } from '../Narrative'
import { projectsNarrative } from './narrative'

const TABLES = ['key_projects', 'project_progress', 'clusters', 'towns']

interface Props {
  readonly filters: FilterSet
}

export function ProjectsNarrative({ filters }: Props) {
  return <Narrative<ProjectsSummaryRow> id="projects-narrative" tables={TABLES} sql={projectsSummarySql(filters)} compose={projectsNarrative} />
}

export function ProjectsMonthly({ filters }: Props) {
  return (
    <ChartWidget<ProjectMonthRow>
      id="projects-monthly"
      title="年度计划与完成投资"
      subtitle={(rows) => (rows.length ? `${rangeLabel(rows[0]!.period, rows[rows.length - 1]!.period)} · 累计完成年度计划 ${formatPercent(rows[rows.length - 1]!.completion)}` : '')}
      tables={TABLES}
      sql={projectsMonthlySql(filters)}
      option={projectsMonthlyOption}
      isEmpty={(rows) => rows.every((r) => r.plan === null)}
      emptyText="所选年度没有重点项目清单"
    />
  )
}

export function ProjectsPipeline({ filters }: Props) {
  return (
    <ChartWidget<PipelineRow>
      id="projects-pipeline"
      title="推进状态"
      subtitle={() => '前期 → 新开工 → 在建 → 竣工 → 投产 · 个'}
      tables={TABLES}
      sql={projectsPipelineSql(filters)}
      option={pipelineOption}
      isEmpty={(rows) => rows.every((r) => r.projects === 0)}
      emptyText="所选年度没有重点项目清单"
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
      subtitle={(rows) => (rows[0] ? `开工至计划竣工，红框为投资完成滞后 · ${rows[0].listed > rows.length ? `列出总投资最大的${rows.length}个（共${rows[0].listed}个）` : `共${rows.length}个`}` : '')}
      tables={TABLES}
      sql={projectsTimelineSql(filters)}
      option={timelineOption}
      emptyText="所选年度没有重点项目清单"
      height={460}
    />
  )
}

export function ProjectsByTown({ filters }: Props) {
  return (
    <ChartWidget<ProjectGroupRow>
      id="projects-by-town"
      title="分镇区"
      subtitle={() => '年度计划与完成投资 · 点击筛选镇区'}
      tables={TABLES}
      sql={projectsByTownSql(filters)}
      option={projectGroupsOption}
      isEmpty={(rows) => rows.every((r) => r.projects === 0)}
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
      subtitle={() => '年度计划与完成投资 · 基础设施和社会民生项目计入“非产业项目”'}
      tables={TABLES}
      sql={projectsByClusterSql(filters)}
      option={projectGroupsOption}
      isEmpty={(rows) => rows.every((r) => r.projects === 0)}
      selected={filters.clusters ?? []}
      // 非产业项目 has no cluster to filter by.
      onSelect={(s) => s.key && toggleFilter('clusters', s.key)}
    />
  )
}

const money = (v: unknown) => (v === null || v === undefined ? MISSING : formatNumber(v as number, 2))
const COLUMNS: DataColumn[] = [
  { id: 'project_id', header: '编号', width: 110, filter: 'text' },
  { id: 'name', header: '项目名称', width: 260, filter: 'text' },
  { id: 'level', header: '层级', width: 90, filter: 'text' },
  { id: 'category', header: '类别', width: 90, filter: 'text' },
  { id: 'cluster', header: '产业集群', width: 96, filter: 'text' },
  { id: 'town', header: '镇区', width: 96, filter: 'text' },
  { id: 'german', header: '对德合作', width: 80, align: 'center', filter: 'text' },
  { id: 'status', header: '状态', width: 76, filter: 'text' },
  { id: 'total_investment', header: '总投资（万元）', width: 130, align: 'right', format: money, filter: 'number' },
  { id: 'year_plan_investment', header: '年度计划（万元）', width: 140, align: 'right', format: money, filter: 'number' },
  { id: 'completed', header: '本年完成（万元）', width: 140, align: 'right', format: money, filter: 'number' },
  {
    id: 'completion',
    header: '完成率',
    width: 90,
    align: 'right',
    format: (v) => formatPercent(v as number | null),
    cellClass: (_, row) => (row.behind ? 'num-down flag' : undefined),
  },
  { id: 'progress', header: '形象进度（%）', width: 110, align: 'right', format: (v) => (v === null ? MISSING : formatNumber(v as number, 1)), filter: 'number' },
  { id: 'behind', header: '进度', width: 70, format: (v) => (v ? '滞后' : '正常'), cellClass: (v) => (v ? 'num-down' : undefined) },
  { id: 'start_date', header: '开工日期', width: 104 },
  { id: 'planned_finish', header: '计划竣工', width: 104 },
  { id: 'owner_unit', header: '建设单位', width: 200, filter: 'text' },
]

export function ProjectsTable({ filters }: Props) {
  const source = useMemo(() => ({ query: projectsTableSql(filters) }), [filters])
  return (
    <QueryGrid
      id="projects-table"
      title="重点项目明细"
      tables={TABLES}
      source={source}
      columns={COLUMNS}
      tiebreak={['project_id']}
      initialSort={[{ id: 'total_investment', desc: true }]}
      emptyText="所选范围内没有重点项目"
    />
  )
}

