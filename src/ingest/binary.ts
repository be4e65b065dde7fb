/**
 * Whether the first bytes of an upload are certainly not text: a picture, a PDF, an archive or
 * a program renamed .csv would otherwise be read as a table of garbage in windows-1252. Two
 * tests: the signatures of formats that are certainly neither CSV nor a workbook, then the
 * share of control bytes, which text never has. A ZIP is left alone: an .xlsx workbook is one,
 * and the workbook reader decides about it.
 */
import { bomOf, utf16Pattern } from './encoding'

export interface BinaryVerdict {
  /** What the file looks like, in Chinese ("PNG 图片"), or null when only its bytes tell. */
  readonly format: string | null
  /** The message for the upload card: 不是文本文件：… */
  readonly message: string
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0))

/** Formats that are certainly not text, by their first bytes (offset, bytes). */
const SIGNATURES: readonly { readonly format: string; readonly at: number; readonly bytes: readonly number[] }[] = [
  { format: 'PNG 图片', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'JPEG 图片', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF 图片', at: 0, bytes: ascii('GIF87a') },
  { format: 'GIF 图片', at: 0, bytes: ascii('GIF89a') },
  { format: 'WebP 图片', at: 8, bytes: ascii('WEBP') },
  { format: 'TIFF 图片', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { format: 'TIFF 图片', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { format: 'PDF 文档', at: 0, bytes: ascii('%PDF-') },
  { format: '旧版 Office 文件（如 .xls、.doc）', at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: '7z 压缩包', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'RAR 压缩包', at: 0, bytes: ascii('Rar!\x1a\x07') },
  { format: 'xz 压缩文件', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'bzip2 压缩文件', at: 0, bytes: ascii('BZh') },
  { format: '程序文件', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { format: 'WebAssembly 程序', at: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { format: 'SQLite 数据库', at: 0, bytes: ascii('SQLite format 3\0') },
  { format: 'MP4 视频', at: 4, bytes: ascii('ftyp') },
  { format: 'MP3 音频', at: 0, bytes: ascii('ID3') },
  { format: 'Ogg 音视频', at: 0, bytes: ascii('OggS') },
]

const ZIP = [0x50, 0x4b]

/** How many bytes are looked at for control characters. */
const WINDOW = 64 * 1024
/** Text has next to no control bytes; random or compressed data about 10 %, programs and pictures more. */
const MAX_CONTROL_SHARE = 0.05

const startsWith = (head: Uint8Array, at: number, bytes: readonly number[]) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b)

/** A control character text does not have: C0 controls but tab, line feed, VT, FF, CR, SUB and ESC. */
const isStrayControl = (c: number) =>
  c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a && c !== 0x1b

function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const bom = bomOf(head)
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') return bom.encoding
  return utf16Pattern(head)
}

/** The share of stray control characters in the first bytes (decoded first when they are UTF-16). */
export function controlShare(head: Uint8Array): { share: number; stray: number; nul: number; looked: number } {
  let window = head.subarray(0, Math.min(head.length, WINDOW))
  // Padding with NUL at the end (some exports fill a block) is not content.
  let end = window.length
  while (end > 0 && window[end - 1] === 0) end--
  window = window.subarray(0, end)
  const order = utf16Order(window)
  let stray = 0
  let nul = 0
  let looked: number
  if (order) {
    const text = new TextDecoder(order).decode(window.subarray(0, window.length & ~1))
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0) nul++
      if (isStrayControl(c)) stray++
    }
    looked = text.length
  } else {
    for (let i = 0; i < window.length; i++) {
      const c = window[i]!
      if (c === 0) nul++
      if (isStrayControl(c)) stray++
    }
    looked = window.length
  }
  return { share: looked ? stray / looked : 0, stray, nul, looked }
}

/** Why the first bytes of an upload are not a text file, or null when they may be one. */
export function sniffBinary(head: Uint8Array): BinaryVerdict | null {
  if (startsWith(head, 0, ZIP)) return null
  for (const s of SIGNATURES) {
    if (s.format === 'bzip2 压缩文件' && !/^BZh[1-9]1AY&SY/.test(String.fromCharCode(...head.subarray(0, 10)))) continue
    if (s.format === 'WebP 图片' && !startsWith(head, 0, ascii('RIFF'))) continue
    if (startsWith(head, s.at, s.bytes)) {
      const hint = s.format.startsWith('旧版 Office')
        ? '请在 Excel 中另存为 .xlsx 或 CSV 后再上传。'
        : '请上传 CSV 等文本文件。'
      return { format: s.format, message: `不是文本文件：这是一个${s.format}（从文件开头的标志看出）。${hint}` }
    }
  }
  const { share, stray, nul, looked } = controlShare(head)
  // A stray byte or two in a short file prove nothing; over 5 % of a real sample does.
  if (stray >= 4 && share > MAX_CONTROL_SHARE) {
    const percent = Math.round(share * 100)
    return {
      format: null,
      message: `不是文本文件：开头 ${Math.round(looked / 1024) || 1} KB 中有 ${percent}% 是控制字符${nul ? `（其中空字节 ${nul} 个）` : ''}，文本文件中不会有这么多。请确认选的是 CSV 等文本文件。`,
    }
  }
  return null
}

export const isBinary = (head: Uint8Array): boolean => sniffBinary(head) !== null
