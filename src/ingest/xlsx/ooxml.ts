import { Parser } from 'saxen'

import { XLSX_LIMITS } from './limits'

/**
 * The SpreadsheetML parts a workbook's data needs, read with saxen (a SAX parser): the
 * sheet list (names, visibility), the number formats (dates, percents, text), the shared
 * strings, and each sheet's cells with their merged ranges. Cell values come out as Excel
 * has them: a formula's cached value, never its text; a formula without one is a fault.
 */

/** A cell whose value cannot be taken: a formula without a cached value, or an error (#DIV/0!). */
export class CellFault {
  constructor(
    readonly kind: 'formula' | 'error',
    readonly text: string,
  ) {}
}

/** A cell as read: text, a number, a boolean; dates as ISO text, percents as "85.3%". */
export type CellValue = string | number | boolean | null | CellFault

export interface CellRange {
  /** 0-based, inclusive. */
  readonly r1: number
  readonly c1: number
  readonly r2: number
  readonly c2: number
}

export interface SheetInfo {
  readonly name: string
  readonly hidden: boolean
  /** The part the sheet's cells are in (xl/worksheets/sheet1.xml). */
  readonly path: string
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[]
  readonly date1904: boolean
}

export interface SheetGrid {
  /** By 0-based row; rows Excel left out are missing. */
  readonly rows: CellValue[][]
  readonly merges: readonly CellRange[]
  readonly cells: number
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

/** Excel escapes control characters in text as _xHHHH_. */
const unescapeX = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s

function parseWith(xml: string, on: (p: Parser) => void): void {
  const parser = new Parser()
  let failure: Error | null = null
  parser.on('error', (e) => {
    failure = e
    parser.stop()
  })
  on(parser)
  parser.parse(xml)
  if (failure) throw failure
}

/** xl/workbook.xml and its relationships: the sheets in order, where each one's cells are. */
export function readWorkbookInfo(workbookXml: string, relsXml: string): WorkbookInfo {
  const targets = new Map<string, string>()
  parseWith(relsXml, (p) =>
    p.on('openTag', (name, attrs) => {
      if (local(name) !== 'Relationship') return
      const a = attrs()
      if (/\/worksheet$/.test(a.Type ?? '')) targets.set(a.Id ?? '', a.Target ?? '')
    }),
  )
  const sheets: SheetInfo[] = []
  let date1904 = false
  parseWith(workbookXml, (p) =>
    p.on('openTag', (name, attrs, decode) => {
      const tag = local(name)
      if (tag === 'workbookPr') {
        const v = attrs().date1904
        date1904 = v === '1' || v === 'true'
      }
      if (tag !== 'sheet') return
      const a = attrs()
      const id = Object.entries(a).find(([k]) => local(k) === 'id')?.[1] ?? ''
      const target = targets.get(id)
      // A chart sheet or a dialog sheet has no worksheet relationship: no cells to read.
      if (!target) return
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
      sheets.push({ name: unescapeX(decode(a.name ?? '')), hidden: (a.state ?? 'visible') !== 'visible', path })
    }),
  )
  return { sheets, date1904 }
}

export type NumberFormat = 'general' | 'date' | 'percent' | 'text'

/** Built-in format ids (ECMA-376 18.8.30, and the East Asian date ids a Chinese Excel writes). */
function builtInFormat(id: number): NumberFormat {
  if (id === 9 || id === 10) return 'percent'
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return 'date'
  if (id === 49) return 'text'
  return 'general'
}

/** A custom format code: quoted text, escapes and [colour] parts do not count. */
export function formatKind(code: string): NumberFormat {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
  if (bare.includes('%')) return 'percent'
  if (/[ymdhs]/i.test(bare.replace(/general/gi, ''))) return 'date'
  if (bare.trim() === '@') return 'text'
  return 'general'
}

/** xl/styles.xml: the number format of each cell style (a cell's s= attribute). */
export function readCellFormats(stylesXml: string): NumberFormat[] {
  if (!stylesXml) return []
  const custom = new Map<number, NumberFormat>()
  const formats: NumberFormat[] = []
  let inCellXfs = false
  parseWith(stylesXml, (p) => {
    p.on('openTag', (name, attrs, decode, selfClosing) => {
      const tag = local(name)
      if (tag === 'numFmt') {
        const a = attrs()
        custom.set(Number(a.numFmtId), formatKind(decode(a.formatCode ?? '')))
      } else if (tag === 'cellXfs') inCellXfs = !selfClosing
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(attrs().numFmtId ?? 0)
        formats.push(custom.get(id) ?? builtInFormat(id))
      }
    })
    p.on('closeTag', (name) => {
      if (local(name) === 'cellXfs') inCellXfs = false
    })
  })
  return formats
}

