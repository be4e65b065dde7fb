import { type KeyValueStore, readJson, writeJson } from './storage'

export const HISTORY_KEY = 'observatory.explore.history'
export const HISTORY_LIMIT = 50

export interface HistoryEntry {
  readonly sql: string
  /** ISO time of the last run. */
  readonly at: string
  /** Rows returned, or null when the run failed or was cancelled. */
  readonly rows: number | null
  readonly cancelled?: boolean
}

export function parseHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (e): e is HistoryEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as HistoryEntry).sql === 'string' &&
      typeof (e as HistoryEntry).at === 'string' &&
      ((e as HistoryEntry).rows === null || typeof (e as HistoryEntry).rows === 'number'),
  )
}

/** Most recent first; running a query again moves it to the top instead of repeating it. */
export function addToHistory(
  list: readonly HistoryEntry[],
  entry: HistoryEntry,
  limit = HISTORY_LIMIT,
): HistoryEntry[] {
  const sql = entry.sql.trim()
  return [{ ...entry, sql }, ...list.filter((e) => e.sql.trim() !== sql)].slice(0, limit)
}

export const loadHistory = (store: KeyValueStore | null) => parseHistory(readJson(store, HISTORY_KEY))
export const saveHistory = (store: KeyValueStore | null, list: readonly HistoryEntry[]) =>
  writeJson(store, HISTORY_KEY, list)
