import type { ReactNode } from 'react'

import {
  ScreenActivitiesByYear,
  type ScreenChartProps,
  ScreenClusterHeatmap,
  ScreenClusterShare,
  ScreenClusterTrend,
  ScreenClusterYtd,
  ScreenIssues,
  ScreenItemsProgress,
  ScreenLivelihoodBudget,
  ScreenLivelihoodCategory,
  ScreenLivelihoodMonthly,
  ScreenMicro,
  ScreenPointRanking,
  ScreenProjectsByCluster,
  ScreenProjectsByTown,
  ScreenProjectsMonthly,
  ScreenProjectStatus,
  ScreenProjectsTimeline,
  ScreenSuggestionCategories,
  ScreenSuggestions,
  ScreenTownMap,
  ScreenVotes,
} from '../widgets/screen/ScreenCharts'
import { ScreenKpi, ScreenKpis } from '../widgets/screen/ScreenKpis'
import { ActivityTicker, WarningTicker } from '../widgets/screen/ScreenLists'
import { SupervisionCounters } from '../widgets/screen/SupervisionCounters'
import type { ScreenPage } from './kiosk'
import type { Column } from './layout'

type Panel = (p: ScreenChartProps) => ReactNode

/** Every panel the wall can show, by id. Lists and counters take the box; charts take its chart height. */
export const PANELS: Record<string, Panel> = {
  kpis: ({ motion }) => <ScreenKpis motion={motion} />,
  'kpi-projects': ({ motion }) => <ScreenKpi kind="projects" motion={motion} />,
  'kpi-livelihood': ({ motion }) => <ScreenKpi kind="livelihood" motion={motion} />,
  'kpi-output': ({ motion }) => <ScreenKpi kind="output" motion={motion} />,
  map: (p) => <ScreenTownMap {...p} />,
  activities: ({ motion }) => <ActivityTicker id="screen-activities" motion={motion} />,
  warnings: ({ motion }) => <WarningTicker id="screen-warnings" motion={motion} filters={{}} />,
  'cluster-ytd': (p) => <ScreenClusterYtd {...p} />,
  'cluster-share': (p) => <ScreenClusterShare {...p} />,
  'cluster-trend': (p) => <ScreenClusterTrend {...p} />,
  'cluster-heatmap': (p) => <ScreenClusterHeatmap {...p} />,
  ranking: (p) => <ScreenPointRanking {...p} />,
  issues: (p) => <ScreenIssues {...p} />,
  'project-status': (p) => <ScreenProjectStatus {...p} />,
  'projects-monthly': (p) => <ScreenProjectsMonthly {...p} />,
  'projects-town': (p) => <ScreenProjectsByTown {...p} />,
  'projects-cluster': (p) => <ScreenProjectsByCluster {...p} />,
  'projects-timeline': (p) => <ScreenProjectsTimeline {...p} />,
  'livelihood-progress': (p) => <ScreenItemsProgress {...p} />,
  'livelihood-monthly': (p) => <ScreenLivelihoodMonthly {...p} />,
  'livelihood-category': (p) => <ScreenLivelihoodCategory {...p} />,
  'livelihood-budget': (p) => <ScreenLivelihoodBudget {...p} />,
  'livelihood-votes': (p) => <ScreenVotes {...p} />,
  'supervision-counters': ({ motion }) => <SupervisionCounters motion={motion} />,
  'supervision-activities': (p) => <ScreenActivitiesByYear {...p} />,
  'supervision-suggestions': (p) => <ScreenSuggestions {...p} />,
  'supervision-categories': (p) => <ScreenSuggestionCategories {...p} />,
  'supervision-micro': (p) => <ScreenMicro {...p} />,
}

const col = (width: number, ...panels: (string | [string, number])[]): Column => ({
  width,
  panels: panels.map((p) => (typeof p === 'string' ? { id: p } : { id: p[0], weight: p[1] })),
})

/**
 * Each page's panels on the 16:9 canvas (side columns 456, centre 912: the classic
 * 大屏 reading order of figures left, main visual centre, detail right), and re-laid for a
 * 32:9 wall with more panels side by side rather than the same ones stretched.
 */
export const PAGE_LAYOUTS: Record<ScreenPage, { readonly fit: readonly Column[]; readonly wide: readonly Column[] }> = {
  overview: {
    fit: [col(456, 'kpis'), col(912, ['map', 57], ['cluster-ytd', 43]), col(456, ['warnings', 50], ['activities', 50])],
    wide: [
      col(456, 'kpis'),
      col(1180, 'map'),
      col(700, 'cluster-ytd', 'cluster-share'),
      col(700, 'project-status', 'livelihood-monthly'),
      col(0, 'activities', 'warnings'),
    ],
  },
  clusters: {
    fit: [
      col(540, ['cluster-share', 52], ['issues', 48]),
      col(752, ['cluster-trend', 50], ['cluster-heatmap', 50]),
      col(540, ['ranking', 58], ['warnings', 42]),
    ],
    wide: [
      col(700, 'cluster-ytd', 'cluster-share'),
      col(1180, 'cluster-trend', 'cluster-heatmap'),
      col(880, ['ranking', 60], ['issues', 40]),
      col(0, 'kpi-output', ['warnings', 2.6]),
    ],
  },
  projects: {
    fit: [
      col(456, ['kpi-projects', 30], ['project-status', 70]),
      col(912, ['projects-monthly', 55], ['projects-town', 45]),
      col(456, 'projects-cluster'),
    ],
    wide: [
      col(600, ['kpi-projects', 30], ['project-status', 70]),
      col(1180, ['projects-monthly', 55], ['projects-town', 45]),
      col(700, 'projects-cluster'),
      col(0, 'projects-timeline'),
    ],
  },
  livelihood: {
    fit: [
      col(456, ['kpi-livelihood', 30], ['livelihood-category', 70]),
      col(912, 'livelihood-progress'),
      col(456, 'livelihood-monthly', 'livelihood-budget'),
    ],
    wide: [
      col(600, ['kpi-livelihood', 30], ['livelihood-category', 70]),
      col(1180, 'livelihood-progress'),
      col(880, 'livelihood-votes'),
      col(0, 'livelihood-monthly', 'livelihood-budget'),
    ],
  },
  supervision: {
    fit: [
      col(456, 'supervision-counters'),
      col(912, ['supervision-activities', 52], ['supervision-suggestions', 48]),
      col(456, ['activities', 55], ['supervision-micro', 45]),
    ],
    wide: [
      col(600, 'supervision-counters'),
      col(1180, 'supervision-activities', 'supervision-suggestions'),
      col(880, 'supervision-categories', 'supervision-micro'),
      col(0, 'activities'),
    ],
  },
}
