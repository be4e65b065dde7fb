import type { Query } from '../queries/query'
import { LATEST } from '../queries/scope'
import {
  CLUSTER_HEATMAP,
  CLUSTER_SHARE,
  CLUSTER_TREND,
  CLUSTER_YTD,
  CLUSTERS_PAGE,
  ISSUES,
  POINT_RANKING,
  WARNING_TICKER,
} from './clusters'
import { KPIS } from './kpis'
import {
  LIVELIHOOD_BUDGET,
  LIVELIHOOD_CATEGORIES,
  LIVELIHOOD_ITEMS,
  LIVELIHOOD_MONTHLY,
  LIVELIHOOD_PAGE,
  LIVELIHOOD_VOTES,
} from './livelihood'
import { ACTIVITY_TICKER, OVERVIEW_PAGE, OVERVIEW_PROJECT_STATUS, TOWN_MAP } from './overview'
import { type DeskPage, wallQuery } from './page'
import { PROJECTS_BY_CLUSTER, PROJECTS_BY_TOWN, PROJECTS_MONTHLY, PROJECTS_PAGE, PROJECTS_TIMELINE } from './projects'
import {
  ACTIVITIES,
  MICRO,
  SUGGESTION_CATEGORIES,
  SUGGESTIONS_BY_YEAR,
  SUPERVISION_COUNTERS,
  SUPERVISION_PAGE,
} from './supervision'
import { type KpiSpec, type Spec, viewQuery } from './types'

/**
 * Every page as data: the desk's dashboards and the wall's panels, each with the specs it
 * shows. The build runs their queries (in Node) to ship answers with the app.
 */

export const DESK_PAGES = {
  overview: OVERVIEW_PAGE,
  clusters: CLUSTERS_PAGE,
  projects: PROJECTS_PAGE,
  livelihood: LIVELIHOOD_PAGE,
  supervision: SUPERVISION_PAGE,
} as const satisfies Record<string, DeskPage>

/** Every panel the wall can show, by id: the specs it renders (always at the latest data, unfiltered). */
export const WALL_PANELS = {
  kpis: Object.values(KPIS),
  'kpi-projects': [KPIS.projects],
  'kpi-livelihood': [KPIS.livelihood],
  'kpi-output': [KPIS.output],
  map: [TOWN_MAP],
  activities: [ACTIVITY_TICKER],
  warnings: [WARNING_TICKER],
  'cluster-ytd': [CLUSTER_YTD],
  'cluster-share': [CLUSTER_SHARE],
  'cluster-trend': [CLUSTER_TREND],
  'cluster-heatmap': [CLUSTER_HEATMAP],
  ranking: [POINT_RANKING],
  issues: [ISSUES],
  'project-status': [OVERVIEW_PROJECT_STATUS],
  'projects-monthly': [PROJECTS_MONTHLY],
  'projects-town': [PROJECTS_BY_TOWN],
  'projects-cluster': [PROJECTS_BY_CLUSTER],
  'projects-timeline': [PROJECTS_TIMELINE],
  'livelihood-progress': [LIVELIHOOD_ITEMS],
  'livelihood-monthly': [LIVELIHOOD_MONTHLY],
  'livelihood-category': [LIVELIHOOD_CATEGORIES],
  'livelihood-budget': [LIVELIHOOD_BUDGET],
  'livelihood-votes': [LIVELIHOOD_VOTES],
  'supervision-counters': [SUPERVISION_COUNTERS],
  'supervision-activities': [ACTIVITIES],
  'supervision-suggestions': [SUGGESTIONS_BY_YEAR],
  'supervision-categories': [SUGGESTION_CATEGORIES],
  'supervision-micro': [MICRO],
} as const satisfies Record<string, readonly Spec[]>

export type WallPanel = keyof typeof WALL_PANELS

/** What a wall panel asks. */
export function wallPanelQueries(panel: WallPanel): Query[] {
  return (WALL_PANELS[panel] as readonly Spec[]).map((s) =>
    s.kind === 'chart' ? wallQuery(s) : (viewQuery(s as KpiSpec<unknown>, LATEST) as Query),
  )
}
