import { type LoggedStatement, testHooks } from '../lib/test-hooks'

/**
 * What the engine is asked, for the benchmark only (bench/engine.ts): when the test hooks
 * hold a `statements` array (set before the app loads), every statement and every Arrow
 * insert sent to DuckDB is appended to it with the time it was sent, so the same work can be
 * replayed on an engine of its own. Otherwise nothing is kept.
 */
type Entry =
  | { readonly kind: 'sql'; readonly sql: string; readonly params?: readonly unknown[] }
  | { readonly kind: 'insert'; readonly table: string }

export type { LoggedStatement }

export function logStatement(entry: Entry): void {
  testHooks()?.statements?.push({ ...entry, at: performance.now() })
}
