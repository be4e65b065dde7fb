import { useEffect, useRef } from 'react'
import type { SqlQuery } from '../queries/derived'
import type { FilterDimension, FilterSet } from '../queries/filters'
import { coordinator } from './coordinator'
import { allWidgetsSettled } from './readiness'
import { parseFilters, toggleValue, writeFilters } from './url-filters'

/**
 * Fetching the likely next click while the page is idle (as Mosaic and Falcon do for
 * cross-filtering): once a page has settled, each value of its cross-filter dimension is
 * toggled in turn and every widget's query for that view is run into the coordinator's
 * cache. A click on a bar then finds its answers there and the page only has to draw.
 *
 * Widgets say how their queries follow the filters (`usePrefetchQueries`); the page says
 * which dimension its charts cross-filter and its values (`usePrefetchNeighbours`).
 * Prefetching is one query at a time and steps aside while a view waits for an answer,
 * so a click never queues behind more than one of them.
 */

export interface PrefetchQuery {
  readonly sql: string | SqlQuery | null
  readonly tables: readonly string[]
}

type Builder = (filters: FilterSet) => readonly PrefetchQuery[]

const builders = new Set<{ current: Builder }>()

/** This widget's queries for any filters: the same builders it renders with. */
export function usePrefetchQueries(build: Builder) {
  const ref = useRef(build)
  ref.current = build
  useEffect(() => {
    builders.add(ref)
    return () => void builders.delete(ref)
  }, [])
}

/** A widget with one query over `tables`: `sqlFor` is its SQL for any filters (none: nothing to prefetch). */
export function usePrefetchSql(tables: readonly string[], sqlFor: ((filters: FilterSet) => string | SqlQuery | null) | undefined) {
  usePrefetchQueries((f) => (sqlFor ? [{ sql: sqlFor(f), tables }] : []))
}

/** The filters a click would lead to, exactly as the URL will carry them (so the SQL is the same text). */
export function neighbour(filters: FilterSet, dimension: ListDimension, value: string): FilterSet {
  return parseFilters(writeFilters(toggleValue(filters, dimension, value), new URLSearchParams()))
}

/** Every query the registered widgets would run for `filters`. */
export function queriesFor(filters: FilterSet, from: Iterable<{ current: Builder }> = builders): PrefetchQuery[] {
  return [...from].flatMap((b) => b.current(filters)).filter((q) => q.sql !== null)
}

const IDLE_MS = 150
/** How long a page must have been settled before its neighbours are fetched: a page the user leaves at once costs nothing. */
const DWELL_MS = 250
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const idle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, IDLE_MS)))

type ListDimension = Exclude<FilterDimension, 'german'>

/**
 * After the page settles on `filters`, fetches the views one click away: each value of each
 * dimension its charts cross-filter by, toggled in turn. Starts again whenever the filters
 * or the values change; stops when the page goes.
 */
export function usePrefetchNeighbours(filters: FilterSet, dimensions: Partial<Record<ListDimension, readonly string[]>>) {
  const filtersKey = JSON.stringify(filters)
  const dimensionsKey = JSON.stringify(dimensions)
  useEffect(() => {
    const clicks = (Object.entries(dimensions) as [ListDimension, readonly string[]][]).flatMap(([dimension, values]) => values.map((value) => ({ dimension, value })))
    if (clicks.length === 0) return
    let stopped = false
    const run = async () => {
      // Let the page draw and settle first: prefetching must never delay what is on screen.
      for (;;) {
        await pause(DWELL_MS)
        await idle()
        if (stopped) return
        if (!coordinator.busy && allWidgetsSettled(document)) break
      }
      for (const { dimension, value } of clicks) {
        for (const q of queriesFor(neighbour(filters, dimension, value))) {
          while (coordinator.busy && !stopped) await pause(IDLE_MS)
          if (stopped) return
          await coordinator.prefetch(q.sql!, q.tables)
        }
      }
    }
    void run()
    return () => {
      stopped = true
    }
    // filtersKey and dimensionsKey stand for filters and dimensions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey, dimensionsKey])
}
