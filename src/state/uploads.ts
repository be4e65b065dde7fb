import { useSyncExternalStore } from 'react'

import { getTable } from '../datasets/registry'
import {
  bareReadCsv,
  benchStatement,
  type CommittedTable,
  discardStage,
  type IngestDatabase,
  type IngestSession,
  openIngestSession,
  untilEngineDies,
} from '../db/ingest'
import {
  confirmUpload,
  type PreparedUpload,
  type PrepareOptions,
  type PreparePhase,
  prepareUpload,
  type UploadInput,
} from '../db/ingest-pipeline'
import type { UploadDecisions } from '../ingest/plan'
import { transcodeInWorker } from '../ingest/transcode-client'
import type { BatchRead } from '../ingest/xlsx/batch'
import { err, ok, type Result } from '../lib/result'
import { offerTestHooks } from '../lib/test-hooks'
import { catalog, nextRevision, setTable, setTables, type TableState } from './catalog'
import { Store } from './store'
import {
  deleteStoredUploads,
  holdDraftLock,
  listStoredUploads,
  pruneUnconfirmedBytes,
  readStoredBytes,
  storeBytes,
  type StoredUpload,
  storeUpload,
} from './upload-store'

export interface StoredUploadSummary {
  readonly id: string
  readonly fileName: string
  readonly table: string
  readonly rows: number
  readonly committedAt: string
  readonly mode: 'replace' | 'append' | 'adhoc'
}

export interface UploadsSnapshot {
  /** The engine is up and uploads can be staged. */
  readonly ready: boolean
  readonly replay: {
    readonly status: 'idle' | 'running' | 'done'
    readonly failures: readonly { fileName: string; reason: string }[]
  }
  readonly stored: readonly StoredUploadSummary[]
  /** Ad-hoc tables loaded now (for the SQL console and the datasets list). */
  readonly adhoc: readonly { readonly name: string; readonly rows: number }[]
}

export const uploads = new Store<UploadsSnapshot>({
  ready: false,
  replay: { status: 'idle', failures: [] },
  stored: [],
  adhoc: [],
})

export function useUploads(): UploadsSnapshot {
  return useSyncExternalStore(uploads.subscribe, uploads.get, uploads.get)
}

let database: IngestDatabase | null = null

function summarise(s: StoredUpload): StoredUploadSummary {
  const t = s.decisions.target
  return {
    id: s.id,
    fileName: s.fileName,
    table: s.table,
    rows: s.rows,
    committedAt: s.committedAt,
    mode: t.kind === 'adhoc' ? 'adhoc' : t.mode,
  }
}

/**
 * What a committed upload makes of its table's state: a new revision, so every view asks
 * again. An append onto the embedded sample still holds sample rows: it keeps its 示例数据 mark.
 */
function committedState(
  committed: CommittedTable,
  decisions: UploadDecisions,
  previous: TableState | undefined,
): TableState {
  const keepSource =
    decisions.target.kind === 'table' && decisions.target.mode === 'append' && previous?.status === 'ready'
  return {
    status: 'ready',
    rows: committed.rows,
    latestPeriod: committed.latestPeriod,
    source: keepSource && previous?.status === 'ready' ? previous.source : 'upload',
    revision: nextRevision(),
    // A local draft: this browser's upload, on top of the published version it was made on (if any).
    draft: true,
    ...(previous?.status === 'ready' && previous.base ? { base: previous.base } : {}),
  }
}

function listAdhoc(committed: CommittedTable, decisions: UploadDecisions) {
  if (decisions.target.kind !== 'adhoc') return
  uploads.set((s) => ({
    ...s,
    adhoc: [...s.adhoc.filter((a) => a.name !== committed.name), { name: committed.name, rows: committed.rows }],
  }))
}

/** Tells the catalog the table changed. */
function publish(committed: CommittedTable, decisions: UploadDecisions) {
  setTable(committed.name, committedState(committed, decisions, catalog.get().tables[committed.name]))
  listAdhoc(committed, decisions)
}

/**
 * The tables stored uploads change, read from this browser's store (none if it cannot be
 * read): start-up holds their embedded state back until replayUploads has done the uploads
 * again, so no view shows the sample's figures first and the user's a moment later.
 */
