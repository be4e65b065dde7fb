import { useEffect, useRef } from 'react'

import type { FilterSet } from '../queries/filters'
import type { Query } from '../queries/query'
import type { Coordinator } from './coordinator'
import { useCoordinator } from './coordinator-context'
import { onFiltersChange } from './filters'
import { type PageScope, type QueriesFor, usePageScope } from './readiness'
import { parseFilters, toggleValue, writeFilters } from './url-filters'

/**
 * Fetching the likely next click while the page is idle (as Mosaic and Falcon do for
 * cross-filtering): once a page has settled, each value of the dimensions its views
 * cross-filter by is toggled in turn and every view's query for that view is run into the
 * coordinator's cache. A click on a bar then finds its answers there and the page only has
 * to draw.
 *
 * Views register how their queries follow the filters with their page (`usePrefetchQueries`);
 * the page's clicks one step away come from its specs (see specs/pages.ts). Prefetching keeps
 * at most two queries with the engine and sends none while a view waits for an answer, so a
 * click never queues behind more than two of them.
 */

/** This view's queries for any filters: the same builders it renders with. */
export function usePrefetchQueries(build: QueriesFor) {
  const scope = usePageScope()
  const ref = useRef(build)
  ref.current = build
  useEffect(() => {
    if (!scope) return
    scope.queries.add(ref)
    return () => void scope.queries.delete(ref)
  }, [scope])
}

type ListDimension = Parameters<typeof toggleValue>[1]

/** The filters a click would lead to, exactly as the URL will carry them (so the SQL is the same text). */
export function neighbour(filters: FilterSet, dimension: ListDimension, value: string): FilterSet {
  return parseFilters(writeFilters(toggleValue(filters, dimension, value), new URLSearchParams()))
}

/** Every query the page's views would run for `filters`. */
export function queriesFor(scope: PageScope, filters: FilterSet): Query[] {
  return [...scope.queries].flatMap((b) => b.current(filters))
}

/**
 * A click is about to show `filters`: their queries go to the engine now, before the page
 * renders the click (which takes tens of ms on a large page); the views then find them under
 * way and share them, as with any identical query.
 */
export function askAhead(coordinator: Coordinator, scope: PageScope, filters: FilterSet) {
  for (const q of queriesFor(scope, filters)) void coordinator.query(q)
}

/** While the page is on show, every change of its filters is asked ahead of its render. */
export function useAskAhead(scope: PageScope) {
  const coordinator = useCoordinator()
  useEffect(() => onFiltersChange((next) => askAhead(coordinator, scope, next)), [coordinator, scope])
}

/**
 * Prefetch queries the engine has at once. The engine answers one query at a time, so a
 * click on a view not fetched yet waits behind at most this many; with fewer than two the
 * engine would sit idle while the page draws (the next one goes out only once the page has
 * read the last answer).
 */
const DEPTH = 2

/**
 * After the page settles on `filters`, fetches the views one click away: each (dimension,
 * value) toggled in turn. Starts again whenever the filters or the clicks change; stops when
 * the page goes.
 */
export function usePrefetchNeighbours(
  filters: FilterSet,
  clicks: readonly { readonly dimension: ListDimension; readonly value: string }[],
) {
  const coordinator = useCoordinator()
  const scope = usePageScope()
  const filtersKey = JSON.stringify(filters)
  const clicksKey = JSON.stringify(clicks)
  useEffect(() => {
    if (clicks.length === 0 || !scope) return
    let stopped = false
    const run = async () => {
      // Once the page has drawn this view and no view waits for an answer, the engine is
      // free: fetch at once (a person clicking quickly finds the next view ready too).
      for (;;) {
        await coordinator.whenIdle()
        await scope.whenSettled()
        if (stopped) return
        if (!coordinator.busy && scope.settled) break
      }
      const inFlight = new Set<Promise<unknown>>()
      for (const { dimension, value } of clicks) {
        for (const q of queriesFor(scope, neighbour(filters, dimension, value))) {
          // A view waiting for answers goes first: nothing new is sent until it has them.
          while (!stopped && (coordinator.busy || inFlight.size >= DEPTH))
            await (coordinator.busy ? coordinator.whenIdle() : Promise.race(inFlight))
          if (stopped) return
          const sent: Promise<unknown> = coordinator.prefetch(q).finally(() => inFlight.delete(sent))
          inFlight.add(sent)
        }
      }
    }
    void run()
    return () => {
      stopped = true
    }
    // filtersKey and clicksKey stand for filters and clicks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey, clicksKey, coordinator, scope])
}
