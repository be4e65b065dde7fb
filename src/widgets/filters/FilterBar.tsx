import { useMemo } from 'react'

import type { FilterSet } from '../../queries/filters'
import type { FilterOptionsRow } from '../../queries/options'
import type { ScopeAnchor } from '../../queries/scope'
import { clicksAway, type DeskPage, filterBar } from '../../specs/page'
import { clearFilter, setFilters, toggleFilter } from '../../state/filters'
import { usePrefetchNeighbours } from '../../state/prefetch'
import { useQueryData } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { FilterChips } from './FilterChips'

export interface FilterBarProps {
  readonly filters: FilterSet
  /** The table whose months the year list comes from. */
  readonly anchor: ScopeAnchor
  /** Offer the 对德合作 toggle. */
  readonly german?: boolean
  /** Offer the cluster and town filters (not every page has those dimensions). */
  readonly places?: boolean
  /** Labels for chips of page-specific dimensions (status, category, type values are shown as they are). */
  readonly children?: React.ReactNode
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
const NONE: readonly FilterOptionsRow[] = []

/** The years, clusters and towns a page's data has (one cached query, shared with the page). */
export function useFilterOptions(anchor: ScopeAnchor) {
  const spec = useMemo(() => filterBar(anchor), [anchor])
  return useQueryData<FilterOptionsRow>(spec.query({}), spec.isEmpty)
}

/**
 * While the page is idle, fetches the views one click away from its own: each value of each
 * dimension its views cross-filter by (from its specs; clusters and towns as the data has them).
 */
export function usePagePrefetch(page: DeskPage, filters: FilterSet) {
  const options = useFilterOptions(page.anchor)
  const rows = options.state === 'ready' ? options.rows : NONE
  const clicks = useMemo(() => clicksAway(page, rows), [page, rows])
  usePrefetchNeighbours(filters, clicks)
}

/** A page's global filters (year, months, cluster, town), written to the URL; the active ones as removable chips. */
export function FilterBar({ filters, anchor, german = false, places = true, children }: FilterBarProps) {
  const options = useFilterOptions(anchor)
  const rows = useMemo(
    () => (options.state === 'ready' ? options.rows : options.state === 'loading' ? (options.stale ?? []) : []),
    [options],
  )
  const years = rows.filter((r) => r.kind === 'year')
  const clusters = rows.filter((r) => r.kind === 'cluster')
  const towns = rows.filter((r) => r.kind === 'town')
  const labels = useMemo(() => new Map(rows.map((r) => [`${r.kind}:${r.value}`, r.label])), [rows])

  const setNumber = (key: 'year' | 'fromMonth' | 'toMonth', value: string) =>
    setFilters((f) => {
      const out: Record<string, unknown> = { ...f }
      if (value === '') delete out[key]
      else out[key] = Number(value)
      return out as FilterSet
    })

  return (
    <WidgetFrame
      id="filters"
      title="筛选"
      state={
        options.state === 'error' ? 'error' : options.state === 'loading' && years.length === 0 ? 'loading' : 'ready'
      }
      tables={[]}
      className="widget--filters"
      showStale
      error={options.state === 'error' ? options.message : undefined}
    >
      <div className="filter-bar" role="group" aria-label="筛选条件">
        <label className="filter-field">
          <span>年度</span>
          <select value={filters.year ?? ''} onChange={(e) => setNumber('year', e.target.value)}>
            <option value="">最新</option>
            {years.map((y) => (
              <option key={y.value} value={y.value}>
                {y.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span>月份</span>
          <select
            aria-label="起始月份"
            value={filters.fromMonth ?? ''}
            onChange={(e) => setNumber('fromMonth', e.target.value)}
          >
            <option value="">1月</option>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {m}月
              </option>
            ))}
          </select>
          <span aria-hidden="true">—</span>
          <select
            aria-label="截止月份"
            value={filters.toMonth ?? ''}
            onChange={(e) => setNumber('toMonth', e.target.value)}
          >
            <option value="">最新</option>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {m}月
              </option>
            ))}
          </select>
        </label>
        {places && (
          <div className="filter-field filter-field--chips" role="group" aria-label="产业集群">
            <span>集群</span>
            {clusters.map((c) => (
              <button
                key={c.value}
                type="button"
                className="toggle"
                aria-pressed={filters.clusters?.includes(c.value) ?? false}
                onClick={() => toggleFilter('clusters', c.value)}
              >
                {c.label}
              </button>
            ))}
          </div>
        )}
        {places && (
          <label className="filter-field">
            <span>镇区</span>
            <select
              value=""
              onChange={(e) => {
                if (e.target.value) toggleFilter('towns', e.target.value)
              }}
            >
              <option value="">{filters.towns?.length ? '再选一个…' : '全部镇区'}</option>
              {towns
                .filter((t) => !filters.towns?.includes(t.value))
                .map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
            </select>
          </label>
        )}
        {german && (
          <button
            type="button"
            className="toggle"
            aria-pressed={filters.german ?? false}
            onClick={() => setFilters((f) => ({ ...f, german: !f.german || undefined }) as FilterSet)}
          >
            对德合作
          </button>
        )}
        {children}
      </div>
      <FilterChips filters={filters} labels={labels} onRemove={clearFilter} />
    </WidgetFrame>
  )
}
