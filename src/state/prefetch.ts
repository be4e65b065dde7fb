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
 * Prefetching keeps at most two queries with the engine and sends none while a view waits
 * for an answer, so a click never queues behind more than two of them.
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
export function usePrefetchSql(
  tables: readonly string[],
  sqlFor: ((filters: FilterSet) => string | SqlQuery | null) | undefined,
) {
  usePrefetchQueries((f) => (sqlFor ? [{ sql: sqlFor(f), tables }] : []))
}

/** The filters a click would lead to, exactly as the URL will carry them (so the SQL is the same text). */
export function neighbour(filters: FilterSet, dimension: ListDimension, value: string): FilterSet {
  return parseFilters(writeFilters(toggleValue(filters, dimension, value), new URLSearchParams()))
}

/**
 * A click is about to show `filters`: their queries go to the engine now, before the page
 * renders the click (which takes tens of ms on a large page); the widgets then find them
 * under way and share them, as with any identical query.
 */
export function askAhead(filters: FilterSet) {
  for (const q of queriesFor(filters)) void coordinator.query(q.sql!, q.tables)
}

/** Every query the registered widgets would run for `filters`. */
export function queriesFor(filters: FilterSet, from: Iterable<{ current: Builder }> = builders): PrefetchQuery[] {
  return [...from].flatMap((b) => b.current(filters)).filter((q) => q.sql !== null)
}

/**
 * Prefetch queries the engine has at once. The engine answers one query at a time, so a
 * click on a view not fetched yet waits behind at most this many; with fewer than two the
 * engine would sit idle while the page draws (the next one goes out only once the page has
 * read the last answer).
 */
const DEPTH = 2
/** How often a page still drawing is looked at again before its neighbours are fetched. */
const SETTLE_POLL_MS = 30
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

type ListDimension = Exclude<FilterDimension, 'german'>

/**
 * After the page settles on `filters`, fetches the views one click away: each value of each
 * dimension its charts cross-filter by, toggled in turn. Starts again whenever the filters
 * or the values change; stops when the page goes.
 */
export function usePrefetchNeighbours(
  filters: FilterSet,
  dimensions: Partial<Record<ListDimension, readonly string[]>>,
) {
  const filtersKey = JSON.stringify(filters)
  const dimensionsKey = JSON.stringify(dimensions)
  useEffect(() => {
    const clicks = (Object.entries(dimensions) as [ListDimension, readonly string[]][]).flatMap(([dimension, values]) =>
      values.map((value) => ({ dimension, value })),
    )
    if (clicks.length === 0) return
    let stopped = false
    const run = async () => {
      // Once the page has drawn this view and no view waits for an answer, the engine is
      // free: fetch at once (a person clicking quickly finds the next view ready too).
      for (;;) {
        await coordinator.whenIdle()
        if (stopped) return
        if (!coordinator.busy && allWidgetsSettled(document)) break
        await pause(SETTLE_POLL_MS)
      }
      const inFlight = new Set<Promise<unknown>>()
      for (const { dimension, value } of clicks) {
        for (const q of queriesFor(neighbour(filters, dimension, value))) {
          // A view waiting for answers goes first: nothing new is sent until it has them.
          while (!stopped && (coordinator.busy || inFlight.size >= DEPTH))
            await (coordinator.busy ? coordinator.whenIdle() : Promise.race(inFlight))
          if (stopped) return
          const sent: Promise<unknown> = coordinator.prefetch(q.sql!, q.tables).finally(() => inFlight.delete(sent))
          inFlight.add(sent)
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
