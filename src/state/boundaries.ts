import { useSyncExternalStore } from 'react'

import { Store } from './store'

/**
 * Town boundaries the user imported to replace the schematic map. Kept in localStorage so
 * the map survives a reload; a file too big for it is kept for this visit only.
 */
export interface StoredBoundaries {
  readonly fileName: string
  readonly geo: object
  readonly matched: readonly string[]
  readonly missing: readonly string[]
  /** Only for this visit (too big to keep). */
  readonly transient: boolean
}

const KEY = 'observatory-town-boundaries'

function load(): StoredBoundaries | null {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
    return raw ? (JSON.parse(raw) as StoredBoundaries) : null
  } catch {
    return null
  }
}

const store = new Store<StoredBoundaries | null>(load())

export function useTownBoundaries(): StoredBoundaries | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}

export function saveTownBoundaries(value: Omit<StoredBoundaries, 'transient'>) {
  let transient = false
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...value, transient: false }))
  } catch {
    transient = true
  }
  store.set({ ...value, transient })
}

export function clearTownBoundaries() {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing stored.
  }
  store.set(null)
}
