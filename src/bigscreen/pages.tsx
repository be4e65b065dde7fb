import type { ReactNode } from 'react'

import { WALL_PANELS, type WallPanel } from '../specs/pages'
import type { KpiSpec, Spec } from '../specs/types'
import { ScreenChart, type ScreenChartProps, ScreenTownMap } from '../widgets/screen/ScreenCharts'
import { ScreenKpi, ScreenKpis } from '../widgets/screen/ScreenKpis'
import { ActivityTicker, WarningTicker } from '../widgets/screen/ScreenLists'
import { SupervisionCounters } from '../widgets/screen/SupervisionCounters'
import type { ScreenPage } from './kiosk'
import type { Column } from './layout'

type Panel = (p: ScreenChartProps) => ReactNode

/** The lists and counters on the wall, by their spec's id: each has a view of its own. */
const LISTS: Record<string, Panel> = {
  'screen-activities': ({ motion }) => <ActivityTicker motion={motion} />,
  'screen-warnings': ({ motion }) => <WarningTicker motion={motion} />,
  'screen-supervision-counters': ({ motion }) => <SupervisionCounters motion={motion} />,
}

/** A panel's view, from the specs it shows. Lists and counters take the box; charts take its chart height. */
function panelOf(specs: readonly Spec[]): Panel {
  const [spec] = specs
  if (specs.length > 1) return ({ motion }) => <ScreenKpis specs={specs as KpiSpec<unknown>[]} motion={motion} />
  switch (spec?.kind) {
    case 'kpi':
      return ({ motion }) => <ScreenKpi spec={spec} motion={motion} />
    case 'chart':
      return spec.id === 'town-map' ? (p) => <ScreenTownMap {...p} /> : (p) => <ScreenChart spec={spec} {...p} />
    default: {
      const list = spec && LISTS[spec.id]
      if (!list) throw new Error(`No view for the wall panel of ${spec?.id}`)
      return list
    }
  }
}

/** Every panel the wall can show, by id. */
export const PANELS = Object.fromEntries(
  Object.entries(WALL_PANELS).map(([id, specs]) => [id, panelOf(specs as readonly Spec[])]),
) as Record<WallPanel | (string & {}), Panel>

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
