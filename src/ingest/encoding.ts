/**
 * Which text encoding a file is in, decided from its bytes: a BOM when there is one, the
 * pattern of zero bytes for UTF-16 without one, then strict UTF-8, then GB18030 (what
 * Chinese Excel writes as "CSV"), with windows-1252 as the last resort.
 */
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

/** Bytes of a UTF-8 sample without a trailing, cut-off multi-byte character. */
function trimIncompleteUtf8(sample: Uint8Array): Uint8Array {
  const end = sample.length
  // Walk back over at most 3 continuation bytes to the lead byte of the last character.
  for (let i = 1; i <= 4 && end - i >= 0; i++) {
    const b = sample[end - i]!
    if ((b & 0xc0) === 0x80) continue
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > i ? sample.subarray(0, end - i) : sample
  }
  return sample
}

function decodesStrictly(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomOf(bytes)
  if (bom) return bom
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES))
  // UTF-16 without a BOM: ASCII text has a zero in every other byte.
  const probe = sample.subarray(0, Math.min(sample.length, 4096) & ~1)
  let zeroEven = 0
  let zeroOdd = 0
  for (let i = 0; i < probe.length; i += 2) {
    if (probe[i] === 0) zeroEven++
    if (probe[i + 1] === 0) zeroOdd++
  }
  const pairs = probe.length / 2
  if (pairs >= 2 && zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 }
  if (pairs >= 2 && zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 }
  const utf8Sample = sample.length < bytes.length ? trimIncompleteUtf8(sample) : sample
  if (decodesStrictly('utf-8', utf8Sample)) return { encoding: 'utf-8', bomLength: 0 }
  const gbSample = sample.length < bytes.length ? sample.subarray(0, Math.max(0, sample.length - 4)) : sample
  if (decodesStrictly('gb18030', gbSample)) return { encoding: 'gb18030', bomLength: 0 }
  return { encoding: 'windows-1252', bomLength: 0 }
}

/** The BOM length for an encoding the user chose (a UTF-8 BOM is skipped only under UTF-8). */
export function bomLengthFor(bytes: Uint8Array, encoding: TextEncoding): number {
  const bom = bomOf(bytes)
  return bom && bom.encoding === encoding ? bom.bomLength : 0
}

/** Decodes a prefix for sniffing and the preview (never fails: bad bytes become U+FFFD). */
export function decodeSample(bytes: Uint8Array, encoding: TextEncoding, maxBytes = SAMPLE_BYTES): string {
  const start = bomLengthFor(bytes, encoding)
  const end = Math.min(bytes.length, start + maxBytes)
  // stream: a character the sample's end cuts in half is left out, not shown as �.
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(start, end), {
    stream: true,
  })
}

export type CompressionKind = 'gzip' | 'zstd' | null

export function compressionOf(bytes: Uint8Array): CompressionKind {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip'
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return 'zstd'
  return null
}
