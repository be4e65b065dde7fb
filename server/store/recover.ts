/**
 * Start-up: the manifest and the audit log are read and made to agree, and every file the
 * manifest names is checked against its sha256. A damaged version is never served: its
 * table goes back to the newest earlier version whose file is intact, or to the embedded
 * sample, and the reason is logged and written to the audit log.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'

import { type AuditEvent, readAudit } from './audit'
import { fileDamage } from './hash'
import { EMPTY_MANIFEST, type Manifest, type ManifestEntry, parseManifest } from './manifest'

export interface StoreLog {
  info(message: string): void
  warn(message: string): void
}

export interface Recovered {
  readonly manifest: Manifest
  /** The audit log as read (after a torn last line was cut off). */
  readonly events: AuditEvent[]
  /** Audit lines start-up adds (lost lines written back, recoveries). */
  readonly append: AuditEvent[]
  /** Whether the manifest on disk must be replaced by `manifest`. */
  readonly rewrite: boolean
}

const SERVER = 'server'

/** The tables' current entries after replaying the log (what the manifest said after its last line). */
export function stateFromAudit(events: readonly AuditEvent[]): Map<string, ManifestEntry> {
  const state = new Map<string, ManifestEntry>()
  for (const e of events) {
    if (e.entry) state.set(e.table, e.entry)
    else if (e.action === 'unpublish' || e.action === 'recover') state.delete(e.table)
  }
  return state
}

async function readManifest(file: string, events: readonly AuditEvent[], log: StoreLog): Promise<Manifest | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (events.length) log.warn('manifest.json is missing: rebuilt from audit.jsonl')
    return null
  }
  try {
    return parseManifest(text)
  } catch (error) {
    log.warn(`manifest.json is unreadable (${(error as Error).message}): rebuilt from audit.jsonl`)
    return null
  }
}

export async function recoverAtStartup(dataDir: string, log: StoreLog): Promise<Recovered> {
  const audit = await readAudit(path.join(dataDir, 'audit.jsonl'))
  for (const note of audit.notes) log.warn(note)
  const events = audit.events
  const lastLogged = events.reduce((v, e) => Math.max(v, e.version), 0)
  const read = await readManifest(path.join(dataDir, 'manifest.json'), events, log)
  const at = new Date().toISOString()
  const changed: AuditEvent[] = []
  let manifest: Manifest
  if (read) {
    manifest = read
    changed.push(...linesLost(manifest, stateFromAudit(events), lastLogged, at))
  } else {
    const tables = Object.fromEntries(stateFromAudit(events))
    manifest = events.length ? { version: lastLogged, updatedAt: at, tables } : EMPTY_MANIFEST
  }
  const known = [...events, ...changed]

  const tables = { ...manifest.tables }
  const repairs: { table: string; from: ManifestEntry; to: ManifestEntry | null; reason: string }[] = []
  const damaged = new Set<string>()
  for (const entry of Object.values(manifest.tables)) {
    const reason = await fileDamage(path.join(dataDir, entry.file), entry.sha256, entry.bytes)
    if (!reason) continue
    log.warn(`${entry.table}: version ${entry.sha256} is damaged (${reason}); it will not be served`)
    await quarantine(path.join(dataDir, entry.file), damaged, entry.sha256)
    const fallback = await previousGood(dataDir, entry, known, damaged, log)
    repairs.push({ table: entry.table, from: entry, to: fallback, reason })
  }
  if (repairs.length === 0) return { manifest, events, append: changed, rewrite: !read && events.length > 0 }

  const version = manifest.version + 1
  for (const { table, from, to, reason } of repairs) {
    const entry = to && { ...to, version, replaces: from.sha256 }
    if (entry) tables[table] = entry
    else delete tables[table]
    log.warn(
      entry
        ? `${table}: serving the earlier version ${entry.sha256} (published ${to.publishedAt} by ${to.publisher})`
        : `${table}: no intact earlier version; back to the embedded sample`,
    )
    changed.push({
      at,
      action: 'recover',
      table,
      who: SERVER,
      client: null,
      from: from.sha256,
      to: entry?.sha256 ?? null,
      rows: entry?.rows ?? null,
      version,
      entry,
      reason: `启动检查发现当前版本文件已损坏（${reason}），${entry ? '已退回上一个完好的版本' : '已退回内置示例数据'}`,
    })
  }
  return { manifest: { version, updatedAt: at, tables }, events, append: changed, rewrite: true }
}

/**
 * Audit lines a crash cut off: the manifest was replaced but the line after it never
 * written. They are written back from the manifest, marked recovered.
 */
function linesLost(
  manifest: Manifest,
  logged: Map<string, ManifestEntry>,
  lastLogged: number,
  at: string,
): AuditEvent[] {
  if (manifest.version <= lastLogged) return []
  const lost: AuditEvent[] = []
  for (const entry of Object.values(manifest.tables)) {
    if (entry.version <= lastLogged) continue
    lost.push({
      at: entry.publishedAt,
      action: 'publish',
      table: entry.table,
      who: entry.publisher,
      client: null,
      from: entry.replaces,
      to: entry.sha256,
      rows: entry.rows,
      version: entry.version,
      entry,
      recovered: true,
    })
  }
  for (const [table, entry] of logged) {
    if (manifest.tables[table]) continue
    lost.push({
      at,
      action: 'unpublish',
      table,
      who: SERVER,
      client: null,
      from: entry.sha256,
      to: null,
      rows: null,
      version: manifest.version,
      entry: null,
      recovered: true,
    })
  }
  return lost.sort((a, b) => a.version - b.version)
}

/** The newest version the table had before `entry` whose file is intact; null when none is. */
async function previousGood(
  dataDir: string,
  entry: ManifestEntry,
  events: readonly AuditEvent[],
  damaged: Set<string>,
  log: StoreLog,
): Promise<ManifestEntry | null> {
  const seen = new Set<string>([entry.sha256])
  for (const e of [...events].reverse()) {
    const candidate = e.table === entry.table ? e.entry : null
    if (!candidate || seen.has(candidate.sha256) || damaged.has(candidate.sha256)) continue
    seen.add(candidate.sha256)
    const reason = await fileDamage(path.join(dataDir, candidate.file), candidate.sha256, candidate.bytes)
    if (!reason) return candidate
    log.warn(`${entry.table}: earlier version ${candidate.sha256} is damaged too (${reason})`)
    await quarantine(path.join(dataDir, candidate.file), damaged, candidate.sha256)
  }
  return null
}

/** Moves a damaged file aside (kept for inspection, never served) so a new publish of the same content rewrites it. */
async function quarantine(file: string, damaged: Set<string>, sha256: string) {
  damaged.add(sha256)
  await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined)
}
