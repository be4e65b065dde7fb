/**
 * What the engine is asked, for the benchmark only (bench/engine.ts): when the page has
 * `__OBSERVATORY_STATEMENTS__` set to an array before the app loads, every statement and
 * every Arrow insert sent to DuckDB is appended to it with the time it was sent, so the
 * same work can be replayed on an engine of its own. Otherwise nothing is kept.
 */
type Entry =
  | { readonly kind: 'sql'; readonly sql: string; readonly params?: readonly unknown[] }
  | { readonly kind: 'insert'; readonly table: string }

export type LoggedStatement = Entry & { readonly at: number }

export function logStatement(entry: Entry): void {
  const log = (globalThis as { __OBSERVATORY_STATEMENTS__?: unknown }).__OBSERVATORY_STATEMENTS__
  if (Array.isArray(log)) log.push({ ...entry, at: performance.now() })
}
