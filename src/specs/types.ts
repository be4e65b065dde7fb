import type { ChartContext, EChartsOption } from '../charts/common'
import { getTable } from '../datasets/registry'
import { rangeLabel } from '../lib/period'
import { type FilterDimension, type FilterSet, without } from '../queries/filters'
import type { Query, QueryBuilder } from '../queries/query'

/**
 * Specs: one definition per chart, headline figure, narrative, list and table — what it is
 * called, what it asks (a Query: SQL and the tables it reads), which dimension a click on it
 * selects, how it is drawn and how it reads in words. The desk, the wall, the exports and the
 * briefing render from them; the build (in Node) runs their queries. Pure data and functions:
 * no React, no engine.
 */

/** A dimension a click on a view can select: a list of values in the URL. */
export type Dimension = Exclude<FilterDimension, 'german'>

/** How a view takes part in cross-filtering: the filter a click on it sets. */
export interface CrossFilter {
  readonly dimension: Dimension
  /**
   * Not filtered by its own selection (Mosaic's `crossfilter` resolution): every value stays
   * and the selected ones are highlighted, while the rest of the page follows the filter.
   */
  readonly cross: boolean
}

interface ViewSpec<R> {
  /** The view's id on the desk (`data-widget`). */
  readonly id: string
  readonly title: string
  /** What it asks for the page's filters (the cross-filter resolution is applied by `viewQuery`). */
  readonly query: QueryBuilder<R>
  readonly crossFilter?: CrossFilter
  /** When an answer means "no data" rather than zero; default: no rows. */
  readonly isEmpty?: (rows: readonly R[]) => boolean
  readonly emptyText?: string
  /** Its height on the desk, in CSS pixels. */
  readonly height?: number
}

/** A chart on the wall: the desk chart, worded for the wall where it differs. */
export interface WallChart<R> {
  readonly id: string
  readonly title?: string
  readonly subtitle?: (rows: readonly R[]) => string
  /** Its query there (always the latest data, no filters); default: the desk query with none. */
  readonly query?: Query<R>
  readonly isEmpty?: (rows: readonly R[]) => boolean
  readonly emptyText?: string
  /** Cycle a highlight through the items (pie slices, a few bars). */
  readonly cycle?: boolean
  /** Re-lay legends and labels for large type (off for the map, which has no axes or legend rows). */
  readonly adapt?: boolean
}

export interface ChartSpec<R = never> extends ViewSpec<R> {
  readonly kind: 'chart'
  /** Unit and period, from the rows (e.g. "亿元 · 2026年1—10月"): under the title and in every caption. */
  readonly subtitle?: (rows: readonly R[], filters: FilterSet) => string
  /** The pure option builder. */
  readonly option: (rows: readonly R[], ctx: ChartContext) => EChartsOption
  /** GeoJSON maps the option refers to, by name. */
  readonly maps?: (rows: readonly R[]) => Readonly<Record<string, object>>
  /** A click opens the point's detail instead of setting a filter. */
  readonly drill?: 'point'
  readonly wall?: WallChart<R>
  /** The sentence the briefing writes under it; without one, the briefing describes the figures drawn. */
  readonly sentence?: (rows: readonly R[], filters: FilterSet) => string
  /** What its view asks besides (the survey the satisfaction chart offers to go to). */
  readonly also?: readonly Extract<Spec, { kind: 'list' }>[]
}

/** A headline figure's text: the number, its unit, and the lines under it. */
export interface KpiText {
  readonly value: string
  readonly unit: string
  readonly lines: readonly string[]
}

export interface KpiSpec<R = never> extends ViewSpec<R> {
  readonly kind: 'kpi'
  /** The figure's id on the wall. */
  readonly wallId: string
  /** The card's text from the query's one row. */
  readonly present: (row: R) => KpiText
  /** A note on method, on hover. */
  readonly hint?: string
  /** The change the second line states (coloured by its sign). */
  readonly trend?: (row: R) => number | null
  /** The second line is a warning (on the desk). */
  readonly warn?: (row: R) => boolean
  /** A bar under the lines. */
  readonly progress?: { readonly ratio: (row: R) => number; readonly label: string }
  /** The number the wall counts up to, and the row with a number in its place (formatted as the figure is). */
  readonly count: { readonly value: (row: R) => number; readonly withValue: (row: R, n: number) => R }
  /** The clause the Overview's narrative and the briefing write for it; null when there is nothing to say. */
  readonly sentence: (row: R) => string | null
}

