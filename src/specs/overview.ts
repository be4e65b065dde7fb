import { SCHEMATIC_MAP, schematicGeoJson } from '../charts/geo/schematic'
import { townMapOption } from '../charts/overview'
import { pipelineOption } from '../charts/projects'
import { periodLabel } from '../lib/period'
import { INDICATOR_ANCHOR } from '../queries/indicators'
import type { ItemRow } from '../queries/livelihood'
import { type ActivityRow, latestActivitiesSql, type TownMapRow, townMapSql } from '../queries/overview'
import { type PipelineRow, projectsPipelineSql } from '../queries/projects'
import { from, over } from '../queries/query'
import { CLUSTER_YTD } from './clusters'
import { type KpiRows, KPIS } from './kpis'
import { LIVELIHOOD_ITEMS } from './livelihood'
import { deskPage } from './page'
import { chart, type ChartSpec, list, type ListSpec, type SummarySpec } from './types'

/** The Overview (总览): the home page, and the wall's first page. */

/**
 * The Overview's opening sentences, every figure from the five headline figures' queries (the
 * cards ask the same ones, so words and cards always agree):
 * "截至2026年10月，19家观察点企业中18家已报送当月数据；1—10月累计产值280.59亿元，同比增长5.4%。…"
 */
export function overviewNarrative(rows: KpiRows): string {
  const parts: string[] = []
  const output = KPIS.output.sentence(rows.output)
  if (output) parts.push(`截至${periodLabel(rows.output.through!)}，${KPIS.points.sentence(rows.points)}`, output)
  for (const key of ['projects', 'livelihood', 'suggestions'] as const) {
    const clause = (KPIS[key].sentence as (row: KpiRows[typeof key]) => string | null)(rows[key])
    if (clause) parts.push(clause)
  }
  return parts.length ? `${parts.join('；')}。` : '尚无可汇总的数据。'
}

export const OVERVIEW_NARRATIVE: SummarySpec<KpiRows> = {
  kind: 'summary',
  id: 'overview-narrative',
  title: '综述',
  parts: KPIS,
  compose: overviewNarrative,
}

export const TOWN_MAP = chart<TownMapRow>('town-map', '镇区分布', {
  subtitle: () => '示意图：按镇区中心点划分的示意区域，非实际行政区划；颜色为观察点累计产值',
  query: over(townMapSql),
  crossFilter: { dimension: 'towns', cross: true },
  // The schematic drawn around the towns' centres; the view puts a user's own boundaries in its place.
  option: (rows, ctx) => townMapOption(rows, { ...ctx, map: SCHEMATIC_MAP, schematic: true }),
  maps: (rows) => ({ [SCHEMATIC_MAP]: schematicGeoJson(rows) }),
  height: 420,
  wall: {
    id: 'screen-town-map',
    subtitle: () => '观察点与重点项目 · 示意图，非实际行政边界',
    adapt: false,
  },
})

export const OVERVIEW_PROJECT_STATUS = chart<PipelineRow>('overview-project-status', '重点项目推进状态', {
  subtitle: () => '本年重点项目清单，按推进状态 · 个',
  query: over(projectsPipelineSql),
  crossFilter: { dimension: 'statuses', cross: true },
  option: pipelineOption,
  isEmpty: (rows) => rows.every((r) => r.projects === 0),
  emptyText: '本年尚无重点项目清单',
  // As tall as the livelihood chart beside it: the row's cards end together, with no blank half.
  height: 420,
  wall: { id: 'screen-project-status', subtitle: () => '本年重点项目 · 个', cycle: true },
})

export const OVERVIEW_ITEMS: ChartSpec<ItemRow> = {
  ...LIVELIHOOD_ITEMS,
  id: 'overview-livelihood',
  title: '民生实事进度',
  subtitle: (rows) => `${rows[0]?.year ?? ''}年代表票决项目 · 累计进度与序时进度`,
  crossFilter: undefined,
  emptyText: '本年尚无民生实事项目',
  height: 420,
  wall: undefined,
}

/** The newest supervision activities, as a list that reads at a glance. */
export const LATEST_ACTIVITIES = list<ActivityRow>('overview-activities', '最新监督活动', {
  subtitle: '监督工作台账',
  query: () => from(latestActivitiesSql(12)),
  emptyText: '台账中没有监督活动',
})

/** The same list on the wall, longer: it scrolls. */
export const ACTIVITY_TICKER: ListSpec<ActivityRow> = {
  ...LATEST_ACTIVITIES,
  id: 'screen-activities',
  subtitle: undefined,
  query: () => from(latestActivitiesSql(20)),
}

/** The Overview's views in their order: the cluster bars, the town map and the status chart cross-filter it. */
export const OVERVIEW_PAGE = deskPage({
  path: '/',
  title: '总览',
  anchor: INDICATOR_ANCHOR,
  german: true,
  narrative: OVERVIEW_NARRATIVE,
  figures: Object.values(KPIS),
  grid: [
    [5, TOWN_MAP],
    [7, CLUSTER_YTD],
    [4, OVERVIEW_PROJECT_STATUS],
    [4, OVERVIEW_ITEMS],
    [4, LATEST_ACTIVITIES],
  ],
})
