/**
 * The manifest: what every screen polls to learn which version of each table is current.
 * Its layout is the URL layout under data/, so a copied data dir also works beside a static
 * dist/. An entry names an immutable, content-addressed file.
 */

export interface MonthsCovered {
  readonly from: string
  readonly to: string
  readonly count: number
}

export type TableKind = 'registry' | 'adhoc'

export interface ManifestEntry {
  readonly table: string
  readonly kind: TableKind
  /** The registry's Chinese label, or an ad-hoc table's own name. */
  readonly label: string
  /** Relative to the data dir (and to data/ in URLs): tables/<dir>/<sha256>.arrow. */
  readonly file: string
  readonly sha256: string
  readonly bytes: number
  readonly rows: number
  /** The months the registry's period column covers; null for a table without one. */
  readonly months: MonthsCovered | null
  readonly publisher: string
  readonly publishedAt: string
  /** Names of the files the analyst uploaded to make this version. */
  readonly sources: readonly string[]
  /** The version this one replaced as current (null: the embedded sample). */
  readonly replaces: string | null
  /** The manifest version at which this became current. */
  readonly version: number
}

export interface Manifest {
  readonly version: number
  readonly updatedAt?: string
  readonly tables: Readonly<Record<string, ManifestEntry>>
}

export const EMPTY_MANIFEST: Manifest = { version: 0, tables: {} }

export const SHA256 = /^[0-9a-f]{64}$/

/** The file of a table version, relative to the data dir. */
export function tableFile(dir: string, sha256: string): string {
  return `tables/${dir}/${sha256}.arrow`
}

/** A manifest read from disk, checked field by field; throws with the reason when it is not one. */
export function parseManifest(text: string): Manifest {
  const value = JSON.parse(text) as Manifest
  if (!value || typeof value !== 'object' || !Number.isSafeInteger(value.version) || value.version < 0)
    throw new Error('manifest has no valid version')
  if (!value.tables || typeof value.tables !== 'object') throw new Error('manifest has no tables')
  for (const [name, entry] of Object.entries(value.tables)) {
    if (!isEntry(entry) || entry.table !== name) throw new Error(`manifest entry ${JSON.stringify(name)} is malformed`)
  }
  return value
}

export function isEntry(entry: unknown): entry is ManifestEntry {
  const e = entry as ManifestEntry
  return (
    !!e &&
    typeof e.table === 'string' &&
    (e.kind === 'registry' || e.kind === 'adhoc') &&
    typeof e.file === 'string' &&
    /^tables\/[a-z0-9_-]+\/[0-9a-f]{64}\.arrow$/.test(e.file) &&
    SHA256.test(e.sha256) &&
    e.file.endsWith(`/${e.sha256}.arrow`) &&
    Number.isSafeInteger(e.bytes) &&
    Number.isSafeInteger(e.rows) &&
    Number.isSafeInteger(e.version)
  )
}

/** The manifest after one change: `entry` current for its table, or `table` back to the embedded sample. */
export function withChange(
  manifest: Manifest,
  change: { table: string; entry: ManifestEntry | null },
  version: number,
  at: string,
): Manifest {
  const tables = { ...manifest.tables }
  if (change.entry) tables[change.table] = change.entry
  else delete tables[change.table]
  return { version, updatedAt: at, tables: sortedByName(tables) }
}

function sortedByName(tables: Record<string, ManifestEntry>): Record<string, ManifestEntry> {
  return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
