import { columnHeading, getTable } from '../../datasets/registry'
import type { ColumnDef, TableDef } from '../../datasets/schema'
import { mapHeaders } from '../mapping'
import { headerMoneyUnit, headersInWanYuan, MONEY_UNITS, toWanYuan } from '../units'
import type { SkippedRow } from './layout'
import { CellFault, type CellValue, columnLetter, plainNumber, serialToIso } from './ooxml'
import { readWorkbook, type SheetSummary } from './workbook'

/**
 * Workbooks dropped together become one CSV per dataset, the same UTF-8 CSV the upload path
 * stages for a CSV file, with a map from each of its data rows back to the file, sheet and
 * Excel row it came from, and from each column to that file's column letter and header. All
 * 19 monthly reports of the points are one preview and one commit.
 */

export interface BatchFileInput {
  readonly name: string
  readonly bytes: Uint8Array
  /** The sheet the user picked; otherwise the one that maps onto a dataset. */
  readonly sheet?: string | undefined
}

export interface BatchOptions {
  /** The month every row gets when the sheet has no month column: undefined = as found, null = none. */
  readonly month?: string | null | undefined
}

export interface BatchFile {
  readonly name: string
  /** Why the file could not be read (it is left out); null when it was. */
  readonly error: string | null
  readonly sheets: readonly SheetSummary[]
  readonly sheet: string | null
  readonly dataset: string | null
  readonly rows: number
  readonly headerRows: readonly [number, number]
  readonly skipped: readonly SkippedRow[]
  readonly notes: readonly string[]
  /** The month the title or sheet name gives, and where it was found. */
  readonly month: string | null
  readonly monthSource: string | null
  /** Index into `groups`, -1 for a file not read. */
  readonly group: number
}

export interface ColumnPlace {
  readonly letter: string
  readonly header: string
}

export interface CellFaultAt {
  /** 0-based data row of the group's CSV. */
  readonly row: number
  /** 0-based column of the group's CSV. */
  readonly column: number
  readonly kind: 'formula' | 'error'
  readonly text: string
}

export interface BatchGroup {
  /** The registry table its headers map onto, or null (an ad-hoc table). */
  readonly dataset: string | null
  /** Indices into `files`. */
  readonly files: readonly number[]
  readonly headers: readonly string[]
  /** The first rows, as text, for the preview. */
  readonly sample: readonly (readonly string[])[]
  readonly csv: Uint8Array
  /** Per data row: its file (index into `files` of the batch) and Excel row number. */
  readonly rowFile: Uint16Array
  readonly rowNumber: Uint32Array
  /** Per file of the batch (by index), per CSV column: where it is in that file's sheet. */
  readonly places: Readonly<Record<number, readonly (ColumnPlace | null)[]>>
  readonly faults: readonly CellFaultAt[]
  /** The month column added from titles or sheet names, if one was. */
  readonly month: { readonly value: string | null; readonly added: boolean } | null
  readonly notes: readonly string[]
}

export interface BatchRead {
  readonly files: readonly BatchFile[]
  readonly groups: readonly BatchGroup[]
}

/** Faults listed in full (all are counted as failing rows through the report). */
const FAULT_LIMIT = 10_000
const SAMPLE_ROWS = 20

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/
function csvField(s: string): string {
  return s === '' || !NEEDS_QUOTES.test(s) ? s : `"${s.replace(/"/g, '""')}"`
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || v instanceof CellFault) return ''
  // A number read from the sheet is written as Excel stored it (shortest round-trip form); only
  // computed ones (percent, unit) go through plainNumber.
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return v
}

/** A money figure in another unit, converted into 万元 (a number, or digits written as text). */
function inWanYuan(v: CellValue | undefined, factor: number): string {
  if (typeof v === 'number') return plainNumber(v * factor)
  const t = cellText(v)
  const n = Number(t.normalize('NFKC').replace(/[,\s]/g, ''))
  return t.trim() !== '' && Number.isFinite(n) ? plainNumber(n * factor) : t
}

const periodColumn = (table: TableDef): ColumnDef | undefined =>
  table.columns.find((c) => c.name === table.periodColumn) ?? table.columns.find((c) => c.kind === 'period')

interface ReadFile {
  readonly index: number
  readonly read: Awaited<ReturnType<typeof readWorkbook>>
}

