/**
 * Names instead of codes: a reference column (a point, a cluster, a town …) may hold the id
 * or the Chinese name of what it references. These rules say when a written name is the
 * same as a reference's name; they never guess between two: a name that fits two references
 * is ambiguous, one that fits none is unknown, and both come back with the closest ones.
 */

export interface Reference {
  readonly id: string
  readonly name: string
}

export type Resolution =
  | { readonly kind: 'id'; readonly id: string; readonly via: 'id' | 'name' | 'short' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Reference[] }
  | { readonly kind: 'unknown'; readonly candidates: readonly Reference[] }

/** Place names a company or zone name is often written with or without. */
const PLACES = ['江苏省', '苏州市', '太仓市', '江苏', '苏州', '太仓']
/** Legal-form and kind words at the end of a name, longest first. */
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '产业集群',
  '街道办事处',
  '股份',
  '集团',
  '公司',
  '集群',
  '产业',
  '街道',
  '镇',
]

/**
 * The name as written, made comparable: full-width forms to half-width (NFKC), brackets of
 * either width alike, no whitespace or middle dots, case ignored.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/[\s·•・]/g, '')
    .toLowerCase()
}

/**
 * The core of a name: its key without bracketed qualifiers (（太仓）), a leading place name
 * (太仓高新区 → 高新区) and legal-form or kind words at the end (有限公司, 股份, 镇, 集群).
 * 信川汽车部件（太仓）有限公司, 信川汽车部件有限公司 and 信川汽车部件 share one core.
 */
export function coreName(name: string): string {
  let key = nameKey(name).replace(/\([^()]*\)/g, '')
  for (const place of PLACES) {
    if (key.startsWith(place) && key.length > place.length + 1) {
      key = key.slice(place.length)
      break
    }
  }
  for (let changed = true; changed;) {
    changed = false
    for (const suffix of SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length + 1) {
        key = key.slice(0, -suffix.length)
        changed = true
        break
      }
    }
  }
  return key
}

/** Similarity of two keys by shared character pairs (Dice), 0–1; single characters count for short keys. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s]
    if (chars.length < 2) return chars
    return chars.slice(1).map((c, i) => chars[i] + c)
  }
  const x = grams(a)
  const y = grams(b)
  if (x.length === 0 || y.length === 0) return 0
  const pool = new Map<string, number>()
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1)
  let shared = 0
  for (const g of x) {
    const n = pool.get(g) ?? 0
    if (n > 0) {
      shared++
      pool.set(g, n - 1)
    }
  }
  const dice = (2 * shared) / (x.length + y.length)
  // A name written inside another (高新区 in 太仓高新区) is close even where the pairs are few.
  return a.includes(b) || b.includes(a) ? Math.max(dice, 0.5) : dice
}

/** How many candidates an unknown or ambiguous name lists. */
export const CANDIDATES = 3

/** Resolves written values against one reference table's ids and names. */
export function nameResolver(references: readonly Reference[]): (value: string) => Resolution {
  const byId = new Map<string, Reference>()
  const byName = new Map<string, Reference[]>()
  const byCore = new Map<string, Reference[]>()
  const add = (map: Map<string, Reference[]>, key: string, ref: Reference) => {
    if (!key) return
    const list = map.get(key) ?? []
    if (!list.includes(ref)) list.push(ref)
    map.set(key, list)
  }
  for (const ref of references) {
    byId.set(nameKey(ref.id), ref)
    add(byName, nameKey(ref.name), ref)
    add(byCore, coreName(ref.name), ref)
  }
  const closest = (value: string, among: readonly Reference[] = references): Reference[] => {
    const core = coreName(value)
    return among
      .map((ref) => ({
        ref,
        score: Math.max(similarity(core, coreName(ref.name)), similarity(nameKey(value), nameKey(ref.id))),
      }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.ref.id.localeCompare(b.ref.id))
      .slice(0, CANDIDATES)
      .map((s) => s.ref)
  }
  return (value: string): Resolution => {
    const key = nameKey(value)
    const id = byId.get(key)
    if (id) return { kind: 'id', id: id.id, via: 'id' }
    const named = byName.get(key) ?? []
    if (named.length === 1) return { kind: 'id', id: named[0]!.id, via: 'name' }
    if (named.length > 1) return { kind: 'ambiguous', candidates: named.slice(0, CANDIDATES) }
    const cored = byCore.get(coreName(value)) ?? []
    if (cored.length === 1) return { kind: 'id', id: cored[0]!.id, via: 'short' }
    if (cored.length > 1) return { kind: 'ambiguous', candidates: cored.slice(0, CANDIDATES) }
    // A short name written inside one reference's core only (港区 in 太仓港区 → 港区 once its place is gone).
    const inside = references.filter((ref) => {
      const c = coreName(ref.name)
      const v = coreName(value)
      return v.length >= 2 && (c.includes(v) || v.includes(c))
    })
    if (inside.length === 1) return { kind: 'id', id: inside[0]!.id, via: 'short' }
    if (inside.length > 1) return { kind: 'ambiguous', candidates: closest(value, inside) }
    return { kind: 'unknown', candidates: closest(value) }
  }
}

/** "P01 信川汽车部件（太仓）有限公司、P07 …" for a report line. */
export function describeCandidates(candidates: readonly Reference[]): string {
  return candidates.map((c) => (c.id === c.name ? c.id : `${c.id} ${c.name}`)).join('、')
}
