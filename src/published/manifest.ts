/**
 * The published data's manifest (`data/manifest.json`, written by the server behind
 * `npm start`): which version of each table every screen should show. It comes over the
 * network, so it is read as untrusted JSON: anything that is not exactly this shape is
 * left out, and a manifest that cannot be read at all means "embedded data only".
 */
import { err, ok, type Result } from '../lib/result'

export interface PublishedMonths {
  readonly from: string
  readonly to: string
  readonly count: number
}

export interface PublishedTable {
  readonly table: string
  readonly kind: 'registry' | 'adhoc'
  /** The Chinese label (registry) or the ad-hoc table's display name. */
  readonly label: string
  /** Relative to `data/`: `tables/<dir>/<sha256>.arrow`. */
  readonly file: string
  readonly sha256: string
  readonly bytes: number
  readonly rows: number
  readonly months: PublishedMonths | null
  readonly publisher: string
  readonly publishedAt: string
  readonly sources: readonly string[]
  readonly replaces: string | null
  /** The manifest version at which this table version became current. */
  readonly version: number
}

export interface Manifest {
  readonly version: number
  readonly updatedAt: string | null
  readonly tables: Readonly<Record<string, PublishedTable>>
  /**
   * The build's own placeholder (public/data/manifest.json): a static copy of dist/ with no
   * data folder, where nothing can be published. The server's manifest shadows it.
   */
  readonly static?: boolean
}

/** What a static copy of dist/ without a data folder has: nothing published. */
export const EMPTY_MANIFEST: Manifest = { version: 0, updatedAt: null, tables: {} }

const SHA256 = /^[0-9a-f]{64}$/
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/
/** A table file's path under data/: no way out of tables/, nothing but safe characters. */
const TABLE_FILE = /^tables\/[A-Za-z0-9_-]{1,80}\/[0-9a-f]{64}\.arrow$/

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const text = (v: unknown, max = 500): string | null => (typeof v === 'string' && v.length <= max ? v : null)

function readMonths(v: unknown): PublishedMonths | null | undefined {
  if (v === null || v === undefined) return null
  if (!isRecord(v)) return undefined
  const { from, to, count } = v
  if (typeof from !== 'string' || typeof to !== 'string' || !PERIOD.test(from) || !PERIOD.test(to) || from > to)
    return undefined
  return { from, to, count: isCount(count) ? count : 0 }
}

function readTable(name: string, v: unknown): PublishedTable | null {
  if (!isRecord(v)) return null
  const file = text(v.file, 200)
  const sha256 = text(v.sha256, 64)
  const months = readMonths(v.months)
  if (!file || !TABLE_FILE.test(file) || !sha256 || !SHA256.test(sha256) || !file.endsWith(`/${sha256}.arrow`))
    return null
  if (months === undefined || !isCount(v.rows) || !isCount(v.version)) return null
  if (v.table !== name || (v.kind !== 'registry' && v.kind !== 'adhoc')) return null
  const replaces = text(v.replaces, 64)
  return {
    table: name,
    kind: v.kind,
    label: text(v.label, 200) ?? name,
    file,
    sha256,
    bytes: isCount(v.bytes) ? v.bytes : 0,
    rows: v.rows,
    months,
    publisher: text(v.publisher, 100) ?? '',
    publishedAt: text(v.publishedAt, 40) ?? '',
    sources: Array.isArray(v.sources) ? v.sources.flatMap((s) => (typeof s === 'string' ? [s.slice(0, 300)] : [])) : [],
    replaces: replaces && SHA256.test(replaces) ? replaces : null,
    version: v.version,
  }
}

/**
 * Reads a manifest from its JSON text. A table entry that is not well formed is left out
 * (its table then shows the embedded data) and named in `skipped`.
 */
export function parseManifest(json: string): Result<{ manifest: Manifest; skipped: string[] }, string> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return err('发布数据清单不是有效的 JSON')
  }
  if (!isRecord(raw) || !isCount(raw.version) || !isRecord(raw.tables)) return err('发布数据清单格式不正确')
  const tables: Record<string, PublishedTable> = {}
  const skipped: string[] = []
  for (const [name, entry] of Object.entries(raw.tables)) {
    const table = name.length <= 100 ? readTable(name, entry) : null
    if (table) tables[name] = table
    else skipped.push(name.slice(0, 100))
  }
  const manifest: Manifest = { version: raw.version, updatedAt: text(raw.updatedAt, 40), tables }
  return ok({ manifest: raw.static === true ? { ...manifest, static: true } : manifest, skipped })
}

export interface ManifestChange {
  readonly table: string
  /** The new version, or null when the table went back to its embedded data. */
  readonly next: PublishedTable | null
  readonly previous: PublishedTable | null
}

/** The tables whose published version differs between two manifests. */
export function manifestChanges(previous: Manifest, next: Manifest): ManifestChange[] {
  const names = new Set([...Object.keys(previous.tables), ...Object.keys(next.tables)])
  const changes: ManifestChange[] = []
  for (const table of [...names].sort()) {
    const before = previous.tables[table] ?? null
    const after = next.tables[table] ?? null
    if (before?.sha256 !== after?.sha256) changes.push({ table, next: after, previous: before })
  }
  return changes
}