/** xl/sharedStrings.xml: each string's text; phonetic runs (<rPh>) are not part of it. */
export function readSharedStrings(xml: string): string[] {
  if (!xml) return []
  const strings: string[] = []
  let current: string[] | null = null
  let inText = false
  let inPhonetic = false
  parseWith(xml, (p) => {
    p.on('openTag', (name, _attrs, _decode, selfClosing) => {
      const tag = local(name)
      if (tag === 'si') current = []
      else if (tag === 'rPh') inPhonetic = !selfClosing
      else if (tag === 't' && !selfClosing) inText = true
    })
    p.on('closeTag', (name) => {
      const tag = local(name)
      if (tag === 'si') {
        strings.push(unescapeX((current ?? []).join('')))
        current = null
      } else if (tag === 'rPh') inPhonetic = false
      else if (tag === 't') inText = false
    })
    p.on('text', (text, decode) => {
      if (inText && !inPhonetic && current) current.push(text.includes('&') ? decode(text) : text)
    })
    p.on('cdata', (text) => {
      if (inText && !inPhonetic && current) current.push(text)
    })
  })
  return strings
}

/** "AB12" → { row: 11, col: 27 } (0-based); null for anything else. Read by char codes: it runs once per cell. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0
  let col = 0
  let row = 0
  if (ref.charCodeAt(i) === 36) i++ // $
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32 // upper case
    if (c < 65 || c > 90) break
    col = col * 26 + (c - 64)
  }
  if (col === 0 || col > 16_384) return null
  if (ref.charCodeAt(i) === 36) i++
  const digits = i
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48
    if (d < 0 || d > 9) return null
    row = row * 10 + d
  }
  return i > digits && row > 0 ? { row: row - 1, col: col - 1 } : null
}

/** 0-based column index → "A", "AB". */
export function columnLetter(col: number): string {
  let s = ''
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** A number as plain decimal text, without binary noise (0.853 × 100 → "85.3"). */
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(15)))
}

const DAY_MS = 86_400_000

/** An Excel date serial as ISO text (a time of day only when there is one). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null
  // 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const ms = epoch + Math.round(serial * DAY_MS)
  const iso = new Date(ms).toISOString()
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
}

export class SheetTooLarge extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character references and the five named entities. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  )
}

/** An attribute's value in a start tag's text (`r="A1" t="s"`), or undefined. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`)
  if (at < 0) return undefined
  const from = at + name.length + 3
  return tag.slice(from, tag.indexOf('"', from))
}

/** The text of every <t> in a run of inline or rich text, leaving out phonetic runs (<rPh>). */
function runText(xml: string, p: string): string {
  let out = ''
  let i = 0
  for (;;) {
    const t = xml.indexOf(`<${p}t`, i)
    if (t < 0) return out
    const phonetic = xml.lastIndexOf(`<${p}rPh`, t)
    if (phonetic >= 0 && xml.indexOf(`</${p}rPh>`, phonetic) > t) {
      i = xml.indexOf(`</${p}rPh>`, phonetic) + 1
      continue
    }
    const open = xml.indexOf('>', t)
    if (xml[open - 1] === '/') {
      i = open + 1
      continue
    }
    const close = xml.indexOf(`</${p}t>`, open)
    if (close < 0) return out
    out += decodeXml(xml.slice(open + 1, close))
    i = close + 1
  }
}

