import { useMemo } from 'react'

import type { FilterDimension, FilterSet } from '../queries/filters'
import { navigate, useRoute } from './router'
import { parseFilters, removeFilter, toggleValue, writeFilters } from './url-filters'

/** The current page's filters, from the URL. */
export function useFilters(): FilterSet {
  const route = useRoute()
  const key = route.params.toString()
  return useMemo(() => parseFilters(new URLSearchParams(key)), [key])
}

const changing = new Set<(next: FilterSet) => void>()

/** Hears each change of filters before the page renders it (the page on show asks its queries ahead). */
export function onFiltersChange(listener: (next: FilterSet) => void): () => void {
  changing.add(listener)
  return () => changing.delete(listener)
}

/** Replaces the filters in the URL, keeping the page and its other parameters. */
export function setFilters(update: (current: FilterSet) => FilterSet) {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '')
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/'
  const next = writeFilters(update(parseFilters(params)), params)
  // Parsed back from what the URL will carry, so the SQL is the text the widgets will write.
  const filters = parseFilters(next)
  for (const listener of changing) listener(filters)
  navigate(path, next)
}

export function toggleFilter(dim: Exclude<FilterDimension, 'german'>, value: string) {
  setFilters((f) => toggleValue(f, dim, value))
}

export function clearFilter(key: keyof FilterSet, value?: string) {
  setFilters((f) => removeFilter(f, key, value))
}

/** A page parameter that is not a filter (threshold, selected point, selected table). */
export function setParam(name: string, value: string | null) {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '')
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/'
  if (value === null) params.delete(name)
  else params.set(name, value)
  navigate(path, params)
}