export async function tablesWithStoredUploads(): Promise<ReadonlySet<string>> {
  try {
    return new Set((await listStoredUploads()).map((s) => s.table))
  } catch {
    return new Set()
  }
}

/**
 * Start-up and engine restart (called from app/boot after the embedded tables load):
 * every stored upload is done again, in order, with the decisions the user made. One that
 * no longer loads is reported and skipped; it never throws. `held`: the embedded states of
 * the tables the uploads change, not yet shown; every table the replay touches is shown in
 * one update at the end, with what the uploads made of it (or its embedded state if none
 * of them loads).
 */
export async function replayUploads(
  db: IngestDatabase,
  held: Readonly<Record<string, TableState>> = {},
): Promise<void> {
  database = db
  exposeBenchHook(db)
  uploads.set((s) => ({ ...s, ready: true, adhoc: [], replay: { status: 'running', failures: [] } }))
  const failures: { fileName: string; reason: string }[] = []
  let stored: StoredUpload[] = []
  try {
    await pruneUnconfirmedBytes()
    stored = await listStoredUploads()
  } catch (e) {
    failures.push({
      fileName: '（全部）',
      reason: `无法读取浏览器中保存的上传：${e instanceof Error ? e.message : String(e)}`,
    })
  }
  const states: Record<string, TableState> = { ...held }
  const replayAll = () => redoUploads(db, stored, states, failures)
  // An engine that dies meanwhile ends the replay (the next engine does it all again).
  const replayed = stored.length ? await untilEngineDies(db, replayAll()) : ok(undefined)
  if (!replayed.ok) failures.push({ fileName: '（未完成的其余上传）', reason: replayed.error })
  setTables(states)
  uploads.set((s) => ({ ...s, stored: stored.map(summarise), replay: { status: 'done', failures } }))
}

/**
 * Does stored uploads again, in order, with the decisions the user made; `states` gets what
 * each made of its table (starting from the state given there, or the catalog's).
 */
async function redoUploads(
  db: IngestDatabase,
  records: readonly StoredUpload[],
  states: Record<string, TableState>,
  failures: { fileName: string; reason: string }[],
): Promise<Result<void, string>> {
  const session = await openIngestSession(db)
  try {
    for (const record of records) {
      const bytes = await readStoredBytes(record.id)
      if (!bytes) {
        failures.push({ fileName: record.fileName, reason: '浏览器中保存的文件内容已丢失' })
        continue
      }
      const prepared = await prepareUpload(session, bytes, record.fileName, {
        decisions: record.decisions,
        transcode: transcodeInWorker,
      })
      const committed = prepared.ok
        ? await confirmUpload(session, prepared.value, record.decisions.skipFailing)
        : prepared
      if (committed.ok) {
        const name = committed.value.name
        states[name] = committedState(committed.value, record.decisions, states[name] ?? catalog.get().tables[name])
        listAdhoc(committed.value, record.decisions)
      } else failures.push({ fileName: record.fileName, reason: committed.error })
    }
  } finally {
    await session.close()
  }
  return ok(undefined)
}

/**
 * A newer published version of `tables` was just loaded: this browser's drafts of them are
 * done again on top of it (the same as at start-up, for these tables only).
 */
export async function replayUploadsOf(db: IngestDatabase, tables: ReadonlySet<string>): Promise<void> {
  const failures: { fileName: string; reason: string }[] = []
  const states: Record<string, TableState> = {}
  let records: StoredUpload[] = []
  try {
    records = (await listStoredUploads()).filter((r) => tables.has(r.table))
  } catch (e) {
    failures.push({
      fileName: '（全部）',
      reason: `无法读取浏览器中保存的上传：${e instanceof Error ? e.message : String(e)}`,
    })
  }
  const redone = records.length ? await untilEngineDies(db, redoUploads(db, records, states, failures)) : ok(undefined)
  if (!redone.ok) failures.push({ fileName: '（未完成的其余上传）', reason: redone.error })
  setTables(states)
  if (failures.length)
    uploads.set((s) => ({ ...s, replay: { ...s.replay, failures: [...s.replay.failures, ...failures] } }))
}

