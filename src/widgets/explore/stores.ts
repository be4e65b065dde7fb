import { useSyncExternalStore } from 'react'

import type { ChartSpec } from '../../explore/chart-spec'
import { addToHistory, type HistoryEntry, loadHistory, saveHistory } from '../../explore/history'
import { addPin, loadPins, movePin, type Pin, removePin, renamePin, savePins } from '../../explore/pins'
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

/** Charts pinned to 我的看板, in their order on the board. */
export const pinStore = new Store<readonly Pin[]>(loadPins(storage))
pinStore.subscribe(() => savePins(storage, pinStore.get()))

const newId = () => `pin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

export const pinActions = {
  add: (spec: ChartSpec) => pinStore.set((pins) => addPin(pins, spec, newId())),
  remove: (id: string) => pinStore.set((pins) => removePin(pins, id)),
  move: (id: string, delta: -1 | 1) => pinStore.set((pins) => movePin(pins, id, delta)),
  rename: (id: string, title: string) => pinStore.set((pins) => renamePin(pins, id, title)),
}

// Another tab pinned or ran something: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', () => {
    historyStore.set(loadHistory(storage))
    pinStore.set(loadPins(storage))
  })
}

export const useHistory = () => useSyncExternalStore(historyStore.subscribe, historyStore.get, historyStore.get)
export const usePins = () => useSyncExternalStore(pinStore.subscribe, pinStore.get, pinStore.get)
