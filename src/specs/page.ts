import { ACTIVITY_TYPES, LIVELIHOOD_CATEGORIES, PROJECT_STATUSES } from '../datasets/vocabulary'
import { browseSql, countSql } from '../queries/browse'
import type { FilterSet } from '../queries/filters'
import { type FilterOptionsRow, filterOptionsSql } from '../queries/options'
import { from, type Query } from '../queries/query'
import { LATEST, type ScopeAnchor } from '../queries/scope'
import {
  type ChartSpec,
  type Dimension,
  type KpiSpec,
  type ListSpec,
  type Spec,
  type TableSpec,
  viewQuery,
} from './types'

/**
 * A page as data: which views it shows in its default state. What its prefetching derives
 * the views one click away from, and what the build runs to ship answers with the app.
 */

/** The filter bar's choices for a page: years from its anchor table, every cluster and town. */
export const filterBar = (anchor: ScopeAnchor): ListSpec<FilterOptionsRow> => ({
  kind: 'list',
  id: 'filters',
  title: '筛选',
  query: () => from(filterOptionsSql(anchor)),
  isEmpty: () => false,
})

export interface DeskPage {
  readonly path: string
  readonly title: string
  readonly lede?: string
  /** The table whose months are the page's "latest" and whose years its filter bar offers. */
  readonly anchor: ScopeAnchor
  /** The filter bar's German-cooperation toggle, and its cluster and town filters. */
  readonly german?: boolean
  readonly places?: boolean
  readonly narrative: Extract<Spec, { kind: 'narrative' | 'summary' }>
  /** Headline figures between the filter bar and the grid. */
  readonly figures?: readonly Extract<Spec, { kind: 'kpi' }>[]
  /** The grid: each view with the columns (of 12) it spans, in reading order. */
  readonly grid: readonly (readonly [span: number, spec: Spec])[]
  /** Every view of its default state: its filter bar, narrative, figures, grid, and what they also ask. */
  readonly specs: readonly Spec[]
}

/** A desk page's definition, its views listed once: its grid is its layout. */
export function deskPage(page: Omit<DeskPage, 'specs'>): DeskPage {
  const shown = [page.narrative, ...(page.figures ?? []), ...page.grid.map(([, spec]) => spec)]
  const also = shown.flatMap((s) => (s.kind === 'chart' ? (s.also ?? []) : []))
  return { ...page, specs: [filterBar(page.anchor), ...shown, ...also] }
}

/** The query a chart asks on the wall. */
export function wallQuery<R>(spec: ChartSpec<R>): Query<R> {
  return spec.wall?.query ?? viewQuery(spec, LATEST)
}

/** A table's first queries for a view: its row count and its first window in its initial order. */
export function tableQueries(spec: TableSpec<unknown>, filters: FilterSet, firstWindow: number): Query[] {
  const q = viewQuery(spec, filters)
  const source = { query: q.sql, derived: q.derived }
  return [
    from(countSql(source, [])),
    from(
      browseSql({
        source,
        sort: spec.order.sort,
        tiebreak: spec.order.tiebreak,
        filters: [],
        offset: 0,
        limit: firstWindow,
      }),
    ),
  ]
}

/** What a view asks for the page's filters (a table: its count and first window). */
export function specQueries(spec: Spec, filters: FilterSet, firstWindow: number): Query[] {
  if (spec.kind === 'summary') return Object.values(spec.parts).map((p) => viewQuery(p as KpiSpec<unknown>, filters))
  if (spec.kind === 'table') return tableQueries(spec, filters, firstWindow)
  return [viewQuery(spec as KpiSpec<unknown>, filters) as Query]
}

/** Every query of a page's view for the filters. */
export function pageQueries(p: DeskPage, filters: FilterSet, firstWindow: number): Query[] {
  return p.specs.flatMap((s) => specQueries(s, filters, firstWindow))
}

/** The dimensions a page's views cross-filter by, in the order they appear: its views one click away. */
export function crossFilterDimensions(specs: readonly Spec[]): Dimension[] {
  const dims = specs.flatMap((s) => ('crossFilter' in s && s.crossFilter ? [s.crossFilter.dimension] : []))
  return [...new Set(dims)]
}

/** The values a click can select on a dimension: the vocabulary's, or (clusters, towns) the data's. */
export function dimensionValues(dimension: Dimension, options: readonly FilterOptionsRow[]): readonly string[] {
  switch (dimension) {
    case 'statuses':
      return PROJECT_STATUSES
    case 'categories':
      return LIVELIHOOD_CATEGORIES
    case 'types':
      return ACTIVITY_TYPES.map((t) => t.type)
    case 'clusters':
    case 'towns': {
      const kind = dimension === 'clusters' ? 'cluster' : 'town'
      return options.filter((o) => o.kind === kind).map((o) => String(o.value))
    }
  }
}

/** Each click one step away from a page's view: a dimension and a value to toggle. */
export function clicksAway(p: DeskPage, options: readonly FilterOptionsRow[]) {
  return crossFilterDimensions(p.specs).flatMap((dimension) =>
    dimensionValues(dimension, options).map((value) => ({ dimension, value })),
  )
}
