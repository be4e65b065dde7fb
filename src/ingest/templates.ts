import { zipSync } from 'fflate'

import { columnHeading, getTable, requireTable } from '../datasets/registry'
import type { ColumnDef, TableDef } from '../datasets/schema'
import { coreName, type Reference } from './names'

/**
 * Templates the office sends out and gets back filled in: one .xlsx per dataset (its Chinese
 * headers with units, a frozen header, widths, one example row the upload skips, and a
 * 填写说明 sheet of allowed values), and the monthly 观察点月报表, one workbook per point with
 * its id, name and the month already filled in, all of them in one .zip. Written with
 * write-excel-file (typed cells: a string is never a formula). A filled-in template uploads
 * with no problem: its layout is one the workbook reader knows.
 */

/** A cell as write-excel-file takes it. */
export type TemplateCell = {
  value?: string | number | boolean | Date
  type?: typeof String | typeof Number | typeof Boolean | typeof Date
  format?: string
  fontWeight?: 'bold'
  textColor?: string
  backgroundColor?: string
  columnSpan?: number
  wrap?: boolean
} | null

export interface TemplateSheet {
  readonly sheet: string
  readonly data: TemplateCell[][]
  readonly columns?: { width: number }[]
  readonly stickyRowsCount?: number
}

/** The reference tables' rows a template lists (ids and names), by table name. */
export type ReferenceLists = Readonly<Record<string, readonly Reference[]>>

/** What the example row carries in its last column: the reader skips a row that says so. */
export const EXAMPLE_MARK = '示例行：导入时自动跳过，可覆盖或删除'
export const HINT_HEADER = '填写提示'

const KIND_WORDS: Record<ColumnDef['kind'], string> = {
  id: '编号',
  text: '文本',
  category: '类别（从下列取值中选）',
  integer: '整数',
  year: '年份，如 2026',
  money: '金额数字',
  number: '数字',
  percent: '百分数的数字部分，如 85.3',
  date: '日期，如 2026-11-05',
  period: '月份，如 2026-11',
  boolean: '是 或 否',
}

const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)

/** A value in the template's own cell type (a date as a date, a month as text, 是/否 for booleans). */
export function templateCell(column: ColumnDef, value: unknown): TemplateCell {
  if (value === null || value === undefined || value === '') return null
  switch (column.kind) {
    case 'integer':
    case 'year':
    case 'money':
    case 'number':
    case 'percent':
      return Number.isFinite(Number(value))
        ? { value: Number(value), type: Number }
        : { value: String(value), type: String }
    case 'date': {
      const d = value instanceof Date ? value : new Date(`${String(value).slice(0, 10)}T00:00:00Z`)
      return Number.isNaN(d.getTime())
        ? { value: String(value), type: String }
        : { value: d, type: Date, format: 'yyyy-mm-dd' }
    }
    case 'boolean':
      return { value: value === true || value === 'true' ? '是' : '否', type: String }
    default:
      // Text stays text (format @): an id such as 0301 keeps its zero, a month stays 2026-11.
      return { value: String(value), type: String, format: '@' }
  }
}

const header = (text: string): TemplateCell => ({
  value: text,
  type: String,
  fontWeight: 'bold',
  backgroundColor: '#E8EEF7',
})

/** The 填写说明 sheet: each column, then the values a column may hold (ids with names, categories). */
export function instructionsSheet(table: TableDef, refs: ReferenceLists): TemplateSheet {
  const data: TemplateCell[][] = [
    [{ value: `「${table.label}」填写说明`, type: String, fontWeight: 'bold' }],
    [{ value: '带“是”的列必须填写；金额单位为万元；引用其他表的列可填编号，也可填名称。', type: String }],
    [],
    [header('列'), header('必填'), header('填写内容'), header('允许的取值或说明')],
  ]
  for (const c of table.columns) {
    const fk = table.foreignKeys.find((f) => f.column === c.name)
    const allowed = c.values?.length
      ? c.values.join('、')
      : fk
        ? `见下方「${getTable(fk.references.table)?.label ?? fk.references.table}」：编号或名称均可`
        : (c.description ?? (c.min !== undefined || c.max !== undefined ? rangeText(c) : ''))
    data.push([
      { value: columnHeading(c), type: String },
      { value: c.required ? '是' : '', type: String },
      {
        value: c.unit && c.kind !== 'percent' ? `${KIND_WORDS[c.kind]}（${c.unit}）` : KIND_WORDS[c.kind],
        type: String,
      },
      { value: allowed, type: String },
    ])
  }
  for (const fk of table.foreignKeys) {
    const list = refs[fk.references.table] ?? []
    if (list.length === 0) continue
    const label = getTable(fk.references.table)?.label ?? fk.references.table
    data.push(
      [],
      [{ value: `${label}（填编号或名称）`, type: String, fontWeight: 'bold' }],
      [header('编号'), header('名称'), header('简称')],
    )
    for (const r of list) {
      const short = coreName(r.name)
      data.push([
        { value: r.id, type: String, format: '@' },
        { value: r.name, type: String },
        short !== r.name.normalize('NFKC').toLowerCase() && short !== r.name ? { value: short, type: String } : null,
      ])
    }
  }
  return { sheet: '填写说明', data, columns: [{ width: 22 }, { width: 34 }, { width: 30 }, { width: 60 }] }
}

