import {
  projectGroupsOption,
  projectGroupsScale,
  projectsMonthlyOption,
  projectsMonthlyScale,
  projectsPipelineOption,
  timelineOption,
} from '../charts/projects'
import { formatNumber, formatPercent, formatWan } from '../lib/format'
import { monthSpan, parsePeriod, rangeLabel } from '../lib/period'
import {
  BEHIND_MARGIN,
  type PipelineRow,
  PROJECT_ANCHOR,
  type ProjectGroupRow,
  type ProjectMonthRow,
  projectsByClusterSql,
  projectsByTownSql,
  projectsMonthlySql,
  projectsPipelineSql,
  type ProjectsSummaryRow,
  projectsSummarySql,
  projectsTableSql,
  projectsTimelineSql,
  type TimelineRow,
} from '../queries/projects'
import { from, over } from '../queries/query'
import { LATEST } from '../queries/scope'
import { deskPage } from './page'
import { chart, narrative, table } from './types'

/** Key projects (重点项目): the pipeline, town and cluster charts cross-filter the page. */

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

/** The page's opening sentences: the year's list, investment against plan, German cooperation, projects behind. */
export const PROJECTS_NARRATIVE = narrative<ProjectsSummaryRow>('projects-narrative', '综述', {
  query: over(projectsSummarySql),
  compose: projectsNarrative,
})

const NO_LIST = '所选年度没有重点项目清单'
const noProjects = (rows: readonly { projects: number }[]) => rows.every((r) => r.projects === 0)

export const PROJECTS_MONTHLY = chart<ProjectMonthRow>('projects-monthly', '年度计划与完成投资', {
  subtitle: (rows) => {
    const last = rows[rows.length - 1]
    return last
      ? `${projectsMonthlyScale(rows).unit} · ${rangeLabel(rows[0]!.period, last.period)}` +
          ` · 累计完成年度计划${formatPercent(last.completion)}`
      : ''
  },
  query: over(projectsMonthlySql),
  option: projectsMonthlyOption,
  isEmpty: (rows) => rows.every((r) => r.plan === null),
  emptyText: NO_LIST,
  wall: {
    id: 'screen-projects-monthly',
    subtitle: (rows) =>
      rows[0] ? `${projectsMonthlyScale(rows).unit} · ${rangeLabel(rows[0].period, rows.at(-1)!.period)}` : '',
    isEmpty: (rows) => rows.every((r) => r.completed === null),
  },
})

/** It selects statuses, so its query is not filtered by them; the selection is highlighted instead. */
export const PROJECTS_PIPELINE = chart<PipelineRow>('projects-pipeline', '推进状态', {
  subtitle: () => '前期→新开工→在建→竣工→投产 · 项目数与年度计划投资 · 点击筛选',
  query: over(projectsPipelineSql),
  crossFilter: { dimension: 'statuses', cross: true },
  option: projectsPipelineOption,
  isEmpty: noProjects,
  emptyText: NO_LIST,
})

export const PROJECTS_TIMELINE = chart<TimelineRow>('projects-timeline', '建设周期', {
  subtitle: (rows) => {
    const shown =
      rows[0] && rows[0].listed > rows.length
        ? `总投资最大的${rows.length}个（共${rows[0].listed}个），可滚动`
        : `共${rows.length}个`
    return `开工至计划竣工，按开工时间排列；红框为投资完成滞后，虚线为统计截止月 · ${shown}`
  },
  query: over(projectsTimelineSql),
  option: timelineOption,
  emptyText: NO_LIST,
  height: 460,
  wall: {
    id: 'screen-projects-timeline',
    title: '重点项目建设周期',
    subtitle: () => '总投资最大的12个项目 · 红框为滞后',
    query: from(projectsTimelineSql(LATEST, 12)),
  },
})

/** The wall's subtitle of both group charts. */
const groupsOnWall = (rows: readonly ProjectGroupRow[]) => `${projectGroupsScale(rows).unit} · 计划与完成，折线为完成率`

export const PROJECTS_BY_TOWN = chart<ProjectGroupRow>('projects-by-town', '分镇区', {
  subtitle: (rows) => `${projectGroupsScale(rows).unit} · 年度计划与本年完成投资，折线为完成率 · 点击筛选镇区`,
  query: over(projectsByTownSql),
  crossFilter: { dimension: 'towns', cross: true },
  option: projectGroupsOption,
  isEmpty: noProjects,
  emptyText: NO_LIST,
  wall: { id: 'screen-projects-town', title: '分镇区投资', subtitle: groupsOnWall, isEmpty: (rows) => !rows.length },
})

export const PROJECTS_BY_CLUSTER = chart<ProjectGroupRow>('projects-by-cluster', '分产业集群', {
  subtitle: (rows) =>
    `${projectGroupsScale(rows).unit} · 基础设施、社会民生等不属于集群的项目计入“非产业项目” · 点击筛选集群`,
  query: over(projectsByClusterSql),
  // 非产业项目 has no cluster to filter by (its key is empty).
  crossFilter: { dimension: 'clusters', cross: true },
  option: projectGroupsOption,
  isEmpty: noProjects,
  emptyText: NO_LIST,
  wall: {
    id: 'screen-projects-cluster',
    title: '分产业集群投资',
    subtitle: groupsOnWall,
    isEmpty: (rows) => !rows.length,
  },
})

export const PROJECTS_TABLE = table<unknown>('projects-table', '重点项目明细', {
  query: over(projectsTableSql),
  order: { sort: [{ id: 'total_investment', desc: true }], tiebreak: ['project_id'] },
  emptyText: '所选范围内没有重点项目',
})

/** The pipeline, town and cluster charts cross-filter the page. */
export const PROJECTS_PAGE = deskPage({
  path: '/projects',
  title: '重点项目',
  lede: '年度重点项目清单（省重大、苏州重点、市级重点）的投资完成、推进状态和建设周期；序时进度按年度计划平均分摊到各月',
  anchor: PROJECT_ANCHOR,
  german: true,
  narrative: PROJECTS_NARRATIVE,
  grid: [
    [8, PROJECTS_MONTHLY],
    [4, PROJECTS_PIPELINE],
    [6, PROJECTS_BY_TOWN],
    [6, PROJECTS_BY_CLUSTER],
    [12, PROJECTS_TIMELINE],
    [12, PROJECTS_TABLE],
  ],
})
