import { useSyncExternalStore } from 'react'

import { readManifest } from '../published/client'
import { EMPTY_MANIFEST, type Manifest, type ManifestChange, manifestChanges } from '../published/manifest'
import { Store } from './store'

/**
 * What this page knows of the published data: the manifest it shows, the newest one the
 * server has (when they differ, `pending` says which tables changed), and whether there is
 * a server at all ('static': a copy of dist/ with no data folder, embedded data only).
 */
export interface PublishedSnapshot {
  readonly mode: 'unknown' | 'server' | 'static'
  /** The manifest whose tables the page shows: `<html data-data-version>`. */
  readonly applied: Manifest
  /** The newest manifest read from the server. */
  readonly latest: Manifest
  /** Tables that differ between `applied` and `latest`. */
  readonly pending: readonly ManifestChange[]
  /** An update is being loaded into the engine. */
  readonly applying: boolean
  /** Published tables that could not be loaded, by table (what is shown instead is said). */
  readonly problems: Readonly<Record<string, string>>
}

export const published = new Store<PublishedSnapshot>({
  mode: 'unknown',
  applied: EMPTY_MANIFEST,
  latest: EMPTY_MANIFEST,
  pending: [],
  applying: false,
  problems: {},
})

export function usePublished(): PublishedSnapshot {
  return useSyncExternalStore(published.subscribe, published.get, published.get)
}

let etag: string | null = null

/**
 * The manifest at start-up: what the page will show first. No manifest (a static host) or
 * one that cannot be read means the embedded data; a read failure is not fatal.
 */
export async function readInitialManifest(): Promise<Manifest> {
  const read = await readManifest()
  if (read.kind === 'manifest') {
    etag = read.etag
    const problems = Object.fromEntries(read.skipped.map((t) => [t, `发布数据清单中「${t}」的记录格式不正确，已忽略`]))
    published.set((s) => ({ ...s, mode: read.manifest.static ? 'static' : 'server', latest: read.manifest, problems }))
    return read.manifest
  }
  published.set((s) => ({
    ...s,
    mode: read.kind === 'absent' ? 'static' : 'unknown',
    problems: read.kind === 'failed' ? ({ manifest: read.reason } as Record<string, string>) : {},
  }))
  return EMPTY_MANIFEST
}

/** The page now shows `manifest` (some of its tables may have failed to load: `problems`). */
export function setApplied(manifest: Manifest, problems: Readonly<Record<string, string>> = {}) {
  published.set((s) => {
    const latest = s.latest.version > manifest.version ? s.latest : manifest
    return { ...s, applied: manifest, latest, pending: manifestChanges(manifest, latest), problems }
  })
  if (typeof document !== 'undefined') document.documentElement.dataset.dataVersion = String(manifest.version)
}

let applier: (() => Promise<void>) | null = null
let applying: Promise<void> | null = null

/** The app's start-up registers how a newer manifest's tables get into the engine. */
export function registerApplier(apply: () => Promise<void>) {
  applier = apply
}

/**
 * Shows what was published since the page's data was loaded: the changed tables are loaded
 * and every view that reads them asks again. One at a time; a call meanwhile waits for it.
 */
export function applyPending(): Promise<void> {
  if (applying) return applying
  if (!applier || published.get().pending.length === 0) return Promise.resolve()
  applying = applier().finally(() => {
    applying = null
  })
  return applying
}

export function setApplying(applying: boolean) {
  published.set((s) => ({ ...s, applying }))
}

/**
 * Asks the server whether anything was published (cheap: a 304 when nothing changed).
 * Returns the changes not yet shown; the caller decides when to apply them.
 */
export async function pollManifest(): Promise<readonly ManifestChange[]> {
  const read = await readManifest(etag)
  if (read.kind === 'absent') {
    published.set((s) => (s.mode === 'static' ? s : { ...s, mode: 'static' }))
    return published.get().pending
  }
  if (read.kind !== 'manifest') return published.get().pending
  etag = read.etag
  published.set((s) => {
    // A manifest older than the one shown (a proxy's stale copy) changes nothing.
    const mode = read.manifest.static ? 'static' : 'server'
    if (read.manifest.version < s.applied.version) return { ...s, mode }
    return { ...s, mode, latest: read.manifest, pending: manifestChanges(s.applied, read.manifest) }
  })
  return published.get().pending
}
