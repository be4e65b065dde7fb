import type { ScopeInput } from './scope'
import { inList, quoteIdent } from './sql'

/**
 * Every filter a page can apply: the global ones (year, month range, cluster, town) and the
 * dimensions a click on a chart can select. Pure data; it lives in the URL.
 */
export interface FilterSet extends ScopeInput {
  readonly clusters?: readonly string[]
  readonly towns?: readonly string[]
  /** Key-project status (前期/新开工/在建/竣工/投产). */
  readonly statuses?: readonly string[]
  /** Only German-cooperation points and projects. */
  readonly german?: boolean
  /** Livelihood item or issue category. */
  readonly categories?: readonly string[]
  /** Supervision activity type. */
  readonly types?: readonly string[]
}

export type FilterDimension = 'clusters' | 'towns' | 'statuses' | 'categories' | 'types' | 'german'

/** A filter set without the given dimensions: a chart that selects on a dimension is not filtered by it. */
export function without(filters: FilterSet, dims: readonly FilterDimension[]): FilterSet {
  if (dims.length === 0) return filters
  const out: Record<string, unknown> = { ...filters }
  for (const d of dims) delete out[d]
  return out as FilterSet
}

export function scopeOfFilters(filters: FilterSet): ScopeInput {
  return {
    ...(filters.year !== undefined ? { year: filters.year } : {}),
    ...(filters.fromMonth !== undefined ? { fromMonth: filters.fromMonth } : {}),
    ...(filters.toMonth !== undefined ? { toMonth: filters.toMonth } : {}),
  }
}

/** `alias."column" IN (...)` for a non-empty list, nothing otherwise. */
function member(alias: string, column: string, values: readonly string[] | undefined): string[] {
  return values && values.length ? [inList(`${alias}.${quoteIdent(column)}`, values)] : []
}

/** Conditions on an observation_points row (aliased), from cluster, town and German-cooperation filters. */
export function pointConditions(filters: FilterSet, alias: string): string[] {
  return [
    ...member(alias, 'cluster_id', filters.clusters),
    ...member(alias, 'town_id', filters.towns),
    ...(filters.german ? [`${alias}."german_cooperation"`] : []),
  ]
}

/** Conditions on a key_projects row (aliased). */
export function projectConditions(filters: FilterSet, alias: string): string[] {
  return [
    ...member(alias, 'cluster_id', filters.clusters),
    ...member(alias, 'town_id', filters.towns),
    ...member(alias, 'status', filters.statuses),
    ...(filters.german ? [`${alias}."german_cooperation"`] : []),
  ]
}

/** `WHERE a AND b`, or nothing when there is no condition. */
export function where(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
}

/** `AND a AND b` to append to an existing WHERE. */
export function and(conditions: readonly string[]): string {
  return conditions.map((c) => ` AND ${c}`).join('')
}
