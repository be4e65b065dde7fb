import { Unzip, UnzipInflate, unzipSync } from 'fflate'

import { err, ok, type Result } from '../../lib/result'
import { XLSX_LIMITS } from './limits'

/**
 * The zip layer of a workbook, with fflate: the central directory is read first (names and
 * declared sizes, nothing inflated), a workbook whose parts declare too much is refused
 * there, and the parts that are read are inflated in small steps with a running count, so a
 * part that inflates past what it declared or past the limit is stopped as it does.
 */

export interface ZipEntry {
  readonly name: string
  readonly size: number
  readonly originalSize: number
  readonly compression: number
}

/** Input fed to the inflater at a time: at most ~1,000× this comes out of one step. */
const STEP = 16 * 1024

export function listEntries(bytes: Uint8Array): Result<ZipEntry[], string> {
  const entries: ZipEntry[] = []
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression })
        return false
      },
    })
  } catch {
    return err('文件不完整或已损坏（找不到 zip 目录），无法作为 Excel 工作簿读取；请重新保存或重新下载后再上传')
  }
  return ok(entries)
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

/** Refuses, before anything is inflated, parts whose declared sizes are past the limits. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], wanted: ReadonlySet<string>): string | null {
  let total = 0
  for (const e of entries) {
    if (!wanted.has(e.name)) continue
    if (e.compression !== 0 && e.compression !== 8) return `工作簿中的“${e.name}”使用了不支持的压缩方式`
    total += e.originalSize
    if (e.originalSize > 1024 * 1024 && e.originalSize > e.size * XLSX_LIMITS.ratio)
      return `工作簿中的“${e.name}”解压后会膨胀到 ${mb(e.originalSize)}（压缩比超过 ${XLSX_LIMITS.ratio} 倍），疑似“压缩炸弹”，已拒绝读取`
  }
  if (total > XLSX_LIMITS.inflatedBytes)
    return `工作簿解压后有 ${mb(total)}，超过 ${mb(XLSX_LIMITS.inflatedBytes)} 的上限；请拆分成几个较小的工作簿再上传`
  return null
}

/**
 * Inflates the wanted parts, each into a list of chunks. Stops, with a reason, as soon as a
 * part gives more than it declared, or all of them more than the limit.
 */
export function inflateEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  wanted: ReadonlySet<string>,
): Result<Map<string, Uint8Array[]>, string> {
  const declared = new Map(entries.map((e) => [e.name, e.originalSize]))
  const out = new Map<string, Uint8Array[]>()
  let total = 0
  let failure: string | null = null
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || out.has(file.name)) return
    const chunks: Uint8Array[] = []
    out.set(file.name, chunks)
    let got = 0
    const allowed = declared.get(file.name) ?? 0
    file.ondata = (error, data, _final) => {
      if (failure) return
      if (error) {
        failure = `工作簿中的“${file.name}”已损坏，无法解压`
        return
      }
      got += data.length
      total += data.length
      if (got > allowed) {
        failure = `工作簿中的“${file.name}”解压后比它声明的大小还大，文件已损坏或被篡改，已停止读取`
        file.terminate()
        return
      }
      if (total > XLSX_LIMITS.inflatedBytes) {
        failure = `工作簿解压后超过 ${mb(XLSX_LIMITS.inflatedBytes)} 的上限，已停止读取`
        file.terminate()
        return
      }
      chunks.push(data)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += STEP) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + STEP)), at + STEP >= bytes.length)
    }
  } catch {
    if (!failure) failure = '文件不完整或已损坏，无法解压'
  }
  if (failure) return err(failure)
  for (const name of wanted) {
    if (declared.has(name) && !out.has(name)) return err(`工作簿中的“${name}”无法读取，文件已损坏`)
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
