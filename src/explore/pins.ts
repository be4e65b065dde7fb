import { type ChartSpec, parseSpec } from './chart-spec'
import { type KeyValueStore, readJson, writeJson } from './storage'

export const PINS_KEY = 'observatory.board.pins'

/** A chart pinned to 我的看板. */
export interface Pin {
  readonly id: string
  readonly spec: ChartSpec
}

export function parsePins(value: unknown): Pin[] {
  if (!Array.isArray(value)) return []
  const pins: Pin[] = []
  for (const item of value) {
    const spec = parseSpec((item as { spec?: unknown } | null)?.spec)
    const id = (item as { id?: unknown } | null)?.id
    if (spec && typeof id === 'string' && !pins.some((p) => p.id === id)) pins.push({ id, spec })
  }
  return pins
}

export function addPin(pins: readonly Pin[], spec: ChartSpec, id: string): Pin[] {
  return [...pins, { id, spec }]
}

export function removePin(pins: readonly Pin[], id: string): Pin[] {
  return pins.filter((p) => p.id !== id)
}

/** Moves a pin one place up (-1) or down (+1); at either end it stays. */
export function movePin(pins: readonly Pin[], id: string, delta: -1 | 1): Pin[] {
  const from = pins.findIndex((p) => p.id === id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= pins.length) return [...pins]
  const next = [...pins]
  ;[next[from], next[to]] = [next[to]!, next[from]!]
  return next
}

export function renamePin(pins: readonly Pin[], id: string, title: string): Pin[] {
  const t = title.trim()
  return pins.map((p) => (p.id === id && t ? { ...p, spec: { ...p.spec, title: t } } : p))
}

export const loadPins = (store: KeyValueStore | null) => parsePins(readJson(store, PINS_KEY))
export const savePins = (store: KeyValueStore | null, pins: readonly Pin[]) => writeJson(store, PINS_KEY, pins)
