import { embeddedUrl } from '../datasets/embedded'
import type { TableDef } from '../datasets/schema'
import type { TableFile } from '../db/load-table'
import { fetchPublishedBytes } from '../published/client'
import type { PublishedTable } from '../published/manifest'

/** A table's file as downloaded: the published version's when there is one, else the build's. */
export interface TableDownload {
  readonly file: TableFile['file']
  /** The published version these bytes are; null for the embedded data. */
  readonly entry: PublishedTable | null
  /** Why a published version was not used (its embedded data is loaded instead). */
  readonly fallback?: string
}

export async function fetchEmbedded(table: TableDef): Promise<TableFile['file']> {
  const url = embeddedUrl(table)
  if (!url) return { ok: false, reason: '文件缺失：构建中没有这张表的内置数据' }
  try {
    const response = await fetch(url)
    if (!response.ok) return { ok: false, reason: `文件缺失（HTTP ${response.status}）` }
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) }
  } catch (e) {
    return { ok: false, reason: `文件无法读取：${e instanceof Error ? e.message : String(e)}` }
  }
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * A published version's bytes, checked against the sha256 the manifest names where the
 * browser can hash (WebCrypto exists only on https or localhost; elsewhere the Arrow
 * stream's own checks — its columns, row count and end mark — still apply at loading).
 */
export async function fetchPublished(entry: PublishedTable): Promise<TableFile['file']> {
  const bytes = await fetchPublishedBytes(entry.file)
  if (!bytes.ok) return { ok: false, reason: bytes.error }
  const subtle = globalThis.crypto?.subtle
  if (subtle) {
    const digest = hex(await subtle.digest('SHA-256', bytes.value as Uint8Array<ArrayBuffer>))
    if (digest !== entry.sha256) return { ok: false, reason: '已发布的数据文件与清单中的校验值不符（文件已损坏）' }
  }
  return { ok: true, bytes: bytes.value }
}

/** The file to load for a registry table: its published version, or the embedded one if that fails. */
export async function downloadTable(table: TableDef, entry: PublishedTable | undefined): Promise<TableDownload> {
  if (entry?.kind === 'registry') {
    const file = await fetchPublished(entry)
    if (file.ok) return { file, entry }
    return {
      file: await fetchEmbedded(table),
      entry: null,
      fallback: `「${table.label}」的已发布版本无法载入，显示内置数据：${file.reason}`,
    }
  }
  return { file: await fetchEmbedded(table), entry: null }
}
