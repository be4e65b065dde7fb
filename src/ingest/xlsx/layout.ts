import { unitLine } from '../units'
import { CellFault, type CellRange, type CellValue, columnLetter, type SheetGrid } from './ooxml'

/**
 * Where the table is on a sheet laid out as a Chinese statistical report: title and unit
 * lines above the header, a one- or two-row header with merged cells, merged data cells,
 * 合计/小计 rows, notes and signatures below. Pure: a grid in, a description out.
 */

export interface SkippedRow {
  /** Excel row number (1-based). */
  readonly row: number
  readonly reason: 'total' | 'note' | 'title' | 'example'
  readonly text: string
}

export interface SheetLayout {
  /** Excel row numbers of the header's first and last row (1-based); 0 when none was found. */
  readonly headerRows: readonly [number, number]
  /** Each kept column's header, merged header cells combined (产值·1—11月累计). */
  readonly headers: readonly string[]
  /** Each kept column's sheet column (0-based). */
  readonly columns: readonly number[]
  /** 0-based sheet rows holding data, in order. */
  readonly dataRows: readonly number[]
  readonly skipped: readonly SkippedRow[]
  /** The unit a line above the table gives (单位：亿元). */
  readonly unit: string | null
  /** A month the title or the sheet name gives ('2026-11'). */
  readonly month: string | null
  /** Where the month was found. */
  readonly monthSource: string | null
  /** What the reading did that the report should say (a 本月 column taken as the month's value …). */
  readonly notes: readonly string[]
  /** Merged data cells: the cell each covered cell takes its value from ("r,c" → [r, c]). */
  readonly fillFrom: ReadonlyMap<string, readonly [number, number]>
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined || v instanceof CellFault ? '' : typeof v === 'string' ? v.trim() : String(v)

const isNumberLike = (v: CellValue | undefined) =>
  typeof v === 'number' || (typeof v === 'string' && /^[-+]?[\d,，.]+%?$/.test(v.trim()))

const SUB_MONTH = /^(本月|当月|本期|本月数|当月数|本月值|当月值|月度)$/
const SUB_WORDS = /本月|当月|本期|累计|同比|上年|去年|增长|增减|比上|环比|全年|年度|计划|完成|%|％/
const CUMULATIVE = /累计|1\s*[—\-–~至到]\s*\d{1,2}\s*月|全年|年度|同比|上年|去年|增长|增减|环比/
const NOTE_LINE =
  /^((注|说明|备注|附注)\s*\d*\s*[:：.、]|(填报人|填表人|审核人|复核人|单位负责人|统计负责人|负责人|制表人?|填报日期|报出日期|报送日期|联系电话|联系人)\s*([:：]|$))/
const TOTAL = /^(合计|小计|总计|共计|全市合计|总合计|全部合计|其中)[:：]?$/
const MONTH_IN_TEXT = /(\d{4})\s*年\s*(?:\d{1,2}\s*[—\-–~至到]\s*)?(\d{1,2})\s*月/
const MONTH_IN_NAME = /^(?:.*?\D)?(\d{4})\s*[-./_年]\s*(\d{1,2})(?:\s*月)?(?:\D.*)?$/

/** The sheet's merged ranges by their top-left cell, and each covered cell's range. */
function mergeIndex(merges: readonly CellRange[]): Map<string, CellRange> {
  const at = new Map<string, CellRange>()
  for (const m of merges) {
    // A range over a whole column or a huge block is formatting, not a merged value.
    if ((m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1) > 10_000) continue
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) at.set(`${r},${c}`, m)
  }
  return at
}

function monthOf(s: string, pattern: RegExp): string | null {
  const m = pattern.exec(s.normalize('NFKC'))
  if (!m) return null
  const month = Number(m[2])
  const year = Number(m[1])
  return month >= 1 && month <= 12 && year >= 1990 && year <= 2100 ? `${year}-${String(month).padStart(2, '0')}` : null
}

function nonEmpty(row: readonly CellValue[] | undefined): number {
  if (!row) return 0
  let n = 0
  for (const v of row) if (text(v) !== '') n++
  return n
}

/** A row that reads as a header: at least two cells, mostly words, not a 填报单位：… line. */
function looksLikeHeader(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false
  const cells = row.map(text).filter((t) => t !== '')
  if (cells.length < 2) return false
  const words = row.filter((v) => text(v) !== '' && !isNumberLike(v)).length
  const labelled = cells.filter((t) => /[:：]/.test(t)).length
  return words / cells.length >= 0.6 && labelled < cells.length && !cells.some((t) => unitLine(t) && t.length < 12)
}

