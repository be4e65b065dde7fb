/**
 * Which text encoding a file is in, decided from its bytes: a BOM when there is one, the
 * pattern of zero bytes for UTF-16 without one, then the most plausible of UTF-8, GB18030
 * (what Chinese Excel writes as "CSV") and windows-1252 (encoding-score.ts).
 */
import { type EncodingCandidate, weighEncodings } from './encoding-score'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE（Unicode 文本）',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030 / GBK',
  'windows-1252': '西文（Windows-1252）',
}

export interface EncodingGuess {
  readonly encoding: TextEncoding
  /** Length of the byte-order mark at the start, 0 if none. */
  readonly bomLength: number
}

/** How many bytes are looked at to decide; enough for a few hundred rows. */
export const SAMPLE_BYTES = 256 * 1024

export function bomOf(bytes: Uint8Array): EncodingGuess | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  return null
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const probe = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1)
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < probe.length; i += 2) {
    if (probe[i] === 0) zeroEven++
    if (probe[i + 1] === 0) zeroOdd++
  }
  const pairs = probe.length / 2
  if (pairs >= 2 && zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le'
  if (pairs >= 2 && zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be'
  return null
}

/** The encoding, with the readings weighed against it and, under UTF-8, the bytes that do not decode. */
export interface EncodingReport extends EncodingGuess {
  /** The chosen reading first (empty when a BOM or UTF-16's zero bytes decided). */
  readonly candidates: readonly EncodingCandidate[]
  readonly invalid: { readonly count: number; readonly lines: readonly number[] }
}

export function weighFileEncoding(bytes: Uint8Array): EncodingReport {
  const none = { candidates: [], invalid: { count: 0, lines: [] } }
  const bom = bomOf(bytes)
  if (bom) return { ...bom, ...none }
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES))
  const utf16 = utf16Pattern(sample)
  if (utf16) return { encoding: utf16, bomLength: 0, ...none }
  const weighed = weighEncodings(sample, sample.length < bytes.length)
  return { encoding: weighed.encoding, bomLength: 0, candidates: weighed.candidates, invalid: weighed.invalid }
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const { encoding, bomLength } = weighFileEncoding(bytes)
  return { encoding, bomLength }
}

/** The BOM length for an encoding the user chose (a UTF-8 BOM is skipped only under UTF-8). */
export function bomLengthFor(bytes: Uint8Array, encoding: TextEncoding): number {
  const bom = bomOf(bytes)
  return bom && bom.encoding === encoding ? bom.bomLength : 0
}

/**
 * Decodes a prefix for sniffing and the preview (never fails: bad bytes become U+FFFD). A
 * character the prefix cuts in two is left out, not decoded as a bad byte: a sample that
 * ends inside a long Chinese cell is not an encoding problem.
 */
export function decodeSample(bytes: Uint8Array, encoding: TextEncoding, maxBytes = SAMPLE_BYTES): string {
  const start = bomLengthFor(bytes, encoding)
  const end = Math.min(bytes.length, start + maxBytes)
  // stream (short of the end): a character the sample's end cuts in half is left out, not shown as �.
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(start, end), {
    stream: end < bytes.length,
  })
}

export type CompressionKind = 'gzip' | 'zstd' | null

export function compressionOf(bytes: Uint8Array): CompressionKind {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip'
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return 'zstd'
  return null
}
