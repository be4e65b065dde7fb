import type { SheetData } from 'write-excel-file/browser'

import type { ExportTable } from './table'

/**
 * The sheet as write-excel-file takes it: a bold header row, numbers as number cells and
 * text as string cells. A string cell is shown as text even when it starts with "=" (only
 * a formula cell is evaluated), which is what neutralises formula injection in XLSX.
 */
export function xlsxSheet(table: ExportTable): SheetData {
  const header = table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const }))
  const body = table.rows.map((row) =>
    row.map((v) => {
      if (v === null) return null
      if (typeof v === 'number') return { value: v, type: Number }
      if (typeof v === 'boolean') return { value: v ? '是' : '否', type: String }
      return { value: v, type: String }
    }),
  )
  return [header, ...body] as SheetData
}

/** Column widths in characters, a CJK character counting two. */
export function xlsxColumnWidths(table: ExportTable): { width: number }[] {
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  return table.columns.map((c, i) => ({
    width: Math.min(
      60,
      Math.max(8, width(c.header) + 2, ...table.rows.slice(0, 200).map((r) => width(String(r[i] ?? '')) + 2)),
    ),
  }))
}

/** The .xlsx file, with the writer loaded only when someone exports. */
export async function writeXlsx(table: ExportTable, sheetName: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  return writeXlsxFile(xlsxSheet(table), {
    columns: xlsxColumnWidths(table),
    sheet: safeSheetName(sheetName),
    stickyRowsCount: 1,
  }).toBlob()
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || '数据'
  )
}
