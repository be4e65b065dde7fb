/**
 * Dialect sniffing on a decoded sample: delimiter, comment lines, preamble lines, header.
 * The sample is parsed quote-aware (RFC 4180), so a quoted "1,234.50" or a quoted line
 * break never splits a field.
 */

export type Delimiter = ',' | '\t' | ';' | '|'
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|']
export const DELIMITER_LABELS: Record<Delimiter, string> = { ',': '逗号', '\t': '制表符', ';': '分号', '|': '竖线' }

export interface SampleRecord {
  /** 1-based line of the file where the record starts. */
  readonly line: number
  readonly cells: string[]
  /** An empty line. */
  readonly blank: boolean
}

/** Line breaks in a quoted stretch: LF, or CR not followed by LF (CRLF counts once). */
function lineBreaksIn(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++
  }
  return n
}

const specials = new Map<string, RegExp>()

/**
 * Splits text into records, honouring quotes (RFC 4180, as spreadsheets write them: a quote
 * opens a quoted field only at the start of a cell, "" inside is one quote, and text after
 * the closing quote joins the cell); stops after `max` records. The last record may be cut
 * off. Unquoted stretches are sliced whole between delimiters and line ends rather than
 * copied a character at a time: sniffing parses the sample several times over.
 */
export function parseRecords(text: string, delimiter: string, max = 500): SampleRecord[] {
  let special = specials.get(delimiter)
  if (!special) specials.set(delimiter, (special = new RegExp(`[${delimiter.replace(/[\\\]^-]/g, '\\$&')}"\r\n]`, 'g')))
  const out: SampleRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let recordLine = 1
  let i = 0
  const n = text.length
  const push = () => {
    cells.push(cell)
    out.push({ line: recordLine, cells, blank: cells.length === 1 && cells[0] === '' })
    cells = []
    cell = ''
  }
  while (i < n && out.length < max) {
    special.lastIndex = i
    const found = special.exec(text)
    const j = found ? found.index : n
    if (j > i) cell += text.slice(i, j)
    if (!found) break
    const ch = text[j]!
    if (ch === '"' && cell.trim() === '') {
      // A quoted field: up to the closing quote, "" standing for one quote.
      cell = ''
      let k = j + 1
      for (;;) {
        const q = text.indexOf('"', k)
        const stop = q < 0 ? n : q
        line += lineBreaksIn(text, k, stop)
        cell += text.slice(k, stop)
        if (q < 0) {
          i = n
          break
        }
        if (text[q + 1] === '"') {
          cell += '"'
          k = q + 2
          continue
        }
        i = q + 1
        break
      }
    } else if (ch === '"') {
      cell += ch
      i = j + 1
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
      i = j + 1
    } else {
      i = j + 1
      if (ch === '\r' && text[i] === '\n') i++
      push()
      line++
      recordLine = line
    }
  }
  if (out.length < max && (cell !== '' || cells.length > 0)) push()
  return out
}

export interface Dialect {
  readonly delimiter: Delimiter
  /** Lines starting with this are comments ('#'), or null. */
  readonly comment: '#' | null
  /** Lines before the header (notes above the table). */
  readonly skipLines: number
  /** The same, counting only lines that are not comments (what read_csv's skip counts when comment is set). */
  readonly skipRecords: number
  readonly hasHeader: boolean
  /** Fields per row (the most common count among the data rows). */
  readonly fieldCount: number
  /** European files: "1,5" means one and a half. */
  readonly decimalComma: boolean
}

function mode(values: readonly number[]): { value: number; count: number } {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = { value: 0, count: 0 }
  for (const [value, count] of counts)
    if (count > best.count || (count === best.count && value > best.value)) best = { value, count }
  return best
}

