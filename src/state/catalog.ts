import { useSyncExternalStore } from 'react'

import { getTable, TABLES } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import type { PublishedTable } from '../published/manifest'
import { Store } from './store'

/**
 * Where a table's current rows came from: the build's embedded sample, a version published
 * on the server (shared by every screen), or this browser's own uploads (a local draft).
 */
export type TableSource = 'embedded' | 'published' | 'upload'

export type TableState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready'
      readonly rows: number
      readonly latestPeriod: string | null
      readonly source: TableSource
      /** Changes whenever the table's rows change: part of every cache key that reads it. */
      readonly revision: number
      /**
       * The published version the rows are (source 'published') or start from (a local draft
       * on top of it); absent when they start from the embedded data.
       */
      readonly base?: PublishedTable
      /** This browser's uploads changed the rows (本机草稿): not shared until published. */
      readonly draft?: boolean
    }
  | { readonly status: 'error'; readonly reason: string; readonly detail?: string }

export type EngineState =
  | { readonly status: 'starting' }
  | { readonly status: 'ready'; readonly bundle: string }
  /** The engine stopped answering and is being replaced; what is on screen is the last good data. */
  | { readonly status: 'restarting'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string }

export interface CatalogSnapshot {
  readonly engine: EngineState
  readonly tables: Readonly<Record<string, TableState>>
  /** Every table has settled (loaded or failed). */
  readonly dataReady: boolean
  /** Bumped by a refresh: every view asks again, even if no table changed. */
  readonly epoch: number
}

export const catalog = new Store<CatalogSnapshot>({
  engine: { status: 'starting' },
  tables: {},
  dataReady: false,
  epoch: 0,
})

let revisions = 0
export function nextRevision(): number {
  return ++revisions
}

export function setEngine(engine: EngineState) {
  catalog.set((s) => ({ ...s, engine }))
}

/** Several tables in one update, so views re-render once. */
export function setTables(states: Readonly<Record<string, TableState>>) {
  catalog.set((s) => ({ ...s, tables: { ...s.tables, ...states } }))
}

export function setTable(name: string, state: TableState) {
  setTables({ [name]: state })
}

/** Ask every view again (the kiosk's periodic refresh). */
export function bumpEpoch() {
  catalog.set((s) => ({ ...s, epoch: s.epoch + 1 }))
}

export function setDataReady() {
  catalog.set((s) => ({ ...s, dataReady: true }))
}

export function useCatalog(): CatalogSnapshot {
  return useSyncExternalStore(catalog.subscribe, catalog.get, catalog.get)
}

/** The readiness of a set of tables: why a query on them cannot run, or the key of their current data. */
export type TablesReadiness =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'failed'; readonly table: string; readonly reason: string; readonly detail?: string }
  | { readonly kind: 'engine-failed'; readonly reason: string }
  | { readonly kind: 'ready'; readonly key: string }

export function readinessOf(snapshot: CatalogSnapshot, tables: readonly string[]): TablesReadiness {
  if (snapshot.engine.status === 'failed') return { kind: 'engine-failed', reason: snapshot.engine.reason }
  const revs: number[] = []
  for (const name of tables) {
    const t = snapshot.tables[name]
    if (t?.status === 'error')
      return { kind: 'failed', table: name, reason: t.reason, ...(t.detail ? { detail: t.detail } : {}) }
    if (t?.status !== 'ready') return { kind: 'waiting' }
    revs.push(t.revision)
  }
  return { kind: 'ready', key: revs.join(',') }
}

/**
 * The tables, of `names` (every registered table by default), whose rows are still the
 * embedded synthetic sample: what the 示例数据 marks are shown for. An upload that replaces a
 * table makes it the user's; a table that failed to load shows nothing, so is not marked.
 */
export function sampleTablesIn(
  snapshot: CatalogSnapshot,
  names: readonly string[] = TABLES.map((t) => t.name),
): TableDef[] {
  return names.flatMap((name) => {
    const table = getTable(name)
    const state = snapshot.tables[name]
    return table?.provenance === 'sample' && state?.status === 'ready' && state.source === 'embedded' ? [table] : []
  })
}

export interface AdhocTable {
  readonly name: string
  readonly rows: number
  readonly source: TableSource
  readonly draft: boolean
}

/** Tables loaded now that are not in the registry: uploaded as they were, here or on the server. */
export function adhocTablesIn(snapshot: CatalogSnapshot): AdhocTable[] {
  return Object.entries(snapshot.tables).flatMap(([name, t]) =>
    !getTable(name) && t.status === 'ready' ? [{ name, rows: t.rows, source: t.source, draft: t.draft === true }] : [],
  )
}

/** How a table's origin is named where it shows: 本机草稿 for this browser's drafts, 已发布 for shared data. */
export function originOf(state: TableState | undefined): 'draft' | 'published' | null {
  if (state?.status !== 'ready') return null
  if (state.draft) return 'draft'
  return state.source === 'published' ? 'published' : null
}
