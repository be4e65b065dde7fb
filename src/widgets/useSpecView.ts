import type { FilterSet } from '../queries/filters'
import type { Query } from '../queries/query'
import { LATEST } from '../queries/scope'
import { type ChartSpec, isEmptyRows, type KpiSpec, type ListSpec, type NarrativeSpec, viewQuery } from '../specs/types'
import { usePrefetchQueries } from '../state/prefetch'
import { rowsOf, useQueryData, type WidgetData } from './useWidgetQuery'
import type { WidgetFrameProps } from './WidgetFrame'

type ViewSpec<R> = ChartSpec<R> | KpiSpec<R> | NarrativeSpec<R> | ListSpec<R>

export interface SpecViewOptions<R> {
  /** Its query for given filters, in place of the spec's (a view with a setting of its own: the warning threshold). */
  readonly queryFor?: (filters: FilterSet) => Query<R>
  /** On the wall: the latest data, its own id, asking again by itself after a failure, nothing fetched ahead. */
  readonly wall?: { readonly id: string }
}

/**
 * A view's data from its spec: its query for the page's filters (the cross-filter resolution
 * applied), and the same query for any filters registered with the page, so the views one
 * click away can be fetched ahead. `frame` is what its WidgetFrame shows of the spec and the
 * answer; `rows`, the current answer or the last good one.
 */
export function useSpecView<R>(spec: ViewSpec<R>, filters: FilterSet, options: SpecViewOptions<R> = {}) {
  const queryFor = options.queryFor ?? ((f: FilterSet) => viewQuery(spec, f))
  const query = queryFor(options.wall ? LATEST : filters)
  usePrefetchQueries((f) => (options.wall ? [] : [queryFor(f)]))
  const data: WidgetData<R> = useQueryData<R>(
    query,
    options.wall && spec.kind === 'kpi' ? undefined : (rows) => isEmptyRows(spec, rows),
    options.wall ? { retry: true } : {},
  )
  const frame = {
    id: options.wall?.id ?? spec.id,
    title: spec.title,
    state: data.state,
    tables: query.tables,
    error: data.state === 'error' ? data.message : undefined,
    ...('subtitle' in spec && typeof spec.subtitle === 'string' ? { subtitle: spec.subtitle } : {}),
    ...(spec.emptyText && !(options.wall && spec.kind === 'kpi') ? { emptyText: spec.emptyText } : {}),
  } satisfies Partial<WidgetFrameProps>
  return { data, query, frame, rows: rowsOf(data) }
}