const NUMBER_LIKE = /^\s*[-+]?[\d０-９][\d０-９,，.．\s]*(?:[eE][-+]?\d+)?\s*[%％]?\s*$/
const DATE_LIKE =
  /^\s*\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?\s*月?(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$|^\d{6,8}$/
export function looksLikeValue(cell: string): boolean {
  return NUMBER_LIKE.test(cell) || DATE_LIKE.test(cell) || /^(true|false)$/i.test(cell.trim())
}

function usable(records: readonly SampleRecord[], comment: boolean) {
  return records.filter((r) => !r.blank && !(comment && r.cells[0]?.startsWith('#')))
}

/** Picks the delimiter whose records agree best on a field count above one. */
export function sniffDialect(sample: string, forced?: Partial<Pick<Dialect, 'delimiter' | 'hasHeader'>>): Dialect {
  const hasCommentLines = /(^|\n|\r)#/.test(sample)
  let best: { delimiter: Delimiter; score: number; fields: number; records: SampleRecord[]; comment: boolean } | null =
    null
  for (const delimiter of forced?.delimiter ? [forced.delimiter] : DELIMITERS) {
    for (const comment of hasCommentLines ? [false, true] : [false]) {
      const records = usable(parseRecords(sample, delimiter, 400), comment)
      // The last record of a cut sample may be partial.
      const whole = records.length > 2 && sample.length >= 200_000 ? records.slice(0, -1) : records
      // The header may differ (a trailing comma); the data rows must agree among themselves.
      const counted = whole.length > 1 ? whole.slice(1) : whole
      const m = mode(counted.map((r) => r.cells.length))
      const consistency = counted.length ? m.count / counted.length : 0
      // A delimiter must split most rows the same way; otherwise the file is one column.
      // Ragged files still count when the header itself splits and most rows split too.
      const splitting = counted.filter((r) => r.cells.length > 1).length / Math.max(1, counted.length)
      const headerSplits = (whole[0]?.cells.length ?? 0) > 1 && splitting >= 0.5
      // Ties go to the delimiter the header agrees with.
      const headerAgrees = whole[0]?.cells.length === m.value ? 5 : 0
      const score =
        m.value > 1 && (consistency >= 0.6 || headerSplits)
          ? consistency * 100 + headerAgrees + Math.min(m.value, 50) / 10 - (comment ? 0.5 : 0)
          : 0
      if (!best || score > best.score) best = { delimiter, score, fields: Math.max(1, m.value), records, comment }
    }
  }
  const chosen = best!
  const delimiter = chosen.score > 0 ? chosen.delimiter : (forced?.delimiter ?? leastUsedDelimiter(sample))
  const records = chosen.score > 0 ? chosen.records : usable(parseRecords(sample, delimiter, 400), chosen.comment)
  const fields = chosen.score > 0 ? chosen.fields : 1
  // Preamble: leading records whose field count differs while the rest agree.
  // Notes above the table are short lines before the first full-width line; that line must
  // itself be a header (no values), else the short first line was the header.
  let skip = 0
  if (fields > 1) {
    const k = records.findIndex((r, i) => i <= 10 && r.cells.length >= fields)
    if (k > 0 && !records[k]!.cells.some((c) => c.trim() !== '' && looksLikeValue(c))) skip = k
  }
  const first = records[skip]
  const rest = records.slice(skip + 1, skip + 50)
  const hasHeader = forced?.hasHeader ?? (first ? headerLikely(first.cells, rest) : false)
  return {
    delimiter,
    comment: chosen.comment ? '#' : null,
    skipLines: first ? first.line - 1 : 0,
    skipRecords: skip,
    hasHeader,
    fieldCount: Math.max(
      fields,
      hasHeader && first && first.cells.length > fields && first.cells.slice(fields).some((c) => c.trim() !== '')
        ? first.cells.length
        : fields,
    ),
    decimalComma: delimiter === ';' && decimalCommaLikely(records.slice(skip + 1, skip + 200)),
  }
}

/** One column: read it with a delimiter the text does not contain, so nothing splits it. */
function leastUsedDelimiter(sample: string): Delimiter {
  let best: Delimiter = ','
  let fewest = Infinity
  for (const d of DELIMITERS) {
    const n = sample.split(d).length
    if (n < fewest) [best, fewest] = [d, n]
  }
  return best
}

/** A header row has no values that look like numbers or dates, and is not one long sentence. */
function headerLikely(first: readonly string[], rest: readonly SampleRecord[]): boolean {
  if (first.some((c) => c.trim() !== '' && looksLikeValue(c))) return false
  if (rest.length === 0) return true
  // Some column is text in row one and a value below it: a header.
  for (let col = 0; col < first.length; col++) {
    const below = rest.map((r) => r.cells[col] ?? '').filter((c) => c.trim() !== '')
    if (below.length && below.every(looksLikeValue)) return true
  }
  // All text: names are short and distinct.
  const named = first.filter((c) => c.trim() !== '')
  return named.every((c) => c.length <= 40) && new Set(named).size === named.length
}

function decimalCommaLikely(rows: readonly SampleRecord[]): boolean {
  let comma = 0
  let point = 0
  for (const r of rows) {
    for (const c of r.cells) {
      if (/^\s*[-+]?\d+,\d+(?:[eE][-+]?\d+)?\s*$/.test(c)) comma++
      else if (/^\s*[-+]?\d+\.\d+\s*$/.test(c)) point++
    }
  }
  return comma > 0 && comma >= point
}