/**
 * One sheet's cells from its XML. The worksheet's <sheetData> is a narrow, fixed grammar
 * (rows of <c> cells holding <v>, <f> and <is>); it is read here with plain string searches,
 * about five times faster than an event per tag from saxen on a sheet of a
 * million cells. Everything else in the workbook is read with saxen. `cellBudget` is what the
 * workbook has left of the cell limit; past the row or cell limit, or a cell past the size
 * limit, it throws SheetTooLarge with the reason.
 */
export function readSheetGrid(
  chunks: readonly Uint8Array[],
  context: { sharedStrings: readonly string[]; formats: readonly NumberFormat[]; date1904: boolean },
  sheetName: string,
  cellBudget: number,
): SheetGrid {
  const decoder = new TextDecoder('utf-8')
  let xml = ''
  for (const c of chunks) xml += decoder.decode(c, { stream: true })
  xml += decoder.decode()
  const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(xml.slice(0, 4096))
  if (!root) throw new Error(`工作表「${sheetName}」的内容已损坏，无法读取`)
  const p = root[1] ?? ''
  const rows: CellValue[][] = []
  let cells = 0
  const start = xml.indexOf(`<${p}sheetData`)
  const end = xml.indexOf(`</${p}sheetData>`)
  const selfClosed = start >= 0 && xml[xml.indexOf('>', start) - 1] === '/'
  if (start >= 0 && end < 0 && !selfClosed) throw new Error(`工作表「${sheetName}」的内容不完整，无法读取`)
  const rowOpen = `<${p}row`
  const cellOpen = `<${p}c`
  const cellClose = `</${p}c>`
  const vOpen = `<${p}v>`
  const vClose = `</${p}v>`
  const fOpen = `<${p}f`
  const fClose = `</${p}f>`
  const isOpen = `<${p}is>`
  let rowIndex = -1
  let row: CellValue[] = []
  let col = -1
  const keep = (cell: CellValue) => {
    if (cell === null || cell === '') return
    if (typeof cell === 'string' && cell.length > XLSX_LIMITS.cellChars)
      throw new SheetTooLarge(
        `工作表「${sheetName}」的 ${columnLetter(col)}${rowIndex + 1} 单元格有 ${cell.length.toLocaleString('zh-CN')} 字，超过 ${XLSX_LIMITS.cellChars.toLocaleString('zh-CN')} 字的上限`,
      )
    row[col] = cell
    if (++cells > cellBudget)
      throw new SheetTooLarge(
        `工作簿的单元格超过 ${XLSX_LIMITS.cells.toLocaleString('zh-CN')} 个的上限（读到工作表「${sheetName}」第 ${rowIndex + 1} 行）；请拆分后再上传`,
      )
  }
  let i = start >= 0 && !selfClosed ? xml.indexOf('>', start) + 1 : xml.length
  const stop = end >= 0 ? end : xml.length
  while (i < stop) {
    const lt = xml.indexOf('<', i)
    if (lt < 0 || lt >= stop) break
    const gt = xml.indexOf('>', lt)
    if (gt < 0) throw new Error(`工作表「${sheetName}」的内容不完整，无法读取`)
    const next = xml.charCodeAt(lt + 1 + p.length)
    if (xml.startsWith(rowOpen, lt) && (xml[lt + rowOpen.length] === ' ' || xml[lt + rowOpen.length] === '>')) {
      const r = Number(attr(xml.slice(lt, gt), 'r'))
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1
      if (rowIndex >= XLSX_LIMITS.rows + 64)
        throw new SheetTooLarge(
          `工作表「${sheetName}」超过 ${XLSX_LIMITS.rows.toLocaleString('zh-CN')} 行的上限；请拆分成几个工作簿再上传`,
        )
      row = []
      rows[rowIndex] = row
      col = -1
      i = gt + 1
      continue
    }
    if (
      next === 99 /* c */ &&
      xml.startsWith(cellOpen, lt) &&
      (xml[lt + cellOpen.length] === ' ' || xml[lt + cellOpen.length] === '>' || xml[lt + cellOpen.length] === '/')
    ) {
      const tag = xml.substring(lt, gt)
      const ref = attr(tag, 'r')
      const at = ref ? parseRef(ref) : null
      col = at ? at.col : col + 1
      if (at && at.row !== rowIndex) {
        rowIndex = at.row
        row = rows[rowIndex] ??= []
      }
      if (xml[gt - 1] === '/') {
        i = gt + 1
        continue
      }
      const close = xml.indexOf(cellClose, gt)
      if (close < 0) throw new Error(`工作表「${sheetName}」的内容不完整，无法读取`)
      i = close + cellClose.length
      let value: string[] | null = null
      let formula: string[] | null = null
      let inline: string[] | null = null
      // The common cell is <c …><v>…</v></c>: read it without cutting out its body.
      if (xml.startsWith(vOpen, gt + 1) && xml.startsWith(vClose, close - vClose.length)) {
        value = [decodeXml(xml.substring(gt + 1 + vOpen.length, close - vClose.length))]
        const cell = cellValue(attr(tag, 't') ?? 'n', Number(attr(tag, 's') ?? 0), value, null, null, context)
        keep(cell)
        continue
      }
      const body = xml.slice(gt + 1, close)
      const v = body.indexOf(vOpen)
      if (v >= 0) value = [decodeXml(body.slice(v + vOpen.length, body.indexOf(vClose, v)))]
      const f = body.indexOf(fOpen)
      if (
        f >= 0 &&
        (body[f + fOpen.length] === '>' || body[f + fOpen.length] === ' ' || body[f + fOpen.length] === '/')
      ) {
        const fgt = body.indexOf('>', f)
        formula = body[fgt - 1] === '/' ? [] : [decodeXml(body.slice(fgt + 1, body.indexOf(fClose, fgt)))]
      }
      const is = body.indexOf(isOpen)
      if (is >= 0) inline = [runText(body.slice(is), p)]
      const cell = cellValue(attr(tag, 't') ?? 'n', Number(attr(tag, 's') ?? 0), value, formula, inline, context)
      keep(cell)
      continue
    }
    i = gt + 1
  }
  const merges: CellRange[] = []
  for (const m of xml
    .slice(end >= 0 ? end : 0)
    .matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z$]+\d+)(?::([A-Z$]+\d+))?"/g)) {
    const a = parseRef(m[1]!)
    const b = m[2] ? parseRef(m[2]) : a
    if (a && b) merges.push({ r1: a.row, c1: a.col, r2: b.row, c2: b.col })
  }
  return { rows, merges, cells }
}

