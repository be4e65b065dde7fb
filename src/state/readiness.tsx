import { createContext, type ReactNode, useContext, useLayoutEffect, useRef } from 'react'

import type { FilterSet } from '../queries/filters'
import type { Query } from '../queries/query'

/**
 * When a page has settled, for tests and monitoring. User Timing marks: `app-ready` once, the
 * first time the page on show has every view settled (ready, empty or error); `page-ready:<path>`
 * each time a page first settles; `widgets-settled` every time the page settles again after a
 * change (a filter, a cross-filter click, new data) — what the cross-filter benchmark times.
 *
 * A page's views report to its scope whether they are pending — waiting for the coordinator's
 * answer, or for their chart to draw it — with the state they render. The page has settled when
 * none is. A change of view drawn entirely from answers at hand (no view ever pending) still
 * marks a settle: the page host tells its scope that the view changed.
 */
export type ViewState = 'loading' | 'ready' | 'empty' | 'error'

/** A view's queries for any filters: what a click would make it ask (prefetching, asking ahead). */
export type QueriesFor = (filters: FilterSet) => readonly Query[]

/**
 * A mark that recurs (a settle, a rotation): kept, but not without bound — a screen left on
 * for weeks would otherwise grow the performance timeline by a few entries a minute.
 */
export function markRecurring(name: string, keep = 200) {
  if (performance.getEntriesByName(name, 'mark').length >= keep) performance.clearMarks(name)
  performance.mark(name)
}

export function markOnce(name: string) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}

/** One page on show: its views' states, and their queries for other filters. */
export class PageScope {
  /** Each view's token → the state it renders. */
  private readonly views = new Map<object, ViewState>()
  private readonly listeners = new Set<(changed: boolean) => void>()
  /** Each view's queries for any filters. */
  readonly queries = new Set<{ readonly current: QueriesFor }>()
  private mounted = false
  private pending: boolean | null = null

  constructor(readonly path: string) {}

  /**
   * Every view has settled. A page that has rendered with no views at all (the upload page
   * before a file is chosen) has settled too: there is nothing to wait for.
   */
  get settled(): boolean {
    if (!this.mounted) return false
    for (const state of this.views.values()) if (state === 'loading') return false
    return true
  }

  /** A view reports the state it renders: a new view, or a change of state. */
  report(view: object, state: ViewState) {
    const before = this.views.get(view)
    if (before === state) return
    this.views.set(view, state)
    this.notify(before !== undefined)
  }

  /** A view has gone. */
  leave(view: object) {
    if (this.views.delete(view)) this.notify(false)
  }

  /** The page is on screen (its views have reported what they render first), or has gone. */
  setMounted(mounted: boolean) {
    this.mounted = mounted
    this.notify(false)
  }

  /** The page shows another view (its filters changed), whether or not any view had to wait. */
  viewChanged() {
    this.notify(true)
  }

  /** Calls `listener(changed)` after each batch of reports: `changed` when a state or the view changed in it. */
  subscribe(listener: (changed: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once the page has settled (at once if it has). */
  whenSettled(): Promise<void> {
    if (this.settled) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (!this.settled) return
        stop()
        resolve()
      })
    })
  }

  /**
   * Reports arrive one view at a time within a commit; listeners hear of them once the commit
   * is done (a microtask later), so a page half-way through an update never counts as settled.
   */
  private notify(changed: boolean) {
    if (this.pending !== null) {
      this.pending ||= changed
      return
    }
    this.pending = changed
    queueMicrotask(() => {
      const batch = this.pending === true
      this.pending = null
      for (const listener of [...this.listeners]) listener(batch)
    })
  }
}

export const PageScopeContext = createContext<PageScope | null>(null)

/** The scope of the page this view is on (null outside any page). */
export function usePageScope(): PageScope | null {
  return useContext(PageScopeContext)
}

/** Tells the view's page which state it renders: what the page's readiness is made of. */
export function useViewState(state: ViewState) {
  const scope = usePageScope()
  const token = useRef({})
  useLayoutEffect(() => {
    const view = token.current
    return () => scope?.leave(view)
  }, [scope])
  useLayoutEffect(() => scope?.report(token.current, state), [scope, state])
}

/**
 * Holds a page's views. Mounted inside the page's Suspense boundary, so the page counts as on
 * screen only once its code has loaded; `view` is its filters, so a change of view is noticed.
 */
export function PageHost({
  scope,
  view,
  children,
}: {
  readonly scope: PageScope
  readonly view?: string
  readonly children: ReactNode
}) {
  useLayoutEffect(() => {
    scope.setMounted(true)
    return () => scope.setMounted(false)
  }, [scope])
  const first = useRef(true)
  useLayoutEffect(() => {
    if (first.current) first.current = false
    else scope.viewChanged()
  }, [scope, view])
  return <PageScopeContext value={scope}>{children}</PageScopeContext>
}

/** Marks the readiness of `scope`'s page for as long as it is watched. Returns a stop function. */
export function watchPageReady(scope: PageScope): () => void {
  let firstDone = false
  let settled = false
  const check = (changed: boolean) => {
    const now = scope.settled
    if (now === settled && !(now && changed)) return
    settled = now
    if (!now) return
    if (!firstDone) {
      firstDone = true
      markOnce('app-ready')
      markRecurring(`page-ready:${scope.path}`)
    }
    markRecurring('widgets-settled')
  }
  const stop = scope.subscribe(check)
  queueMicrotask(() => check(false))
  return stop
}
