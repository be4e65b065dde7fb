import { createCanvas } from '@napi-rs/canvas'

import {
  clusterHeatmapOption,
  clusterShareOption,
  clusterTrendOption,
  clusterYtdOption,
} from '../../src/charts/clusters'
import type { ChartContext, EChartsOption } from '../../src/charts/common'
import { SCHEMATIC_MAP, schematicGeoJson } from '../../src/charts/geo/schematic'
import { itemsProgressOption, livelihoodMonthlyOption } from '../../src/charts/livelihood'
import { townMapOption } from '../../src/charts/overview'
import { pipelineOption, projectGroupsOption, projectGroupsScale } from '../../src/charts/projects'
import { getTable } from '../../src/datasets/registry'
import type { NodeEngine } from '../../src/db/node'
import {
  assembleBriefing,
  type BriefingDocument,
  chartEntry,
  placementOf,
  type SectionInput,
} from '../../src/export/document'
import { printOption } from '../../src/export/print-option'
import { rangeLabel } from '../../src/lib/period'
import * as clusters from '../../src/queries/clusters'
import type { SqlQuery } from '../../src/queries/derived'
import type { FilterSet } from '../../src/queries/filters'
import * as kpi from '../../src/queries/kpi'
import * as livelihood from '../../src/queries/livelihood'
import * as overview from '../../src/queries/overview'
import * as projects from '../../src/queries/projects'
import { echarts } from '../../src/ui/echart/runtime'
import { attentionOf, type BriefingFacts, headlineOf, keyFigures } from '../../src/widgets/export/briefing-facts'
import { query } from './engine'

/**
 * A briefing built in Node the way the app builds one: the dashboard's own SQL on a real
 * DuckDB, the charts' own option builders, ECharts' SVG renderer for the vectors and its
 * canvas renderer (on @napi-rs/canvas) for the pictures.
 */
interface ChartDef<R> {
  readonly id: string
  readonly title: string
  readonly subtitle: (rows: readonly R[]) => string
  readonly tables: readonly string[]
  readonly sql: (filters: FilterSet) => string | SqlQuery
  readonly option: (rows: readonly R[], ctx: ChartContext) => EChartsOption
  readonly maps?: (rows: readonly R[]) => Record<string, object>
}
const def = <R>(d: ChartDef<R>) => d as unknown as ChartDef<Record<string, unknown>>
const span = (rows: readonly { start: string; through: string }[]) =>
  rows[0] ? rangeLabel(rows[0].start, rows[0].through) : ''
const POINTS = ['point_indicators', 'observation_points', 'clusters']

/** Charts of every kind the pages draw: combinations, a doughnut, lines, horizontal bars, a heat map, a map. */
export const CHARTS = [
  def<overview.TownMapRow>({
    id: 'overview-town-map',
    title: '镇区分布',
    subtitle: () => '观察点企业与重点项目 · 示意图',
    tables: ['towns', 'observation_points', 'point_indicators', 'key_projects', 'clusters', 'project_progress'],
    sql: overview.townMapSql,
    option: (rows, ctx) => townMapOption(rows, { ...ctx, map: SCHEMATIC_MAP, schematic: true }),
    maps: (rows) => ({ [SCHEMATIC_MAP]: schematicGeoJson(rows) }),
  }),
  def<clusters.ClusterYtdRow>({
    id: 'cluster-ytd',
    title: '各集群累计产值与同比',
    subtitle: (rows) => `产值：亿元/万元 · 同比：同口径 · ${span(rows)}`,
    tables: POINTS,
    sql: clusters.clusterYtdSql,
    option: clusterYtdOption,
  }),
  def<clusters.ClusterYtdRow>({
    id: 'cluster-share',
    title: '集群产值占比',
    subtitle: (rows) => `累计产值占比 · ${span(rows)}`,
    tables: POINTS,
    sql: clusters.clusterYtdSql,
    option: clusterShareOption,
  }),
  def<clusters.ClusterMonthRow>({
    id: 'cluster-trend',
    title: '月度产值走势',
    subtitle: (rows) => `当月产值 · ${rows[0] ? `${rows[0].period.slice(0, 4)}年` : ''}`,
    tables: POINTS,
    sql: clusters.clusterMonthlySql,
    option: clusterTrendOption,
  }),
  def<clusters.ClusterMonthRow>({
    id: 'cluster-heatmap',
    title: '分月同比增速热力图',
    subtitle: (rows) => `月份 × 集群 · 当月产值同比（同口径，%） · ${rows[0]?.period.slice(0, 4) ?? ''}年`,
    tables: POINTS,
    sql: clusters.clusterMonthlySql,
    option: clusterHeatmapOption,
  }),
  def<projects.PipelineRow>({
    id: 'overview-project-status',
    title: '重点项目推进状态',
    subtitle: () => '本年重点项目清单，按推进状态 · 个',
    tables: ['key_projects', 'project_progress'],
    sql: projects.projectsPipelineSql,
    option: pipelineOption,
  }),
  def<projects.ProjectGroupRow>({
    id: 'projects-by-town',
    title: '分镇区',
    subtitle: (rows) => `${projectGroupsScale(rows).unit} · 年度计划与本年完成投资，折线为完成率 · 点击筛选镇区`,
    tables: ['key_projects', 'project_progress', 'towns'],
    sql: projects.projectsByTownSql,
    option: projectGroupsOption,
  }),
  def<livelihood.ItemRow>({
    id: 'overview-livelihood',
    title: '民生实事进度',
    subtitle: (rows) => `${rows[0]?.year ?? ''}年代表票决项目 · 累计进度与序时进度`,
    tables: ['livelihood_items', 'livelihood_progress'],
    sql: livelihood.livelihoodItemsSql,
    option: itemsProgressOption,
  }),
  def<livelihood.LivelihoodMonthRow>({
    id: 'livelihood-monthly',
    title: '平均进度走势',
    subtitle: (rows) => `${rows[0] ? `${rows[0].period.slice(0, 4)}年` : ''} · 序时进度自2月起按月匀速推进至12月完成`,
    tables: ['livelihood_items', 'livelihood_progress'],
    sql: livelihood.livelihoodMonthlySql,
    option: livelihoodMonthlyOption,
  }),
]