export interface NarrativeSpec<R = never> extends ViewSpec<R> {
  readonly kind: 'narrative'
  /** Formal Chinese from the query's one row: every figure comes from the SQL. */
  readonly compose: (row: R) => string
}

/** A list or a panel of figures with a view of its own (warnings, activities, counters). */
export interface ListSpec<R = never> extends ViewSpec<R> {
  readonly kind: 'list'
  readonly subtitle?: string
}

/** A table read window by window from a query: its first window is what a view shows first. */
export interface TableSpec<R = never> extends ViewSpec<R> {
  readonly kind: 'table'
  /** The order its rows come in first, and the columns that make any order unique (for stable paging). */
  readonly order: {
    readonly sort: readonly { readonly id: string; readonly desc: boolean }[]
    readonly tiebreak: readonly string[]
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a registry holds specs of every row type */
export type Spec =
  ChartSpec<any> | KpiSpec<any> | NarrativeSpec<any> | ListSpec<any> | TableSpec<any> | SummarySpec<any>
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The filters a view's query sees: without its own dimension when it cross-filters. */
export function ownFilters(spec: { readonly crossFilter?: CrossFilter }, filters: FilterSet): FilterSet {
  return spec.crossFilter?.cross ? without(filters, [spec.crossFilter.dimension]) : filters
}

/** What a view asks for the page's filters. */
export function viewQuery<R>(spec: ViewSpec<R>, filters: FilterSet): Query<R> {
  return spec.query(ownFilters(spec, filters))
}

/** The keys of a view's own dimension that are selected now: shown highlighted. */
export function selectedIn(spec: { readonly crossFilter?: CrossFilter }, filters: FilterSet): readonly string[] {
  return spec.crossFilter ? (filters[spec.crossFilter.dimension] ?? []) : []
}

export const isEmptyRows = <R>(spec: ViewSpec<R>, rows: readonly R[]): boolean =>
  spec.isEmpty ? spec.isEmpty(rows) : rows.length === 0

/** The chart's caption for the page's filters: title, unit and period, and the tables it comes from, named. */
export function captionOf<R>(spec: ChartSpec<R>, rows: readonly R[], filters: FilterSet) {
  const subtitle = spec.subtitle?.(rows, filters)
  return {
    title: spec.title,
    ...(subtitle ? { subtitle } : {}),
    sources: sourceNames(viewQuery(spec, filters).tables),
  }
}

/** The Chinese names of tables: a view's data source. */
export const sourceNames = (tables: readonly string[]) => tables.map((t) => getTable(t)?.label ?? t)

/** A composite narrative written from several headline figures' rows (the Overview's). */
export interface SummarySpec<Rows extends object> {
  readonly kind: 'summary'
  readonly id: string
  readonly title: string
  readonly parts: { readonly [K in keyof Rows]: KpiSpec<Rows[K]> }
  readonly compose: (rows: Rows) => string
}

/** "2026年1—10月" from rows that carry their scope's start and end. */
export const spanOf = (rows: readonly { start: string; through: string }[]) =>
  rows[0] ? rangeLabel(rows[0].start, rows[0].through) : ''

/** "2026年" from rows that carry a 'YYYY-MM' period. */
export const yearOf = (rows: readonly { period: string }[]) => (rows[0] ? `${rows[0].period.slice(0, 4)}年` : '')

/** A spec's fields besides its kind, id and title. */
type Body<S> = Omit<S, 'kind' | 'id' | 'title'>

const make = <S>(kind: string, id: string, title: string, body: object): S => ({ kind, id, title, ...body }) as S

// Each kind of spec by its id and title, then the rest.
export const chart = <R>(id: string, title: string, body: Body<ChartSpec<R>>) =>
  make<ChartSpec<R>>('chart', id, title, body)
export const kpi = <R>(id: string, title: string, body: Body<KpiSpec<R>>) => make<KpiSpec<R>>('kpi', id, title, body)
export const list = <R>(id: string, title: string, body: Body<ListSpec<R>>) =>
  make<ListSpec<R>>('list', id, title, body)
export const table = <R>(id: string, title: string, body: Body<TableSpec<R>>) =>
  make<TableSpec<R>>('table', id, title, body)
export const narrative = <R>(id: string, title: string, body: Body<NarrativeSpec<R>>) =>
  make<NarrativeSpec<R>>('narrative', id, title, body)