/** Committed uploads still being written to this browser: leaving the page now would lose them. */
let saving = 0
function keepWhileSaving<T>(work: Promise<T>): Promise<T> {
  if (saving++ === 0) addEventListener('beforeunload', warnWhileSaving)
  return work.finally(() => {
    if (--saving === 0) removeEventListener('beforeunload', warnWhileSaving)
  })
}
function warnWhileSaving(e: BeforeUnloadEvent) {
  e.preventDefault()
}

/** A file being uploaded: its own connection, so its staging tables are its own. */
export interface UploadDraft {
  readonly session: IngestSession
  readonly prepared: PreparedUpload
  /** The user's File (read again when an option changes), or bytes. */
  readonly original: UploadInput
  readonly id: string
  /** The bytes being written to IndexedDB while the user reads the report. */
  readonly bytesStored: Promise<boolean>
  /** The target table's revision the preview was made against (null: it changed while the preview was made). */
  readonly targetRevision: number | null
  /** Lets go of the lock that keeps this draft's stored bytes from any tab's pruning (the draft is over). */
  readonly release: () => void
}

/** The revision of a registry target's table now, or null for an ad-hoc target. */
function revisionOf(prepared: PreparedUpload, tables = catalog.get().tables): number | null {
  if (prepared.plan.target.kind !== 'table') return null
  const state = tables[prepared.plan.target.table.name]
  return state?.status === 'ready' ? state.revision : null
}

const readyDatabase = (): IngestDatabase | null => (uploads.get().replay.status === 'done' ? database : null)

/** The engine the tables are in, once start-up has done the stored uploads (a publish reads from it). */
export const uploadDatabase = readyDatabase

/** Reads the list of stored uploads again (after a publish retired some). */
export async function refreshStoredList(): Promise<void> {
  try {
    const stored = await listStoredUploads()
    uploads.set((s) => ({ ...s, stored: stored.map(summarise) }))
  } catch {
    // The list stays as it was.
  }
}

/** The engine is being replaced (app/boot): new uploads wait for the next one and its replay. */
export function forgetEngine(): void {
  database = null
}

/**
 * The engine uploads go to, once it has the embedded data and has done every stored upload
 * again (a new upload comes after them); or why there will be none (it failed to start).
 * A file picked while the engine starts waits here instead of being turned away.
 */
function engineForUploads(): Promise<Result<IngestDatabase, string>> {
  const now = (): Result<IngestDatabase, string> | null => {
    const engine = catalog.get().engine
    if (engine.status === 'failed') return err(`数据引擎未能启动，无法导入：${engine.reason}`)
    const ready = readyDatabase()
    return ready ? ok(ready) : null
  }
  const ready = now()
  if (ready) return Promise.resolve(ready)
  return new Promise((resolve) => {
    const check = () => {
      const r = now()
      if (!r) return
      stop.forEach((unsubscribe) => unsubscribe())
      resolve(r)
    }
    const stop = [uploads.subscribe(check), catalog.subscribe(check)]
  })
}

export type DraftPhase = 'waiting' | PreparePhase

/**
 * Where a draft's rows come from besides its bytes: one group of workbooks read together (the
 * bytes are the CSV they were written as, which is also what is kept for the next visit).
 */
export interface WorkbookOrigin {
  readonly batch: BatchRead
  readonly group: number
}

export async function prepareDraft(
  original: UploadInput,
  fileName: string,
  options: Pick<PrepareOptions, 'decisions'> & {
    readonly onPhase?: (phase: DraftPhase) => void
    readonly workbook?: WorkbookOrigin
  },
  previous?: UploadDraft,
): Promise<Result<UploadDraft, string>> {
  if (!previous && !readyDatabase()) options.onPhase?.('waiting')
  const engine = previous ? ok(previous.session.db) : await engineForUploads()
  if (!engine.ok) return engine
  return untilEngineDies(engine.value, stageDraft(engine.value, original, fileName, options, previous))
}

