import { Inflate } from 'fflate'

import { err, ok, type Result } from '../../lib/result'
import { XLSX_LIMITS } from './limits'

/**
 * The zip layer of a workbook. The central directory is read first (names, declared sizes,
 * where each part starts; nothing inflated), a workbook whose parts declare too much is
 * refused there, and each part that is read is inflated as a stream with a running count, so
 * a part that inflates past what it declared or past the limit is stopped as it does. The
 * browser's own DecompressionStream inflates (native, and off this worker's JS); fflate where
 * there is none. (fflate's unzip neither says where a part starts nor stops a part mid-way,
 * hence the few lines that read the directory.)
 */

export interface ZipEntry {
  readonly name: string
  /** Compressed size. */
  readonly size: number
  readonly originalSize: number
  readonly compression: number
  readonly encrypted: boolean
  /** Where the part's local header starts. */
  readonly offset: number
}

const BROKEN = '文件不完整或已损坏（找不到 zip 目录），无法作为 Excel 工作簿读取；请重新保存或重新下载后再上传'

export function listEntries(bytes: Uint8Array): Result<ZipEntry[], string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-directory record: in the last 64 KB (after it only a comment).
  let end = -1
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65_535; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return err(BROKEN)
  const count = view.getUint16(end + 10, true)
  const at = view.getUint32(end + 16, true)
  if (count === 0xffff || at === 0xffffffff) return err('工作簿过大（zip64 格式），请拆分后再上传')
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder('utf-8')
  let p = at
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return err(BROKEN)
    const nameLength = view.getUint16(p + 28, true)
    const extra = view.getUint16(p + 30, true)
    const comment = view.getUint16(p + 32, true)
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      size: view.getUint32(p + 20, true),
      originalSize: view.getUint32(p + 24, true),
      compression: view.getUint16(p + 10, true),
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
      offset: view.getUint32(p + 42, true),
    })
    p += 46 + nameLength + extra + comment
  }
  return ok(entries)
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

/** Refuses, before anything is inflated, parts whose declared sizes are past the limits. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], wanted: ReadonlySet<string>): string | null {
  let total = 0
  for (const e of entries) {
    if (!wanted.has(e.name)) continue
    if (e.encrypted) return '工作簿中的内容已加密，无法读取；请取消密码后另存为 .xlsx 再上传'
    if (e.compression !== 0 && e.compression !== 8) return `工作簿中的“${e.name}”使用了不支持的压缩方式`
    total += e.originalSize
    if (e.originalSize > 1024 * 1024 && e.originalSize > e.size * XLSX_LIMITS.ratio)
      return `工作簿中的“${e.name}”解压后会膨胀到 ${mb(e.originalSize)}（压缩比超过 ${XLSX_LIMITS.ratio} 倍），疑似“压缩炸弹”，已拒绝读取`
  }
  if (total > XLSX_LIMITS.inflatedBytes)
    return `工作簿解压后有 ${mb(total)}，超过 ${mb(XLSX_LIMITS.inflatedBytes)} 的上限；请拆分成几个较小的工作簿再上传`
  return null
}

/** The compressed bytes of a part (after its local header). */
function dataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const p = entry.offset
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) return null
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true)
  return start + entry.size <= bytes.length ? bytes.subarray(start, start + entry.size) : null
}

/** Input fed to fflate at a time (no native inflater): at most ~1,000× this comes out of one step. */
const STEP = 64 * 1024

/**
 * Inflates one part into chunks, stopping as soon as it gives more than it declared or more
 * than `budget` bytes.
 */
async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Promise<Result<Uint8Array[], string>> {
  const data = dataOf(bytes, entry)
  if (!data) return err(`工作簿中的“${entry.name}”不完整，文件已损坏`)
  const allowed = Math.min(entry.originalSize, budget)
  const over = () =>
    err(
      entry.originalSize > budget
        ? `工作簿解压后超过 ${mb(XLSX_LIMITS.inflatedBytes)} 的上限，已停止读取`
        : `工作簿中的“${entry.name}”解压后比它声明的大小还大，文件已损坏或被篡改，已停止读取`,
    )
  if (entry.compression === 0) return data.length <= allowed ? ok([data]) : over()
  const chunks: Uint8Array[] = []
  let got = 0
  if (typeof DecompressionStream !== 'undefined') {
    const reader = new Blob([data as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        got += value.length
        if (got > allowed) {
          void reader.cancel().catch(() => undefined)
          return over()
        }
        chunks.push(value)
      }
    } catch {
      return err(`工作簿中的“${entry.name}”已损坏，无法解压`)
    }
    return ok(chunks)
  }
  let failure: Result<Uint8Array[], string> | null = null
  const inflater = new Inflate((chunk) => {
    if (failure) return
    got += chunk.length
    if (got > allowed) failure = over()
    else chunks.push(chunk)
  })
  try {
    for (let at = 0; at < data.length && !failure; at += STEP)
      inflater.push(data.subarray(at, Math.min(data.length, at + STEP)), at + STEP >= data.length)
  } catch {
    return err(`工作簿中的“${entry.name}”已损坏，无法解压`)
  }
  return failure ?? ok(chunks)
}

/** Inflates the wanted parts, each into a list of chunks; stops at the first past its limits. */
export async function inflateEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  wanted: ReadonlySet<string>,
): Promise<Result<Map<string, Uint8Array[]>, string>> {
  const out = new Map<string, Uint8Array[]>()
  let budget: number = XLSX_LIMITS.inflatedBytes
  for (const entry of entries) {
    if (!wanted.has(entry.name) || out.has(entry.name)) continue
    const r = await inflateEntry(bytes, entry, budget)
    if (!r.ok) return r
    for (const c of r.value) budget -= c.length
    out.set(entry.name, r.value)
  }
  return ok(out)
}

/** The chunks of a part as text (UTF-8), for the small parts read whole. */
export function textOf(chunks: readonly Uint8Array[] | undefined): string {
  if (!chunks) return ''
  const decoder = new TextDecoder('utf-8')
  let s = ''
  for (const c of chunks) s += decoder.decode(c, { stream: true })
  return s + decoder.decode()
}
