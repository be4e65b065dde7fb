import { columnHeading } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import type { IssueKind } from './stage-sql'

/** One problem in an upload, in the words the report shows. */
export interface UploadIssue {
  /** 1-based line of the file (approximate after a quoted line break), null for file-level problems. */
  readonly line: number | null
  /**
   * Where a workbook has it: 「Sheet1」第12行 D列「纳税额」 (with the file's name when several
   * workbooks went up together). Absent for a CSV, whose line numbers are its own.
   */
  readonly place?: string
  /** The file column the problem is in (index into the staged headers), when it is one column. */
  readonly fileColumn?: number
  /** The column as the user knows it (the file's header, or the dataset's label). */
  readonly column: string | null
  readonly problem: string
  readonly value: string | null
  /** Whether the row is left out (skip) or the file cannot load at all. */
  readonly severity: 'row' | 'file' | 'note'
}

const REJECT_PROBLEMS: Record<string, string> = {
  'TOO MANY COLUMNS': '列数多于表头',
  'MISSING COLUMNS': '列数少于表头',
  'UNQUOTED VALUE': '引号不成对或引号后有多余字符',
  'INVALID UNICODE': '含有无法识别的字符（编码不对？）',
  'LINE SIZE OVER MAXIMUM': '单行过长',
  CAST: '无法读取',
}

export function rejectIssue(line: number, errorType: string, csvLine: string, fieldCount: number): UploadIssue {
  const found = csvLine ? ` —— 该行内容：${csvLine.slice(0, 80)}${csvLine.length > 80 ? '…' : ''}` : ''
  const problem = REJECT_PROBLEMS[errorType] ?? `无法解析（${errorType}）`
  return { line, column: null, problem: `${problem}（应为 ${fieldCount} 列）${found}`, value: null, severity: 'row' }
}

export function describeIssue(kind: IssueKind, column: string, table: TableDef | null): string {
  const def = table?.columns.find((c) => c.name === column)
  switch (kind) {
    case 'type':
      return def ? `无法识别为${kindWord(def.kind)}` : '格式不对'
    case 'required':
      return '必填项为空'
    case 'range': {
      const lo = def?.min !== undefined ? `不小于 ${def.min}` : ''
      const hi = def?.max !== undefined ? `不大于 ${def.max}` : ''
      return `超出允许范围（应${[lo, hi].filter(Boolean).join('且')}）`
    }
    case 'category':
      return `不是允许的取值（${(def?.values ?? []).join('、')}）`
    case 'unknown-key': {
      const fk = table?.foreignKeys.find((f) => f.column === column)
      return fk
        ? `在${fk.references.table === 'observation_points' ? '观察点名单' : `表 ${fk.references.table} `}中找不到这个编号`
        : '找不到引用的编号'
    }
    case 'duplicate-key':
      return '主键重复（与前面的行相同，只保留第一行）'
    case 'formula':
      return '公式没有计算结果（请在 Excel 或 WPS 中打开、保存后再上传），不按公式文字导入'
    case 'cell-error':
      return '单元格是错误值'
  }
}

function kindWord(kind: string): string {
  switch (kind) {
    case 'integer':
    case 'year':
      return '整数'
    case 'money':
    case 'number':
    case 'percent':
      return '数字'
    case 'date':
      return '日期'
    case 'period':
      return '月份（如 2025-03、2025年3月）'
    case 'boolean':
      return '是/否'
    default:
      return '有效值'
  }
}

export function columnTitle(column: string, table: TableDef | null): string {
  if (!table) return column
  const keys = column.split('+')
  return keys
    .map((k) => {
      const def = table.columns.find((c) => c.name === k)
      return def ? columnHeading(def) : k
    })
    .join(' + ')
}

/**
 * Line of a staged row: rows are numbered in file order after the header; rows the reader
 * set aside (ragged, unparsable) still took a line each before them.
 */
export function lineOfRow(rowIndex: number, firstDataLine: number, rejectedLines: readonly number[]): number {
  let line = firstDataLine + rowIndex
  for (const r of rejectedLines) {
    if (r <= line) line++
    else break
  }
  return line
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value)
  // A leading = + - @ would be a formula in Excel: prefix it so it stays text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The report as a CSV Excel opens in Chinese: UTF-8 with a BOM, CRLF. */
export function reportCsv(fileName: string, issues: readonly UploadIssue[]): string {
  const severity = { row: '该行不导入', file: '整个文件无法导入', note: '提示' }
  // A workbook's report says where in the sheet; a CSV's line numbers are its own.
  const placed = issues.some((i) => i.place)
  const lines = [['文件', '行号', ...(placed ? ['位置'] : []), '列', '问题', '原值', '处理'].join(',')]
  for (const i of issues)
    lines.push(
      [fileName, i.line ?? '', ...(placed ? [i.place ?? ''] : []), i.column, i.problem, i.value, severity[i.severity]]
        .map(csvCell)
        .join(','),
    )
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
