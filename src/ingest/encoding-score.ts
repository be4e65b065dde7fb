/**
 * How plausible a sample's bytes are as UTF-8, GB18030 and windows-1252, for a file without a
 * BOM. Each reading gets a score from 0 to 1, and the most plausible wins, so that
 * - a UTF-8 file with a few bad bytes stays UTF-8 (their lines are reported), since its many
 *   valid multi-byte characters could hardly be chance;
 * - GB18030 counts only the pairs that are common characters (GB2312's first level and its
 *   punctuation): "Müller" in windows-1252 is the byte pair FC 6C, a rare character in GBK;
 * - windows-1252 counts accented letters and punctuation standing alone among ASCII, as in
 *   Western text, while Chinese read that way is long runs of accented letters ("ÖÐÎÄ").
 */
import type { TextEncoding } from './encoding'

export interface EncodingCandidate {
  readonly encoding: TextEncoding
  /** How plausible the sample is in this encoding, 0 to 1. */
  readonly score: number
  /** The first line with non-ASCII text (at most 80 characters), as this encoding reads it. */
  readonly sampleLine: string
}

export interface EncodingWeighing {
  readonly encoding: TextEncoding
  /** The chosen reading first, then the others from the most plausible. */
  readonly candidates: readonly EncodingCandidate[]
  /** Under UTF-8: byte sequences that do not decode, and the lines (1-based) they are on. */
  readonly invalid: { readonly count: number; readonly lines: readonly number[] }
}

const MAX_LINES_LISTED = 20

interface Utf8Scan {
  readonly valid: number
  readonly invalid: number
  readonly lines: number[]
}

/** Valid multi-byte characters and invalid sequences; a sequence cut off by the end of a sample is neither. */
export function scanUtf8(bytes: Uint8Array, cutOff: boolean): Utf8Scan {
  let valid = 0
  let invalid = 0
  const lines: number[] = []
  let line = 1
  const n = bytes.length
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && bytes[i]! >= lo && bytes[i]! <= hi
  for (let i = 0; i < n;) {
    const b = bytes[i]!
    if (b < 0x80) {
      if (b === 0x0a) line++
      i++
      continue
    }
    let need = 0
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b === 0xe0) [need, lo] = [2, 0xa0]
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2
    else if (b === 0xed) [need, hi] = [2, 0x9f]
    else if (b === 0xf0) [need, lo] = [3, 0x90]
    else if (b >= 0xf1 && b <= 0xf3) need = 3
    else if (b === 0xf4) [need, hi] = [3, 0x8f]
    let ok = need > 0 && cont(i + 1, lo, hi)
    for (let k = 2; ok && k <= need; k++) ok = cont(i + k)
    if (ok) {
      valid++
      i += need + 1
      continue
    }
    if (cutOff && need > 0 && i + need >= n) break
    invalid++
    if (lines.at(-1) !== line && lines.length < MAX_LINES_LISTED) lines.push(line)
    i++
  }
  return { valid, invalid, lines }
}

/** GB18030: how many high bytes form common characters (1), less common ones (½), rare ones (0.1). */
function scoreGb18030(bytes: Uint8Array): number {
  let weight = 0
  let units = 0
  let broken = false
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const t = bytes[i + 1]
    units++
    if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x30 && t <= 0x39) {
      // A four-byte sequence: characters outside GBK, rare in a sheet.
      weight += 0.1
      i += 4
    } else if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      if (t >= 0xa1 && ((b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xd7))) weight += 1
      else if (t >= 0xa1 && b >= 0xd8 && b <= 0xf7) weight += 0.5
      else weight += 0.1
      i += 2
    } else {
      broken = true // not a GB18030 character at all: the strict decoding would fail
      i++
    }
  }
  const score = units ? weight / units : 1
  return broken ? score / 2 : score
}

/** Letters windows-1252 has above 0x7F (Š Œ Ž š œ ž Ÿ, À–ÿ but × ÷). */
const isLatinLetter = (b: number) =>
  [0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f, 0x83].includes(b) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7)
/** Punctuation Western text uses: € … ‘ ’ “ ” – — NBSP £ § © « ° ² ³ µ · » ½. */
const isCommonPunctuation = (b: number) =>
  [
    0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xa3, 0xa7, 0xa9, 0xab, 0xb0, 0xb2, 0xb3, 0xb5, 0xb7, 0xbb,
    0xbd,
  ].includes(b)

/** windows-1252: high bytes that are letters or punctuation standing alone (runs of one or two) among ASCII. */
function scoreWindows1252(bytes: Uint8Array): number {
  let weight = 0
  let units = 0
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++
      continue
    }
    let j = i
    while (j < bytes.length && bytes[j]! >= 0x80) j++
    const run = j - i
    for (let k = i; k < j; k++) {
      const b = bytes[k]!
      units++
      if (isLatinLetter(b) || isCommonPunctuation(b)) weight += run <= 2 ? 1 : 0.2
    }
    i = j
  }
  return units ? weight / units : 1
}

/** The first line with a byte above 0x7F, decoded, at most 80 characters. */
function sampleLineOf(bytes: Uint8Array, encoding: TextEncoding): string {
  const at = bytes.findIndex((b) => b >= 0x80)
  if (at < 0) return ''
  const start = bytes.lastIndexOf(0x0a, at) + 1
  let end = bytes.indexOf(0x0a, at)
  if (end < 0) end = bytes.length
  const text = new TextDecoder(encoding).decode(bytes.subarray(start, Math.min(end, start + 400)))
  const line = text.replace(/\r$/, '')
  return line.length > 80 ? `${line.slice(0, 80)}…` : line
}

/**
 * Weighs UTF-8, GB18030 and windows-1252 for a sample without a BOM. `cutOff`: the sample
 * stops before the end of the file (a character may be cut in two there).
 */
export function weighEncodings(sample: Uint8Array, cutOff: boolean): EncodingWeighing {
  const utf8 = scanUtf8(sample, cutOff)
  const scores: [TextEncoding, number][] = [
    ['utf-8', utf8.valid + utf8.invalid === 0 ? 1 : utf8.valid / (utf8.valid + utf8.invalid)],
  ]
  // Pure ASCII reads the same in all three: nothing to weigh, and no alternative to offer.
  if (utf8.valid + utf8.invalid > 0) {
    scores.push(['gb18030', scoreGb18030(sample)], ['windows-1252', scoreWindows1252(sample)])
  }
  // Ties go to the earlier: UTF-8, then GB18030 (what Chinese Excel writes).
  const order = [...scores].sort((a, b) => b[1] - a[1])
  const encoding = order[0]![0]
  const candidates = order.map(([e, score]) => ({
    encoding: e,
    score: Math.round(score * 1000) / 1000,
    sampleLine: sampleLineOf(sample, e),
  }))
  return {
    encoding,
    candidates,
    invalid: encoding === 'utf-8' ? { count: utf8.invalid, lines: utf8.lines } : { count: 0, lines: [] },
  }
}
