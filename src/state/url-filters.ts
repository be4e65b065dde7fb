import type { FilterDimension, FilterSet } from '../queries/filters'

/**
 * Filters in the URL: `#/clusters?year=2026&from=1&to=10&cluster=equipment,materials&german=1`.
 * Parsing is forgiving (anything malformed is dropped, never thrown) and serialising is
 * canonical (fixed key order, sorted lists), so the same view always has the same URL.
 */
const LIST_KEYS = {
  clusters: 'cluster',
  towns: 'town',
  statuses: 'status',
  categories: 'category',
  types: 'type',
} as const
type ListDim = keyof typeof LIST_KEYS

const ID = /^[\p{L}\p{N}_\-.]{1,64}$/u

function int(value: string | null, lo: number, hi: number): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined
  const n = Number(value)
  return n >= lo && n <= hi ? n : undefined
}

function list(value: string | null): string[] | undefined {
  if (!value) return undefined
  const items = [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => ID.test(s)),
    ),
  ].sort()
  return items.length ? items : undefined
}

export function parseFilters(params: URLSearchParams): FilterSet {
  const out: { -readonly [K in keyof FilterSet]: FilterSet[K] } = {}
  const year = int(params.get('year'), 1900, 2200)
  if (year !== undefined) out.year = year
  let from = int(params.get('from'), 1, 12)
  let to = int(params.get('to'), 1, 12)
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from]
  if (from !== undefined) out.fromMonth = from
  if (to !== undefined) out.toMonth = to
  for (const [dim, key] of Object.entries(LIST_KEYS) as [ListDim, string][]) {
    const values = list(params.get(key))
    if (values) out[dim] = values
  }
  if (params.get('german') === '1') out.german = true
  return out
}

/** Writes the filters into `base` (other params, e.g. the selected table, are kept). */
export function writeFilters(filters: FilterSet, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base)
  for (const key of ['year', 'from', 'to', 'german', ...Object.values(LIST_KEYS)]) params.delete(key)
  const entries: [string, string][] = []
  if (filters.year !== undefined) entries.push(['year', String(filters.year)])
  if (filters.fromMonth !== undefined) entries.push(['from', String(filters.fromMonth)])
  if (filters.toMonth !== undefined) entries.push(['to', String(filters.toMonth)])
  for (const [dim, key] of Object.entries(LIST_KEYS) as [ListDim, string][]) {
    const values = filters[dim]
    if (values && values.length) entries.push([key, [...values].sort().join(',')])
  }
  if (filters.german) entries.push(['german', '1'])
  const out = new URLSearchParams(entries)
  for (const [k, v] of params) out.append(k, v)
  return out
}

/** Adds the value to a dimension, or removes it if present (a click on a selected bar unselects it). */
export function toggleValue(filters: FilterSet, dim: Exclude<FilterDimension, 'german'>, value: string): FilterSet {
  const current = filters[dim] ?? []
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort()
  const out: Record<string, unknown> = { ...filters, [dim]: next }
  if (next.length === 0) delete out[dim]
  return out as FilterSet
}

/** Removes one value (or the whole dimension) — what a chip's × does. */
export function removeFilter(filters: FilterSet, key: keyof FilterSet, value?: string): FilterSet {
  const out: Record<string, unknown> = { ...filters }
  const current = filters[key]
  if (Array.isArray(current) && value !== undefined) {
    const next = current.filter((v) => v !== value)
    if (next.length) out[key] = next
    else delete out[key]
  } else {
    delete out[key]
  }
  return out as FilterSet
}