async function stageDraft(
  db: IngestDatabase,
  original: UploadInput,
  fileName: string,
  options: Pick<PrepareOptions, 'decisions' | 'onPhase'> & { readonly workbook?: WorkbookOrigin },
  previous?: UploadDraft,
): Promise<Result<UploadDraft, string>> {
  const session = previous?.session ?? (await openIngestSession(db))
  const id = previous?.id ?? `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  // Taken before the bytes are written: until the draft is over, no tab prunes them.
  const release = previous?.release ?? holdDraftLock(id)
  const tablesBefore = catalog.get().tables
  const { workbook, ...rest } = options
  // The workbook path's module is loaded with the first workbook, not with the page.
  const prepared = workbook
    ? await (
        await import('../db/ingest-workbook')
      ).prepareWorkbookGroup(session, workbook.batch, workbook.group, { ...rest, input: original })
    : await prepareUpload(session, original, fileName, { ...rest, transcode: transcodeInWorker })
  if (!prepared.ok) {
    // A changed option that does not work leaves the previous staging in place to go back to.
    if (!previous) {
      await discardStage(session)
      await session.close()
      release()
    }
    return prepared
  }
  // The bytes go to IndexedDB while the user reads the report (not while DuckDB reads the
  // file, which would share the machine with it): confirming then has little left to write.
  // A File is stored as it is: the browser copies it without the main thread cloning 65 MB.
  // (Leaving before confirming loses nothing: bytes never confirmed are pruned at start-up.)
  const bytesStored =
    previous?.bytesStored ??
    storeBytes(id, original instanceof Blob ? original : original.slice().buffer).catch(() => false)
  // Another upload committed into the same table while this one was read: its preview may be out of date.
  const revision = revisionOf(prepared.value)
  const targetRevision = revision !== null && revision === revisionOf(prepared.value, tablesBefore) ? revision : null
  return ok({ session, prepared: prepared.value, original, id, bytesStored, targetRevision, release })
}

/**
 * Commits a draft: the table changes and the catalog follows at once; `persisted` settles
 * when the upload is stored for the next visit (true), or cannot be (false).
 */
export async function commitDraft(
  draft: UploadDraft,
  skipFailing: boolean,
): Promise<Result<CommittedTable & { persisted: Promise<boolean> }, string>> {
  const targetUnchanged = draft.targetRevision !== null && revisionOf(draft.prepared) === draft.targetRevision
  const committed = await untilEngineDies(
    draft.session.db,
    confirmUpload(draft.session, draft.prepared, skipFailing, { targetUnchanged }).finally(() => draft.session.close()),
  )
  if (!committed.ok) {
    draft.release()
    return committed
  }
  const decisions = { ...draft.prepared.decisions, skipFailing }
  publish(committed.value, decisions)
  const persisted = keepWhileSaving(persist(draft, decisions, committed.value).finally(draft.release))
  return ok({ ...committed.value, persisted })
}

async function persist(draft: UploadDraft, decisions: UploadDecisions, committed: CommittedTable): Promise<boolean> {
  // Drafts live only in this browser until published: ask it not to evict them under storage pressure.
  void navigator.storage?.persist?.().catch(() => false)
  let persisted = false
  try {
    if (await draft.bytesStored) {
      persisted = await storeUpload({
        id: draft.id,
        fileName: draft.prepared.fileName,
        decisions,
        committedAt: new Date().toISOString(),
        table: committed.name,
        rows: committed.rows,
      })
    }
    const stored = await listStoredUploads()
    uploads.set((s) => ({ ...s, stored: stored.map(summarise) }))
  } catch {
    // Stays loaded for this visit; the message says it will not survive a reload.
  }
  return persisted
}

/** Drops a draft: its staging tables go with its connection; no table was touched. */
export async function discardDraft(draft: UploadDraft): Promise<void> {
  const dropped = async () => {
    await discardStage(draft.session)
    await draft.session.close()
    return ok(undefined)
  }
  await untilEngineDies(draft.session.db, dropped())
  if (await draft.bytesStored) await deleteStoredUploads([draft.id])
  draft.release()
}

/** 恢复内置示例数据: forget every upload and start again from the embedded files. */
export async function restoreBuiltInData(): Promise<void> {
  await deleteStoredUploads()
  location.reload()
}

export function isRegistryTable(name: string): boolean {
  return getTable(name) !== undefined
}

/** Benchmark only (behind the test flag, see lib/test-hooks): a bare read_csv on the same engine, to compare with. */
function exposeBenchHook(db: IngestDatabase) {
  offerTestHooks({
    bareReadCsv: (bytes: Uint8Array | Blob) => bareReadCsv(db, bytes),
    // Puts a table back between runs, outside the timed part, so every run loads into the same state.
    sql: (text: string) => benchStatement(db, text),
  })
}
