import type { UploadIssue } from '../report'
import type { BatchGroup, BatchRead } from './batch'

/**
 * What the report needs of a workbook upload to speak Excel: each staged data row's file,
 * sheet and Excel row, each column's letter and header in that file.
 */
export interface WorkbookSource {
  /** Batch file index → its name and the sheet read. */
  readonly files: Readonly<Record<number, { readonly name: string; readonly sheet: string }>>
  readonly group: Pick<BatchGroup, 'rowFile' | 'rowNumber' | 'places' | 'faults'>
  /** Several workbooks went up together: a place names its file too. */
  readonly several: boolean
}

/** The CSV the workbook was written as has its header on line 1: data row i is line i + 2. */
const FIRST_DATA_LINE = 2

/** 「Sheet1」第12行 D列「纳税额」 (「月报_P01.xlsx」「Sheet1」… when several went up). */
export function placeOf(source: WorkbookSource, line: number | null, fileColumn?: number): string | undefined {
  if (line === null) return undefined
  const row = line - FIRST_DATA_LINE
  if (row < 0 || row >= source.group.rowNumber.length) return undefined
  const fileIndex = source.group.rowFile[row]!
  const file = source.files[fileIndex]
  if (!file) return undefined
  const column = fileColumn !== undefined ? source.group.places[fileIndex]?.[fileColumn] : undefined
  const where = `「${file.sheet}」第${source.group.rowNumber[row]}行${column ? ` ${column.letter}列「${column.header}」` : ''}`
  return source.several ? `「${file.name}」${where}` : where
}

export function placeIssues(source: WorkbookSource, issues: readonly UploadIssue[]): UploadIssue[] {
  return issues.map((issue) => {
    const place = placeOf(source, issue.line, issue.fileColumn)
    return place ? { ...issue, place } : issue
  })
}

/** The source of a batch's group, for prepareUpload. */
export function workbookSource(batch: BatchRead, group: number): WorkbookSource {
  const g = batch.groups[group]!
  const files: Record<number, { name: string; sheet: string }> = {}
  for (const i of g.files) files[i] = { name: batch.files[i]!.name, sheet: batch.files[i]!.sheet ?? '' }
  return { files, group: g, several: g.files.length > 1 }
}

/** A name for what a group uploads: its file, or the first of several and how many. */
export function groupFileName(batch: BatchRead, group: number): string {
  const g = batch.groups[group]!
  const first = batch.files[g.files[0]!]!.name
  return g.files.length === 1 ? first : `${first.replace(/\.[^.]*$/, '')} 等 ${g.files.length} 个工作簿.xlsx`
}
