/**
 * What a workbook may be, stated once: the UI message and the docs quote these. A workbook
 * past any of them is refused with a message saying which, before it can take the tab down.
 */
export const XLSX_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Everything read out of it, inflated (sheet XML, shared strings, styles). */
  inflatedBytes: 256 * 1024 * 1024,
  /** How far one part may inflate beyond its compressed size (a zip bomb inflates thousands of times). */
  ratio: 200,
  /** Data rows of one sheet. */
  rows: 500_000,
  /** Non-empty cells of the whole workbook. */
  cells: 6_000_000,
  /** Characters of one cell (Excel's own limit). */
  cellChars: 32_767,
} as const

/** The limits as the upload page states them. */
export function limitsText(): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
  return (
    `工作簿不超过 ${mb(XLSX_LIMITS.fileBytes)}，解压后不超过 ${mb(XLSX_LIMITS.inflatedBytes)}；` +
    `每个工作表不超过 ${XLSX_LIMITS.rows.toLocaleString('zh-CN')} 行，全部单元格不超过 ` +
    `${XLSX_LIMITS.cells.toLocaleString('zh-CN')} 个，单元格内容不超过 ${XLSX_LIMITS.cellChars.toLocaleString('zh-CN')} 字`
  )
}