function rangeText(c: ColumnDef): string {
  if (c.min !== undefined && c.max !== undefined) return `${c.min} 到 ${c.max} 之间`
  if (c.min !== undefined) return `不小于 ${c.min}`
  return `不大于 ${c.max}`
}

/** The data sheet of a dataset's template: headers, one example row (marked, skipped on upload). */
export function datasetTemplate(
  table: TableDef,
  example: Readonly<Record<string, unknown>> | null,
  refs: ReferenceLists,
): TemplateSheet[] {
  const headings = table.columns.map(columnHeading)
  const data: TemplateCell[][] = [[...headings.map(header), header(HINT_HEADER)]]
  if (example)
    data.push([
      ...table.columns.map((c) => {
        const cell = templateCell(c, example[c.name])
        return cell ? { ...cell, textColor: '#808080' } : null
      }),
      { value: EXAMPLE_MARK, type: String, textColor: '#808080' },
    ])
  const columns = [
    ...table.columns.map((c, i) => ({
      width: Math.min(40, Math.max(10, width(headings[i]!) + 2, width(String(example?.[c.name] ?? '')) + 2)),
    })),
    { width: 36 },
  ]
  return [{ sheet: table.label.slice(0, 31), data, columns, stickyRowsCount: 1 }, instructionsSheet(table, refs)]
}

/** The columns of the monthly report, in the order the points fill them in. */
const MONTHLY = [
  'period',
  'point_id',
  'output_value',
  'revenue',
  'tax',
  'electricity',
  'employees',
  'export_value',
  'new_orders',
  'rd_expense',
  'capacity_utilization',
]

/** "2026-11" → "2026年11月". */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/**
 * One point's 观察点月报表: a title with the month, the reporting enterprise, the header, the
 * point's row with its month, id and name filled in (the figures for the point to fill), and
 * signature lines below (which the upload leaves out).
 */
export function monthlyReportTemplate(point: Reference, month: string, refs: ReferenceLists): TemplateSheet[] {
  const table = requireTable('point_indicators')
  const defs = MONTHLY.map((name) => table.columns.find((c) => c.name === name)!)
  const headings = defs.map(columnHeading)
  const span = headings.length + 1
  const blank = (n: number): TemplateCell[] => Array.from({ length: n }, () => null)
  const row: TemplateCell[] = [
    { value: month, type: String, format: '@' },
    { value: point.id, type: String, format: '@' },
    { value: point.name, type: String },
    ...blank(defs.length - 2),
  ]
  const data: TemplateCell[][] = [
    [
      { value: `观察点主要指标月报表（${monthText(month)}）`, type: String, fontWeight: 'bold', columnSpan: span },
      ...blank(span - 1),
    ],
    [
      { value: `填报单位：${point.name}`, type: String, columnSpan: 4 },
      ...blank(3),
      { value: '单位：万元', type: String },
    ],
    [header('月份'), header('观察点编号'), header('企业名称'), ...headings.slice(2).map(header)],
    row,
    [],
    [{ value: '注：金额单位为万元，均填当月数（不是累计数）；产能利用率填百分数的数字部分。', type: String }],
    [
      { value: '填报人：', type: String },
      null,
      { value: '审核人：', type: String },
      null,
      { value: '填报日期：', type: String },
    ],
  ]
  const columns = [
    { width: 10 },
    { width: 12 },
    { width: 30 },
    ...headings.slice(2).map((h) => ({ width: Math.max(12, width(h) + 2) })),
  ]
  return [{ sheet: monthText(month), data, columns, stickyRowsCount: 3 }, instructionsSheet(table, refs)]
}

/** Writes sheets as one .xlsx (write-excel-file, loaded only when a template is made). */
export async function writeTemplate(sheets: readonly TemplateSheet[]): Promise<Uint8Array> {
  const { default: write } = await import('write-excel-file/universal')
  const blob = await write(sheets.map((s) => ({ ...s })) as never).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

/** File name of a point's monthly report. */
export const monthlyFileName = (point: Reference, month: string) =>
  `观察点月报表_${monthText(month)}_${point.id}_${point.name}.xlsx`.replace(/[\\/:*?"<>|]/g, '_')

/** Every point's monthly report, in one .zip. */
export async function writeMonthlyReports(
  points: readonly Reference[],
  month: string,
  refs: ReferenceLists,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  for (const point of points)
    files[monthlyFileName(point, month)] = await writeTemplate(monthlyReportTemplate(point, month, refs))
  // Workbooks are zip files already: stored, not compressed again.
  return zipSync(files, { level: 0 })
}