export async function readBatch(inputs: readonly BatchFileInput[], options: BatchOptions = {}): Promise<BatchRead> {
  // One at a time: one workbook's parts in memory at once.
  const reads: ReadFile[] = []
  for (const [index, input] of inputs.entries())
    reads.push({ index, read: await readWorkbook(input.bytes, input.name, { sheet: input.sheet }) })
  // Files whose chosen sheets map onto the same dataset go together; each ad-hoc sheet alone.
  const groupOf = new Map<string, number[]>()
  const order: string[] = []
  for (const { index, read } of reads) {
    if (!read.ok || !read.value.layout || read.value.chosen < 0) continue
    const dataset = read.value.sheets[read.value.chosen]!.dataset
    const key = dataset ?? `adhoc:${index}`
    if (!groupOf.has(key)) {
      groupOf.set(key, [])
      order.push(key)
    }
    groupOf.get(key)!.push(index)
  }
  const groups: BatchGroup[] = []
  const fileGroup = new Map<number, number>()
  for (const key of order) {
    const members = groupOf.get(key)!
    members.forEach((m) => fileGroup.set(m, groups.length))
    groups.push(buildGroup(key.startsWith('adhoc:') ? null : key, members, reads, options))
  }
  const files: BatchFile[] = reads.map(({ index, read }) => {
    if (!read.ok)
      return {
        name: inputs[index]!.name,
        error: read.error,
        sheets: [],
        sheet: null,
        dataset: null,
        rows: 0,
        headerRows: [0, 0],
        skipped: [],
        notes: [],
        month: null,
        monthSource: null,
        group: -1,
      }
    const { sheets, chosen, layout } = read.value
    const sheet = sheets[chosen]
    return {
      name: inputs[index]!.name,
      error: sheet && layout ? null : '工作簿中没有可以读取的表格（所有工作表都是空的）',
      sheets,
      sheet: sheet?.name ?? null,
      dataset: sheet?.dataset ?? null,
      rows: sheet?.rows ?? 0,
      headerRows: layout?.headerRows ?? [0, 0],
      skipped: layout?.skipped ?? [],
      notes: layout?.notes ?? [],
      month: layout?.month ?? null,
      monthSource: layout?.monthSource ?? null,
      group: fileGroup.get(index) ?? -1,
    }
  })
  return { files, groups }
}

