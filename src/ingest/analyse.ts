import { err, ok, type Result } from '../lib/result'
import { uniqueColumnNames } from './columns'
import {
  bomLengthFor,
  compressionOf,
  decodeSample,
  ENCODING_LABELS,
  SAMPLE_BYTES,
  type TextEncoding,
  weighFileEncoding,
} from './encoding'
import { type EncodingCandidate, scanUtf8 } from './encoding-score'
import { type Delimiter, type Dialect, parseRecords, sniffDialect } from './sniff'
import { transcodeNeeds, type TranscodeOptions } from './transcode'

export interface FileAnalysis {
  readonly encoding: TextEncoding
  /** What detection said, before any override. */
  readonly detectedEncoding: TextEncoding
  /** The readings detection weighed, the chosen one first, each with a sample line (empty when a BOM decided). */
  readonly encodingCandidates: readonly EncodingCandidate[]
  /** Under UTF-8: byte sequences in the sample that do not decode (shown as U+FFFD), and their lines. */
  readonly invalidBytes: { readonly count: number; readonly lines: readonly number[] }
  readonly dialect: Dialect
  /** Column names (unique and legal), one per field. */
  readonly headers: readonly string[]
  /** The header row as written, for the mapping table. */
  readonly rawHeaders: readonly string[]
  /** The first rows, as text, for the preview. */
  readonly sampleRows: readonly (readonly string[])[]
  readonly transcode: TranscodeOptions
  /** Per file column: which plain shapes every sampled value has (decides DuckDB's own typed read). */
  readonly columnShapes: readonly ColumnShape[]
}

export interface ColumnShape {
  readonly integer: boolean
  readonly decimal: boolean
  readonly isoDate: boolean
  readonly boolean: boolean
}

/** Values DuckDB parses itself, exactly as the registry means them: no separators, units or markers. */
function shapesOf(rows: readonly (readonly string[])[], fieldCount: number): ColumnShape[] {
  return Array.from({ length: fieldCount }, (_, i) => {
    const shape = { integer: true, decimal: true, isoDate: true, boolean: true }
    for (const row of rows) {
      const v = row[i] ?? ''
      if (v === '') continue
      if (!/^-?\d{1,9}$/.test(v)) shape.integer = false
      if (!/^-?\d+(\.\d+)?$/.test(v)) shape.decimal = false
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) shape.isoDate = false
      if (!/^(true|false)$/.test(v)) shape.boolean = false
    }
    return shape
  })
}

export interface AnalyseOverrides {
  readonly encoding?: TextEncoding
  readonly delimiter?: Delimiter
  readonly hasHeader?: boolean
}

/** Gzip is opened in the browser (DecompressionStream); other compression is refused. */
export async function decompressIfNeeded(bytes: Uint8Array): Promise<Result<Uint8Array, string>> {
  const kind = compressionOf(bytes)
  if (kind === null) return ok(bytes)
  if (kind === 'zstd') return err('这是 zstd 压缩文件，不支持；请先解压再上传')
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))
    return ok(new Uint8Array(await new Response(stream).arrayBuffer()))
  } catch {
    return err('gzip 压缩文件已损坏，无法解压')
  }
}

/**
 * Bytes the sample has that do not decode, or null when they are too many to be a few bad
 * bytes in a good file. Under UTF-8 they are counted by line, and kept (replaced by U+FFFD)
 * when detection chose UTF-8 or they are at most a fifth of the non-ASCII characters (a U+FFFD
 * the file really holds is not a bad byte); under another encoding any is too many.
 */
function invalidBytesUnder(
  bytes: Uint8Array,
  encoding: TextEncoding,
  sample: string,
  detectedUtf8: boolean,
): { count: number; lines: readonly number[] } | null {
  if (encoding !== 'utf-8') return sample.includes('\uFFFD') ? null : { count: 0, lines: [] }
  const start = bomLengthFor(bytes, encoding)
  const end = Math.min(bytes.length, start + SAMPLE_BYTES)
  const scan = scanUtf8(bytes.subarray(start, end), end < bytes.length)
  if (scan.invalid === 0) return { count: 0, lines: [] }
  return detectedUtf8 || scan.invalid <= scan.valid / 4 ? { count: scan.invalid, lines: scan.lines } : null
}

/** Encoding, dialect and header of a file, from its first 256 KB. */
export function analyseFile(bytes: Uint8Array, overrides: AnalyseOverrides = {}): Result<FileAnalysis, string> {
  if (bytes.length === 0) return err('文件为空（0 字节）')
  const weighed = weighFileEncoding(bytes)
  const detected = weighed.encoding
  const encoding = overrides.encoding ?? detected
  const sample = decodeSample(bytes, encoding)
  if (sample.replace(/[\s\0]/g, '') === '') return err('文件中没有内容（只有空行或空白）')
  if (sample.replace(/[\s"]/g, '') === '') return err('文件中没有数据（只有引号）')
  const invalid = invalidBytesUnder(bytes, encoding, sample, detected === 'utf-8')
  if (invalid === null)
    return err(`按 ${ENCODING_LABELS[encoding]} 读取时出现无法识别的字符（�）：编码选错了，或文件已经损坏`)
  const dialect = sniffDialect(sample, {
    ...(overrides.delimiter ? { delimiter: overrides.delimiter } : {}),
    ...(overrides.hasHeader !== undefined ? { hasHeader: overrides.hasHeader } : {}),
  })
  // One parse of the sample serves the preview (its first 60 records) and the column shapes.
  const parsed = parseRecords(sample, dialect.delimiter, 1000)
  const records = parsed
    .slice(0, 60)
    .filter((r) => !r.blank && !(dialect.comment && r.cells[0]?.startsWith(dialect.comment)))
  const startAt = records.findIndex((r) => r.line > dialect.skipLines)
  const body = startAt >= 0 ? records.slice(startAt) : []
  const headerRow = dialect.hasHeader ? (body[0]?.cells ?? []) : []
  const rawHeaders = Array.from({ length: dialect.fieldCount }, (_, i) => headerRow[i] ?? '')
  const headers = dialect.hasHeader ? uniqueColumnNames(rawHeaders) : rawHeaders.map((_, i) => `列${i + 1}`)
  const sampleRows = body.slice(dialect.hasHeader ? 1 : 0, (dialect.hasHeader ? 1 : 0) + 20).map((r) => r.cells)
  const shapeRows = parsed
    .filter(
      (r) =>
        !r.blank &&
        r.line > dialect.skipLines + (dialect.hasHeader ? 1 : 0) &&
        !(dialect.comment && r.cells[0]?.startsWith(dialect.comment)),
    )
    // The last record of a cut sample may be partial.
    .slice(0, sample.length >= SAMPLE_BYTES / 2 ? -1 : undefined)
    .map((r) => r.cells)
  const columnShapes = shapesOf(dialect.decimalComma ? [] : shapeRows, dialect.fieldCount).map((shape) =>
    dialect.decimalComma ? { integer: false, decimal: false, isoDate: false, boolean: false } : shape,
  )
  return ok({
    encoding,
    detectedEncoding: detected,
    encodingCandidates: weighed.candidates,
    invalidBytes: invalid,
    dialect,
    headers,
    rawHeaders,
    sampleRows,
    // A few bad bytes in UTF-8 are replaced (U+FFFD) before DuckDB reads the file, which refuses them.
    transcode: invalid.count ? { ...transcodeNeeds(sample), repairUtf8: true } : transcodeNeeds(sample),
    columnShapes,
  })
}
