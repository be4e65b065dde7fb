import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'

import { getTable } from '../datasets/registry'
import type { SqlQuery } from '../queries/derived'
import type { Query } from '../queries/query'
import { readinessOf } from '../state/catalog'
import { useCoordinator } from '../state/coordinator-context'

export type WidgetState = 'loading' | 'ready' | 'empty' | 'error'

export type WidgetData<T> =
  /** `stale`: the previous answer, kept on screen while the new one is computed. */
  | { readonly state: 'loading'; readonly stale?: readonly T[] }
  | { readonly state: 'ready' | 'empty'; readonly rows: readonly T[] }
  /** `stale`: the last good answer, which a panel may keep showing, marked as not current. */
  | { readonly state: 'error'; readonly message: string; readonly detail?: string; readonly stale?: readonly T[] }

export interface WidgetQuery {
  /** Tables the query reads; a widget waits for them and reports their load failures. */
  readonly tables: readonly string[]
  /** null: nothing to ask yet. A SqlQuery brings the derived tables it reads. */
  readonly sql: string | SqlQuery | null
  /** After a failure, ask again by itself (5 s, 10 s, 20 s … up to a minute): the kiosk never gives up. */
  readonly retry?: boolean
}

const RETRY_MS = [5_000, 10_000, 20_000, 40_000, 60_000]

/**
 * The one way a widget gets data: it states its SQL and the tables it reads; the
 * coordinator runs it as soon as those tables are loaded. `isEmpty` decides when a result
 * is "no data" rather than "zero".
 */
export function useWidgetQuery<T>(
  query: WidgetQuery,
  isEmpty: (rows: readonly T[]) => boolean = (r) => r.length === 0,
): WidgetData<T> {
  const coordinator = useCoordinator()
  const snapshot = useSyncExternalStore(coordinator.catalog.subscribe, coordinator.catalog.get, coordinator.catalog.get)
  const readiness = readinessOf(snapshot, query.tables)
  const [result, setResult] = useState<{ key: string; data: WidgetData<T> } | null>(null)
  const [attempt, setAttempt] = useState({ key: '', n: 0 })
  // The last good answer: shown while a new one comes, or marked stale after a failure.
  const lastGood = useRef<readonly T[] | undefined>(undefined)
  // Which data the current answer must be about: the SQL, its tables' revisions, the refresh epoch.
  const sqlText = query.sql === null ? null : typeof query.sql === 'string' ? query.sql : query.sql.sql
  const dataKey = readiness.kind === 'ready' ? readiness.key : readiness.kind
  const baseKey = `${dataKey}\u0000${snapshot.epoch}\u0000${sqlText}`
  const tries = attempt.key === baseKey ? attempt.n : 0
  const key = `${baseKey}\u0000${tries}`
  const tables = query.tables
  const tablesKey = tables.join()

  // tablesKey stands for tables.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => coordinator.demand(tables), [coordinator, tablesKey])

  // An answer already in the cache (prefetched, or asked by another view) is shown in this
  // very render: a click re-renders the page once, not once as "loading" and again with figures.
  const toData = (rows: readonly T[]) => ({ state: isEmpty(rows) ? ('empty' as const) : ('ready' as const), rows })
  const arrived = useMemo(() => {
    if (query.sql === null || readiness.kind !== 'ready') return undefined
    const r = coordinator.peek<T>(query.sql, tables)
    return r?.ok ? { key, data: toData(r.value) } : undefined
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (query.sql === null) return
    if (arrived?.key === key) {
      lastGood.current = arrived.data.rows
      return
    }
    let live = true
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    void coordinator.query<T>(query.sql, tables).then((r) => {
      if (!live) return
      if (r.ok) lastGood.current = r.value
      const data: WidgetData<T> = r.ok
        ? toData(r.value)
        : {
            state: 'error',
            message: `查询失败：${r.error.message.split('\n')[0]}`,
            detail: r.error.message,
            ...(lastGood.current ? { stale: lastGood.current } : {}),
          }
      setResult({ key, data })
      if (!r.ok && query.retry) {
        retryTimer = setTimeout(
          () => setAttempt({ key: baseKey, n: tries + 1 }),
          RETRY_MS[Math.min(tries, RETRY_MS.length - 1)],
        )
      }
    })
    return () => {
      live = false
      if (retryTimer) clearTimeout(retryTimer)
    }
    // The key covers the SQL, the tables' data, the epoch and the attempt; isEmpty is a predicate and must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const stale = lastGood.current
  if (readiness.kind === 'engine-failed') return { state: 'error', message: `数据引擎未能启动：${readiness.reason}` }
  if (readiness.kind === 'failed') {
    const label = getTable(readiness.table)?.label ?? readiness.table
    return {
      state: 'error',
      message: `${label}（${readiness.table}）：${readiness.reason}`,
      ...(readiness.detail ? { detail: readiness.detail } : {}),
    }
  }
  if (readiness.kind === 'waiting') return stale ? { state: 'loading', stale } : { state: 'loading' }
  // Nothing to ask once the data is in (e.g. no month at all): that is "no data", not loading.
  if (query.sql === null) return snapshot.dataReady ? { state: 'empty', rows: [] } : { state: 'loading' }
  // An answer about older data or other SQL is not shown as current.
  if (result?.key === key) return result.data
  if (arrived?.key === key) return arrived.data
  // A retry in progress keeps showing the failure (and any stale figures) rather than flickering to loading.
  if (tries > 0 && result?.data.state === 'error' && result.key.startsWith(baseKey)) return result.data
  return stale ? { state: 'loading', stale } : { state: 'loading' }
}

/** A view's data from a Query, which names its own tables (null: nothing to ask yet). */
export function useQueryData<T>(
  query: Query<T> | null,
  isEmpty?: (rows: readonly T[]) => boolean,
  options: { readonly retry?: boolean } = {},
): WidgetData<T> {
  return useWidgetQuery<T>({ tables: query?.tables ?? [], sql: query, ...options }, isEmpty)
}

/** The rows to show: the current answer, or the last good one while loading or after a failure. */
export function rowsOf<T>(data: WidgetData<T>): readonly T[] | undefined {
  if (data.state === 'ready') return data.rows
  if (data.state === 'loading' || data.state === 'error') return data.stale
  return undefined
}
