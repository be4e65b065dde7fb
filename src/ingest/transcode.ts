import { bomLengthFor, type TextEncoding } from './encoding'

export interface TranscodeOptions {
  /** Rewrite CR and CRLF line ends as LF: DuckDB's strict reader rejects bare CR mixed with LF. */
  readonly normaliseLineEnds: boolean
  /** Drop NUL characters, which no spreadsheet means and which upset the reader. */
  readonly dropNul: boolean
  /** UTF-8 with a few bytes that do not decode: replace them (U+FFFD), as DuckDB refuses them. */
  readonly repairUtf8?: boolean
  /**
   * The lines at the top DuckDB is told to skip (the header and any above it). It skips them
   * without reading them as text, so a GB18030 file's are left as they are: a sheet whose
   * only Chinese is in its header then goes to DuckDB unchanged, with no copy.
   */
  readonly skippedLines?: number
}

export class TranscodeError extends Error {}

/** The bytes of an upload's input: as they are, or read from the File. */
export async function bytesOf(input: Uint8Array | Blob): Promise<Uint8Array> {
  return input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer())
}

/**
 * The bytes DuckDB reads: UTF-8 without a BOM (from the first line it does not skip on).
 * Bytes that need no change are copied (the copy is what `registerFileBuffer` may detach),
 * unless they are `owned`: read from a File for this call alone, so handed on as they are.
 * Anything else is decoded and re-encoded once.
 */
export function toDuckDbUtf8(
  bytes: Uint8Array,
  encoding: TextEncoding,
  options: TranscodeOptions,
  owned = false,
): Uint8Array {
  const body = bytes.subarray(bomLengthFor(bytes, encoding))
  const handOn = (b: Uint8Array) => (b === body && !owned ? b.slice() : b)
  if (encoding === 'utf-8' && !options.normaliseLineEnds && !options.dropNul && !options.repairUtf8) return handOn(body)
  if (encoding === 'gb18030' && !options.normaliseLineEnds && !options.dropNul)
    return handOn(gb18030ToUtf8(body, options.skippedLines))
  let text: string
  try {
    // Strict for every encoding that can be wrong: bytes that do not fit mean the wrong choice.
    const lenient = encoding === 'windows-1252' || (encoding === 'utf-8' && options.repairUtf8 === true)
    text = new TextDecoder(encoding, { fatal: !lenient, ignoreBOM: true }).decode(body)
  } catch {
    throw new TranscodeError(`文件中有不符合 ${encoding.toUpperCase()} 编码的字节，请换一种编码再试`)
  }
  if (options.normaliseLineEnds) text = text.replace(/\r\n?/g, '\n')
  if (options.dropNul) text = text.replace(/\0/g, '')
  return new TextEncoder().encode(text)
}

/** What the sample says needs rewriting before DuckDB reads the file. */
export function transcodeNeeds(sampleText: string): TranscodeOptions {
  return { normaliseLineEnds: /\r(?!\n)/.test(sampleText.replace(/\r$/, '')), dropNul: sampleText.includes('\0') }
}

const BLOCK = 1 << 16

/**
 * GB18030 is ASCII where a byte is below 0x80, and a line feed is never part of a
 * multi-byte character: blocks of whole lines with no high byte (most of a numeric sheet)
 * are copied as they are; only blocks with Chinese text are decoded and re-encoded. The
 * first `skippedLines` lines (which DuckDB skips unread) stay as they are; when nothing
 * after them needs decoding, `body` itself comes back.
 */
export function gb18030ToUtf8(body: Uint8Array, skippedLines = 0): Uint8Array {
  const first = skippedLines > 0 ? (dataOffset(body, skippedLines) ?? body.length) : 0
  if (!hasHighByte(body, first, body.length)) return body
  const decoder = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true })
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = first > 0 ? [body.subarray(0, first)] : []
  let total = first
  let start = first
  while (start < body.length) {
    let end = Math.min(body.length, start + BLOCK)
    if (end < body.length) {
      const nl = body.lastIndexOf(0x0a, end - 1)
      end = nl >= start ? nl + 1 : body.indexOf(0x0a, end) + 1 || body.length
    }
    const ascii = !hasHighByte(body, start, end)
    let part: Uint8Array
    try {
      part = ascii ? body.subarray(start, end) : encoder.encode(decoder.decode(body.subarray(start, end)))
    } catch {
      throw new TranscodeError('文件中有不符合 GB18030 编码的字节，请换一种编码再试')
    }
    parts.push(part)
    total += part.length
    start = end
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * The byte after the first `lines` line feeds of `bytes` (where the rows DuckDB reads begin
 * when it skips that many lines), or null if there are fewer. Counted in raw lines, whatever
 * DuckDB counts: a skipped record spans at least one line, so nothing it reads lies before.
 */
export function dataOffset(bytes: Uint8Array, lines: number): number | null {
  let at = 0
  for (let i = 0; i < lines; i++) {
    const nl = bytes.indexOf(0x0a, at)
    if (nl < 0) return null
    at = nl + 1
  }
  return at
}

/** Whether any byte in body[start, end) is 0x80 or above: four bytes at a time where the buffer is aligned. */
export function hasHighByte(body: Uint8Array, start: number, end: number): boolean {
  let i = start
  const absolute = body.byteOffset + start
  const head = Math.min(end, start + ((4 - (absolute % 4)) % 4))
  for (; i < head; i++) if (body[i]! >= 0x80) return true
  const words = Math.floor((end - i) / 4)
  if (words > 0) {
    const view = new Uint32Array(body.buffer, body.byteOffset + i, words)
    let seen = 0
    for (let w = 0; w < words; w++) seen |= view[w]!
    if (seen & 0x80808080) return true
    i += words * 4
  }
  for (; i < end; i++) if (body[i]! >= 0x80) return true
  return false
}
