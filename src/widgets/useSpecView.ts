import type { FilterSet } from '../queries/filters'
import type { Query } from '../queries/query'
import { type ChartSpec, isEmptyRows, type KpiSpec, type ListSpec, type NarrativeSpec, viewQuery } from '../specs/types'
import { usePrefetchQueries } from '../state/prefetch'
import { useQueryData, type WidgetData } from './useWidgetQuery'

type ViewSpec<R> = ChartSpec<R> | KpiSpec<R> | NarrativeSpec<R> | ListSpec<R>

/**
 * A view's data from its spec: its query for the page's filters (the cross-filter resolution
 * applied), and the same query for any filters registered with the page, so the views one
 * click away can be fetched ahead. `query` overrides the spec's for these filters (a view with
 * a setting of its own, such as the warning threshold).
 */
export function useSpecData<R>(
  spec: ViewSpec<R>,
  filters: FilterSet,
  options: { readonly queryFor?: (filters: FilterSet) => Query<R> } = {},
): { readonly data: WidgetData<R>; readonly query: Query<R> } {
  const queryFor = options.queryFor ?? ((f: FilterSet) => viewQuery(spec, f))
  const query = queryFor(filters)
  usePrefetchQueries((f) => [queryFor(f)])
  const data = useQueryData<R>(query, (rows) => isEmptyRows(spec, rows))
  return { data, query }
}
