import { type ChartSpec, validateSpec } from './chart-spec'
import { checkStatement } from './statement'
import { type KeyValueStore, readJson, writeJson } from './storage'

export const PINS_KEY = 'observatory.board.pins'

/** A chart pinned to 我的看板. */
export interface Pin {
  readonly id: string
  readonly spec: ChartSpec
}

/** A stored entry that was not taken onto the board, and why (shown on the board, never run). */
export interface PinRejection {
  /** 1-based place in the stored list. */
  readonly place: number
  /** The entry's title when it has a readable one. */
  readonly title: string | null
  readonly reason: string
}

export interface StoredPins {
  readonly pins: Pin[]
  readonly rejected: PinRejection[]
}

/** The most pins the board takes from storage. */
export const MAX_PINS = 200
const PIN_ID = /^[A-Za-z0-9_-]{1,80}$/

/**
 * Pins read back from storage, each checked against the schema: an object with exactly an id
 * and a spec, a valid spec, and for a query pin one read-only statement. localStorage is shared
 * by every page of the origin (the app lives under a sub-path of an intranet server), so
 * whatever else is there is refused, with the reason, and nothing of it runs.
 */
export function readPins(value: unknown): StoredPins {
  if (value === null || value === undefined) return { pins: [], rejected: [] }
  if (!Array.isArray(value))
    return { pins: [], rejected: [{ place: 1, title: null, reason: '存储的内容不是图表列表' }] }
  const pins: Pin[] = []
  const rejected: PinRejection[] = []
  value.forEach((item: unknown, i) => {
    const place = i + 1
    const raw = item as { id?: unknown; spec?: { title?: unknown } } | null
    const title = typeof raw?.spec?.title === 'string' ? raw.spec.title.slice(0, 200) : null
    const refuse = (reason: string) => rejected.push({ place, title, reason })
    if (place > MAX_PINS) return refuse(`最多保留 ${MAX_PINS} 个图表`)
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return refuse('不是图表')
    if (Object.keys(item).some((k) => k !== 'id' && k !== 'spec')) return refuse('含有未知的字段')
    const id = raw!.id
    if (typeof id !== 'string' || !PIN_ID.test(id)) return refuse('编号不合格式')
    if (pins.some((p) => p.id === id)) return refuse('编号重复')
    const spec = validateSpec(raw!.spec)
    if (!spec.ok) return refuse(spec.error)
    if (spec.value.source.kind === 'query') {
      const checked = checkStatement(spec.value.source.sql)
      if (!checked.ok) return refuse(`查询未通过只读检查：${checked.reason}`)
    }
    pins.push({ id, spec: spec.value })
  })
  return { pins, rejected }
}

export function parsePins(value: unknown): Pin[] {
  return readPins(value).pins
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
export const loadStoredPins = (store: KeyValueStore | null) => readPins(readJson(store, PINS_KEY))

/** Pins as a storage event delivers them (the new value of the key, written by another page). */
export function pinsFromEvent(newValue: string | null): StoredPins {
  if (newValue === null) return { pins: [], rejected: [] }
  try {
    return readPins(JSON.parse(newValue) as unknown)
  } catch {
    return { pins: [], rejected: [{ place: 1, title: null, reason: '存储的内容不是 JSON' }] }
  }
}
export const savePins = (store: KeyValueStore | null, pins: readonly Pin[]) => writeJson(store, PINS_KEY, pins)