function cellValue(
  type: string,
  style: number,
  value: string[] | null,
  formula: string[] | null,
  inline: string[] | null,
  context: { sharedStrings: readonly string[]; formats: readonly NumberFormat[]; date1904: boolean },
): CellValue {
  const v = value ? value.join('') : null
  if (formula && v === null) return new CellFault('formula', `=${formula.join('')}`)
  switch (type) {
    case 's':
      return v === null ? null : (context.sharedStrings[Number(v)] ?? null)
    case 'inlineStr':
      return inline ? unescapeX(inline.join('')) : v
    case 'str':
      return v === null ? null : unescapeX(v)
    case 'b':
      return v === null ? null : v === '1' || v === 'true'
    case 'e':
      return new CellFault('error', v ?? '#错误')
    case 'd':
      return v === null
        ? null
        : v.length > 10 && v.slice(11) !== '00:00:00'
          ? v.replace('T', ' ').slice(0, 19)
          : v.slice(0, 10)
    default: {
      if (v === null || v.trim() === '') return null
      const n = Number(v)
      if (!Number.isFinite(n)) return v
      const format = context.formats[style] ?? 'general'
      if (format === 'date') return serialToIso(n, context.date1904) ?? n
      if (format === 'percent') return `${plainNumber(n * 100)}%`
      return n
    }
  }
}