export function layoutSheet(grid: SheetGrid, sheetName: string): SheetLayout {
  const { rows } = grid
  const merged = mergeIndex(grid.merges)
  const valueAt = (r: number, c: number): CellValue | undefined => rows[r]?.[c]
  const notes: string[] = []
  const skipped: SkippedRow[] = []

  let width = 0
  for (const row of rows) if (row && row.length > width) width = row.length

  // The header: the first row that reads as one, within the first 40 rows with anything in them.
  let header = -1
  let seen = 0
  for (let r = 0; r < rows.length && seen < 40; r++) {
    if (nonEmpty(rows[r]) === 0) continue
    seen++
    if (looksLikeHeader(rows[r])) {
      header = r
      break
    }
  }
  // A sheet of one column (a list) has no row that reads as a header: its first row is.
  if (header < 0) header = rows.findIndex((row) => nonEmpty(row) > 0)
  const above: string[] = []
  for (let r = 0; r < Math.max(0, header); r++) {
    const line = (rows[r] ?? []).map(text).filter(Boolean).join(' ')
    if (line) {
      above.push(line)
      skipped.push({ row: r + 1, reason: 'title', text: line })
    }
  }
  let unit: string | null = null
  for (const line of above) unit ??= unitLine(line)
  let month: string | null = null
  let monthSource: string | null = null
  for (const line of above) {
    if (month) break
    month = monthOf(line, MONTH_IN_TEXT)
    if (month) monthSource = `标题「${line.slice(0, 40)}」`
  }
  if (!month) {
    month = monthOf(sheetName, MONTH_IN_TEXT) ?? monthOf(sheetName, MONTH_IN_NAME)
    if (month) monthSource = `工作表名「${sheetName}」`
  }

  if (header < 0) {
    return {
      headerRows: [0, 0],
      headers: [],
      columns: [],
      dataRows: [],
      skipped,
      unit,
      month,
      monthSource,
      notes,
      fillFrom: new Map(),
    }
  }

  // A second header row: merged cells reach into it, or it holds sub-headings (本月, 累计 …) and no figures.
  const next = rows[header + 1]
  const mergedInto = grid.merges.some(
    (m) => (m.r1 === header && (m.c2 > m.c1 || m.r2 >= header + 1)) || (m.r1 === header + 1 && m.r2 === header + 1),
  )
  const subHeadings =
    !!next &&
    nonEmpty(next) > 0 &&
    next.every(
      (v) => v === null || v === undefined || (!isNumberLike(v) && (text(v) === '' || SUB_WORDS.test(text(v)))),
    )
  const twoRows = !!next && nonEmpty(next) > 0 && (mergedInto || subHeadings) && !next.some((v) => isNumberLike(v))
  const last = twoRows ? header + 1 : header

  // The value a header cell shows: its own, or that of the merged range it is in.
  const shown = (r: number, c: number): string => {
    const m = merged.get(`${r},${c}`)
    return text(m ? valueAt(m.r1, m.c1) : valueAt(r, c))
  }

  const headers: string[] = []
  const columns: number[] = []
  let parentCarry = ''
  for (let c = 0; c < width; c++) {
    let top = shown(header, c)
    let name = top
    if (twoRows) {
      const m = merged.get(`${header},${c}`)
      const spansDown = m !== undefined && m.r2 >= header + 1
      const sub = spansDown ? '' : shown(header + 1, c)
      // Without merged cells a parent heading is written once, over the first of its columns.
      if (top === '' && sub !== '' && !m) top = parentCarry
      else parentCarry = top
      if (sub === '' || top === '') name = top || sub
      else if (SUB_MONTH.test(sub.replace(/\s/g, ''))) {
        name = top
        notes.push(`「${top}·${sub}」作为当月值`)
      } else {
        name = `${top}·${sub}`
        if (CUMULATIVE.test(sub)) notes.push(`「${name}」是累计或比较数，不作为当月值导入`)
      }
    }
    let hasData = false
    for (let r = last + 1; r < rows.length && !hasData; r++) if (text(valueAt(r, c)) !== '') hasData = true
    if (name === '' && !hasData) continue
    headers.push(name)
    columns.push(c)
  }

  // Merged data cells (a cluster name over several rows): each covered cell takes the range's value.
  const fillFrom = new Map<string, readonly [number, number]>()
  for (const m of grid.merges) {
    if (m.r1 <= last || (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1) > 10_000) continue
    for (let r = m.r1; r <= m.r2; r++)
      for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) fillFrom.set(`${r},${c}`, [m.r1, m.c1])
  }

  const dataRows: number[] = []
  const lineOf = (r: number) =>
    columns
      .map((c) => text(rows[r]?.[c]))
      .filter(Boolean)
      .join(' ')
  for (let r = last + 1; r < rows.length; r++) {
    const row = rows[r]
    if (!row) continue
    // Only the first few cells' text is looked at (a note, a total): this runs once per row.
    const first: string[] = []
    let example = false
    for (const c of columns) {
      const v = row[c]
      if (v === null || v === undefined || v instanceof CellFault) continue
      if (typeof v === 'string') {
        const t = v.trim()
        if (t === '') continue
        if (first.length < 3) first.push(t)
        if (t.startsWith('示例行')) example = true
      } else if (first.length < 3) first.push(String(v))
    }
    if (first.length === 0) continue
    if (NOTE_LINE.test(first[0]!)) {
      // Notes and signatures end the table: they and everything after them are left out.
      for (let rest = r; rest < rows.length; rest++) {
        const t = (rows[rest] ?? []).map(text).filter(Boolean).join(' ')
        if (t) skipped.push({ row: rest + 1, reason: 'note', text: t })
      }
      break
    }
    // A template's example row says so in a cell of its own.
    if (example) {
      skipped.push({ row: r + 1, reason: 'example', text: lineOf(r) })
      continue
    }
    if (first.some((t) => TOTAL.test(t.replace(/\s/g, '')))) {
      skipped.push({ row: r + 1, reason: 'total', text: lineOf(r) })
      continue
    }
    dataRows.push(r)
  }
  return {
    headerRows: [header + 1, last + 1],
    headers,
    columns,
    dataRows,
    skipped,
    unit,
    month,
    monthSource,
    notes,
    fillFrom,
  }
}

/** The column's letter and header, for the report. */
export function describeColumn(layout: SheetLayout, i: number): { letter: string; header: string } {
  return { letter: columnLetter(layout.columns[i] ?? 0), header: layout.headers[i] ?? '' }
}