function buildGroup(
  dataset: string | null,
  members: readonly number[],
  reads: readonly ReadFile[],
  options: BatchOptions,
): BatchGroup {
  const table = dataset ? getTable(dataset) : undefined
  const books = members.map((m) => {
    const value = (reads[m]!.read as { ok: true; value: import('./workbook').WorkbookRead }).value
    return { index: m, grid: value.grid!, layout: value.layout!, date1904: value.date1904 }
  })
  const notes: string[] = []
  // The group's columns: one file keeps its own headers; several share the dataset's columns.
  /** Where a column's values come from, the factor into 万元, and whether a bare number is a date serial. */
  type Source = { column: number; factor: number; serial: boolean } | null
  const serialFor = (def: ColumnDef | undefined) => def?.type === 'DATE' || def?.kind === 'period'
  let headers: string[]
  const sources: Source[][] = []
  const single = books.length === 1 || !table
  const periodDef = table ? periodColumn(table) : undefined
  if (single) {
    const { layout } = books[0]!
    const { headers: mapped, units } = headersInWanYuan(layout.headers, layout.unit)
    const mapping = table ? mapHeaders(table, mapped) : []
    headers = layout.headers.map((h, i) => {
      const def = table?.columns.find((c) => c.name === mapping[i])
      const factor = def?.unit === '万元' ? toWanYuan(units[i]) : 1
      if (factor === 1) return h
      const own = headerMoneyUnit(h)
      notes.push(`「${h}」的单位是${units[i]}，已按 1 ${units[i]} = ${plainNumber(MONEY_UNITS[units[i]!]!)} 万元换算`)
      return `${own ? own.base : h}（万元）`
    })
    sources.push(
      layout.columns.map((column, i) => {
        const def = table?.columns.find((c) => c.name === mapping[i])
        return { column, factor: def?.unit === '万元' ? toWanYuan(units[i]) : 1, serial: serialFor(def) }
      }),
    )
  } else {
    const used = new Set<string>()
    const perBook = books.map(({ layout }) => {
      const { headers: mapped, units } = headersInWanYuan(layout.headers, layout.unit)
      const mapping = mapHeaders(table, mapped)
      mapping.forEach((m) => m && used.add(m))
      return { mapping, units }
    })
    const defs = table.columns.filter((c) => used.has(c.name))
    headers = defs.map(columnHeading)
    books.forEach(({ layout }, b) => {
      const { mapping, units } = perBook[b]!
      sources.push(
        defs.map((def) => {
          const i = mapping.indexOf(def.name)
          if (i < 0) return null
          const factor = def.unit === '万元' ? toWanYuan(units[i]) : 1
          if (factor !== 1)
            notes.push(
              `「${layout.headers[i]}」的单位是${units[i]}，已按 1 ${units[i]} = ${plainNumber(MONEY_UNITS[units[i]!]!)} 万元换算`,
            )
          return { column: layout.columns[i]!, factor, serial: serialFor(def) }
        }),
      )
    })
  }
  // A month only in the title or the sheet name is offered as every row's month.
  const hasPeriod =
    !!periodDef &&
    (single
      ? mapHeaders(table!, headersInWanYuan(books[0]!.layout.headers).headers).includes(periodDef.name)
      : headers.includes(columnHeading(periodDef)))
  let month: BatchGroup['month'] = null
  const addMonth = !!periodDef && !hasPeriod && options.month !== null
  if (periodDef && !hasPeriod) {
    const found = [...new Set(books.map((b) => b.layout.month))]
    const value = options.month !== undefined ? options.month : found.length === 1 ? (found[0] ?? null) : null
    month = { value, added: addMonth }
    if (addMonth) headers = [...headers, columnHeading(periodDef)]
  }

  const lines: string[] = [headers.map(csvField).join(',')]
  const sample: string[][] = []
  const total = books.reduce((n, b) => n + b.layout.dataRows.length, 0)
  const rowFile = new Uint16Array(total)
  const rowNumber = new Uint32Array(total)
  const faults: CellFaultAt[] = []
  const places: Record<number, (ColumnPlace | null)[]> = {}
  let at = 0
  books.forEach(({ index, grid, layout, date1904 }, b) => {
    const columnSources = sources[b]!
    places[index] = [
      ...columnSources.map((s) =>
        s ? { letter: columnLetter(s.column), header: layout.headers[layout.columns.indexOf(s.column)] ?? '' } : null,
      ),
      ...(addMonth ? [null] : []),
    ]
    const rowMonth = options.month !== undefined ? (options.month ?? '') : (layout.month ?? '')
    for (const r of layout.dataRows) {
      const cells: string[] = []
      const filled = layout.fillFrom.size > 0
      columnSources.forEach((s, j) => {
        if (!s) return void cells.push('')
        const from = filled ? layout.fillFrom.get(`${r},${s.column}`) : undefined
        const v = from ? grid.rows[from[0]]?.[from[1]] : grid.rows[r]?.[s.column]
        if (v instanceof CellFault && faults.length < FAULT_LIMIT)
          faults.push({ row: at, column: j, kind: v.kind, text: v.text })
        // A date typed as its serial number (46131) in a date or month column is that date.
        const date = s.serial && typeof v === 'number' && v >= 20000 && v < 80000 ? serialToIso(v, date1904) : null
        cells.push(date ?? (s.factor !== 1 ? inWanYuan(v, s.factor) : cellText(v)))
      })
      if (addMonth) cells.push(rowMonth)
      if (sample.length < SAMPLE_ROWS) sample.push(cells)
      let line = ''
      for (let j = 0; j < cells.length; j++) line += (j ? ',' : '') + csvField(cells[j]!)
      lines.push(line)
      rowFile[at] = index
      rowNumber[at] = r + 1
      at++
    }
  })
  return {
    dataset,
    files: members,
    headers,
    sample,
    csv: new TextEncoder().encode(lines.join('\n') + '\n'),
    rowFile,
    rowNumber,
    places,
    faults,
    month,
    notes: [...new Set([...books.flatMap((b) => b.layout.notes), ...notes])],
  }
}