export const CHART_SIZE = { width: 1000, height: 460, pixelRatio: 2 }

/** The chart alone as SVG (ECharts' SVG renderer, text as text). */
export function svgOf(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, 'observatory-light', { renderer: 'svg', ssr: true, width, height, locale: 'ZH' })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

// Text measured by Skia (with the machine's Noto CJK), as a browser would: ECharts lays labels
// out by their widths. Skia's measure takes no NUL, which zrender's table of ASCII widths starts with.
const measure = createCanvas(1, 1).getContext('2d')
echarts.setPlatformAPI({
  createCanvas: () => createCanvas(32, 32) as never,
  measureText: (text: string, font?: string) => {
    // A browser falls back to a CJK font for Chinese; Skia measures the generic family without one.
    measure.font = (font || '12px sans-serif').replace(/(^|\s)sans-serif$/, "$1'Noto Sans CJK SC', sans-serif")
    return measure.measureText(text.replace(/\0/g, ' '))
  },
})

/** The chart alone as PNG, `ratio` pixels per CSS pixel, on white. */
export function pngOf(option: EChartsOption, width: number, height: number, ratio: number): Uint8Array {
  const canvas = createCanvas(width * ratio, height * ratio)
  const chart = echarts.init(canvas as never, 'observatory-light', { width, height, devicePixelRatio: ratio })
  try {
    chart.setOption({ ...option, aria: { enabled: false } })
    // Painted whole into a new canvas, as the app's export does: the chart's own canvas is painted
    // in time slices, and on a busy machine the rest would come a frame later.
    const out = chart.renderToCanvas({ pixelRatio: ratio, backgroundColor: '#ffffff' }) as unknown as {
      toBuffer: (type: string) => Buffer
    }
    return new Uint8Array(out.toBuffer('image/png'))
  } finally {
    chart.dispose()
  }
}

/** The facts the briefing's figures, headline and attention list are written from, by the app's SQL. */
export async function factsOf(engine: NodeEngine, filters: FilterSet): Promise<BriefingFacts> {
  const one = async <T>(sql: string | SqlQuery) => (await query<T>(engine, sql))[0]
  const table = await query<{ name: string; behind: boolean; completion: number | null }>(
    engine,
    projects.projectsTableSql(filters),
  )
  return {
    points: await one(kpi.pointsReportingSql(filters)),
    output: await one(kpi.outputYtdSql(filters)),
    projects: await one(kpi.projectInvestmentSql(filters)),
    projectsSummary: await one(projects.projectsSummarySql(filters)),
    livelihood: await one(kpi.livelihoodProgressSql(filters)),
    livelihoodSummary: await one(livelihood.livelihoodSummarySql(filters)),
    suggestions: await one(kpi.suggestionsSql(filters)),
    warnings: await query(engine, clusters.warningsSql(filters, 0.1)),
    warnPercent: 10,
    projectsBehind: table
      .filter((r) => r.behind)
      .sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0))
      .map((r) => r.name),
  }
}

/** A whole briefing from the embedded data: every chart above, rendered as the format asks. */
export async function nodeBriefing(
  engine: NodeEngine,
  options: { filters?: FilterSet; svg?: boolean; png?: boolean; charts?: readonly string[] } = {},
): Promise<BriefingDocument> {
  const filters = options.filters ?? {}
  const sections: SectionInput[] = []
  for (const d of CHARTS) {
    if (options.charts && !options.charts.includes(d.id)) continue
    const rows = await query<Record<string, unknown>>(engine, d.sql(filters))
    const maps = d.maps?.(rows)
    for (const [name, geo] of Object.entries(maps ?? {})) echarts.registerMap(name, geo as never)
    const subtitle = d.subtitle(rows)
    const option = printOption(d.option(rows, { theme: 'light', font: 12 }), subtitle)
    const { width, height, pixelRatio } = CHART_SIZE
    sections.push({
      key: placementOf(d.tables),
      charts: [
        chartEntry({
          id: d.id,
          title: d.title,
          subtitle,
          option,
          width,
          height,
          sources: d.tables.map((t) => getTable(t)?.label ?? t),
          sample: true,
          ...(options.svg ? { svg: svgOf(option, width, height) } : {}),
          ...(options.png
            ? {
                png: {
                  png: pngOf(option, width, height, pixelRatio),
                  width: width * pixelRatio,
                  height: height * pixelRatio,
                },
              }
            : {}),
        }),
      ],
    })
  }
  const facts = await factsOf(engine, filters)
  const month = facts.points?.period
    ? `${Number(facts.points.period.slice(0, 4))}年${Number(facts.points.period.slice(5))}月`
    : null
  return assembleBriefing({
    title: '总览汇报材料',
    month,
    date: '2026年12月1日',
    headline: headlineOf(facts),
    filters: [],
    sample: true,
    figures: keyFigures(facts),
    sections,
    attention: attentionOf(facts),
    sources: CHARTS.flatMap((d) => d.tables).map((t) => getTable(t)?.label ?? t),
  })
}
