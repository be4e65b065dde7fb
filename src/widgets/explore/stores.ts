import { useSyncExternalStore } from 'react'

import type { ChartSpec } from '../../explore/chart-spec'
import { addToHistory, HISTORY_KEY, type HistoryEntry, loadHistory, saveHistory } from '../../explore/history'
import {
  addPin,
  loadStoredPins,
  movePin,
  type Pin,
  type PinRejection,
  PINS_KEY,
  pinsFromEvent,
  removePin,
  renamePin,
  savePins,
} from '../../explore/pins'
import type { KeyValueStore } from '../../explore/storage'
import { Store } from '../../state/store'

function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

const storage = browserStorage()

/** The console's history: kept in localStorage, most recent first. */
export const historyStore = new Store<readonly HistoryEntry[]>(loadHistory(storage))
historyStore.subscribe(() => saveHistory(storage, historyStore.get()))

export function rememberQuery(entry: HistoryEntry) {
  historyStore.set((list) => addToHistory(list, entry))
}

export function clearHistory() {
  historyStore.set([])
}

const stored = loadStoredPins(storage)
/** Charts pinned to 我的看板, in their order on the board: only entries that passed the schema check. */
export const pinStore = new Store<readonly Pin[]>(stored.pins)
/** Stored entries that did not pass it, for the note on the board (nothing of them runs). */
export const pinRejectionStore = new Store<readonly PinRejection[]>(stored.rejected)
pinStore.subscribe(() => savePins(storage, pinStore.get()))

const newId = () => `pin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export const pinActions = {
  add: (spec: ChartSpec) => pinStore.set((pins) => addPin(pins, spec, newId())),
  remove: (id: string) => pinStore.set((pins) => removePin(pins, id)),
  move: (id: string, delta: -1 | 1) => pinStore.set((pins) => movePin(pins, id, delta)),
  rename: (id: string, title: string) => pinStore.set((pins) => renamePin(pins, id, title)),
}

// Another tab (or another app on this origin) wrote: follow it, checking what it wrote as
// strictly as at start-up.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === HISTORY_KEY) historyStore.set(loadHistory(storage))
    if (e.key === null || e.key === PINS_KEY) {
      const delivered = e.key === null ? loadStoredPins(storage) : pinsFromEvent(e.newValue)
      pinRejectionStore.set(delivered.rejected)
      pinStore.set(delivered.pins)
    }
  })
}

export const useHistory = () => useSyncExternalStore(historyStore.subscribe, historyStore.get, historyStore.get)
export const usePins = () => useSyncExternalStore(pinStore.subscribe, pinStore.get, pinStore.get)
export const usePinRejections = () =>
  useSyncExternalStore(pinRejectionStore.subscribe, pinRejectionStore.get, pinRejectionStore.get)
