/** The part of localStorage the explore stores use (a Map stands in for it in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** JSON from storage, or the fallback when it is missing or not JSON. */
export function readJson(store: KeyValueStore | null, key: string): unknown {
  if (!store) return null
  try {
    const text = store.getItem(key)
    return text === null ? null : (JSON.parse(text) as unknown)
  } catch {
    return null
  }
}

/** Writes JSON; a full or blocked storage loses the entry but never breaks the page. */
export function writeJson(store: KeyValueStore | null, key: string, value: unknown): boolean {
  if (!store) return false
  try {
    store.setItem(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
