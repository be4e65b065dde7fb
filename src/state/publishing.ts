import { getTable } from '../datasets/registry'
import { anyTableArrowStream } from '../db/load-table'
import { err, type Result } from '../lib/result'
import {
  type Credentials,
  type PublishResult,
  publishTable,
  rollbackTable,
  unpublishTable,
  type WriteFailure,
} from '../published/client'
import { manifestChanges } from '../published/manifest'
import { catalog, setTable } from './catalog'
import { applyPending, pollManifest, published, setApplied } from './published'
import { deleteStoredUploads, listStoredUploads } from './upload-store'
import { refreshStoredList, uploadDatabase } from './uploads'

/** Why a table cannot be published from this page as it is, or null. */
export function cannotPublish(name: string): string | null {
  const state = catalog.get().tables[name]
  if (state?.status !== 'ready') return '这张表尚未载入'
  // Published data is never synthetic: rows appended onto the embedded sample still hold it.
  if (state.source === 'embedded' && getTable(name)?.provenance === 'sample')
    return '此表仍包含内置示例数据（合成，非真实统计），不能发布：请以“替换”方式上传完整的数据后再发布'
  if (!uploadDatabase()) return '数据引擎尚未就绪'
  return null
}

export interface PublishProgress {
  readonly phase: 'packing' | 'sending' | 'checking'
  /** Share sent, 0–1, while sending. */
  readonly sent?: number
}

/**
 * Publishes a table as this page has it (the whole table, drafts included), on top of the
 * published version it was made on. When it lands, this browser's drafts of the table are
 * retired: the published version now holds them, and every screen shows it.
 */
export async function publishFromHere(
  name: string,
  credentials: Credentials,
  onProgress: (p: PublishProgress) => void = () => {},
): Promise<Result<PublishResult, WriteFailure>> {
  const refused = cannotPublish(name)
  const db = uploadDatabase()
  const state = catalog.get().tables[name]
  if (refused || !db || state?.status !== 'ready') return err({ kind: 'failed', message: refused ?? '无法发布' })
  onProgress({ phase: 'packing' })
  const records = (await listStoredUploads().catch(() => [])).filter((r) => r.table === name)
  const body = await anyTableArrowStream(db, name, getTable(name) ?? null)
  const result = await publishTable(name, body, {
    credentials,
    base: state.base?.sha256 ?? null,
    sources: records.map((r) => r.fileName),
    onProgress: (sent, total) =>
      onProgress(sent < total ? { phase: 'sending', sent: sent / total } : { phase: 'checking' }),
  })
  if (!result.ok) return result
  await deleteStoredUploads(records.map((r) => r.id)).catch(() => undefined)
  await refreshStoredList()
  await showAsPublished(name, result.value.sha256)
  return result
}

/**
 * The page already holds the rows it just published: it shows them as that published
 * version without loading them again (same revision, no view asks again).
 */
async function showAsPublished(name: string, sha256: string) {
  await pollManifest()
  const { applied, latest } = published.get()
  const entry = latest.tables[name]
  const state = catalog.get().tables[name]
  if (!entry || entry.sha256 !== sha256 || state?.status !== 'ready') return
  setTable(name, { ...state, source: 'published', draft: false, base: entry })
  const shown = { ...applied, tables: { ...applied.tables, [name]: entry } }
  setApplied(manifestChanges(shown, latest).length === 0 ? latest : shown, published.get().problems)
}

/** A rollback or unpublish landed: every screen will show it; this one at once. */
async function afterWrite<T>(r: Result<T, WriteFailure>): Promise<Result<T, WriteFailure>> {
  if (r.ok) {
    await pollManifest()
    await applyPending()
  }
  return r
}

export async function rollbackTo(table: string, sha256: string, credentials: Credentials) {
  return afterWrite(await rollbackTable(table, sha256, credentials))
}

export async function unpublish(table: string, credentials: Credentials) {
  return afterWrite(await unpublishTable(table, credentials))
}
