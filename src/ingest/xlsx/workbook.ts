import { err, ok, type Result } from '../../lib/result'
import { automaticTarget } from '../mapping'
import { headersInWanYuan } from '../units'
import { layoutSheet, type SheetLayout } from './layout'
import { XLSX_LIMITS } from './limits'
import {
  readCellFormats,
  readSharedStrings,
  readSheetGrid,
  readWorkbookInfo,
  type SheetGrid,
  SheetTooLarge,
} from './ooxml'
import { checkDeclaredSizes, inflateEntries, listEntries, textOf } from './zip'

/** One sheet as the upload card lists it. */
export interface SheetSummary {
  readonly name: string
  readonly hidden: boolean
  /** A 填写说明 / notes sheet: skipped unless picked. */
  readonly notes: boolean
  /** Data rows under its header. */
  readonly rows: number
  /** The dataset its header maps onto, if any. */
  readonly dataset: string | null
}

export interface WorkbookRead {
  readonly sheets: readonly SheetSummary[]
  /** Index of the sheet read (-1: no sheet has a table). */
  readonly chosen: number
  readonly grid: SheetGrid | null
  readonly layout: SheetLayout | null
  /** Dates count from 1904 (old Mac workbooks), not 1900. */
  readonly date1904: boolean
}

const NOTES_SHEET = /填写说明|填表说明|说明|注释|备注|目录|封面|readme|instructions?/i

const hex = (bytes: Uint8Array, n: number) =>
  [...bytes.subarray(0, n)].map((b) => b.toString(16).padStart(2, '0')).join('')

/** Whether UTF-16LE text (as in a compound file's directory) occurs in the bytes. */
function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2)
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i)
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer
    return true
  }
  return false
}

const SAVE_AS_XLSX =
  '请在 Excel 或 WPS 表格中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再上传新保存的文件'

/**
 * What a file that is not a readable .xlsx is, in the user's words: an old .xls (BIFF) or a
 * WPS .et, an encrypted workbook (both are compound files: the directory's stream names tell
 * them apart), a web page saved as .xls, a zip of workbooks, something else. Null: read it.
 */
export function refusal(bytes: Uint8Array, fileName: string): string | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (bytes.length === 0) return '文件为空（0 字节）'
  if (bytes.length > XLSX_LIMITS.fileBytes)
    return `工作簿有 ${(bytes.length / 1048576).toFixed(0)} MB，超过 ${XLSX_LIMITS.fileBytes / 1048576} MB 的上限；请拆分后再上传`
  if (hex(bytes, 8) === 'd0cf11e0a1b11ae1') {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo'))
      return `“${fileName}”是设置了打开密码的加密工作簿，无法读取。请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存为 .xlsx 后再上传`
    if (ext === 'et' || ext === 'ett')
      return `“${fileName}”是 WPS 表格格式（.et），无法直接读取。请在 WPS 表格中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再上传新保存的文件`
    if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book'))
      return `“${fileName}”是旧版 Excel 97-2003 工作簿（.xls），无法直接读取。${SAVE_AS_XLSX}`
    return `“${fileName}”是旧版 Office 复合文档（可能是 .xls 工作簿，也可能是加密的工作簿），无法读取。${SAVE_AS_XLSX}（若有打开密码，请先取消密码）`
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return null
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (head.startsWith('<') && /<(html|table|!doctype|\?xml)/.test(head))
    return `“${fileName}”其实是网页（HTML/XML）格式，只是扩展名为 .${ext || 'xls'}。${SAVE_AS_XLSX}`
  return `“${fileName}”不是有效的 Excel 工作簿（.xlsx），文件可能已损坏、不完整，或只是改了扩展名。${SAVE_AS_XLSX}`
}

/**
 * Reads a workbook: every sheet listed with its row count and the dataset it maps onto, and
 * one sheet's cells and layout (the one asked for, or the one that maps onto a dataset; hidden
 * and notes sheets are skipped unless asked for).
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  choice: { sheet?: string | undefined } = {},
): Promise<Result<WorkbookRead, string>> {
  const refused = refusal(bytes, fileName)
  if (refused) return err(refused)
  const listed = listEntries(bytes)
  if (!listed.ok) return listed
  const names = new Set(listed.value.map((e) => e.name))
  if (!names.has('xl/workbook.xml')) {
    if ([...names].some((n) => /\.xlsx$/i.test(n)))
      return err(`“${fileName}”是装有工作簿的 zip 压缩包；请先解压，再把其中的 .xlsx 文件一起拖进来`)
    if (names.has('word/document.xml')) return err(`“${fileName}”是 Word 文档，不是 Excel 工作簿`)
    return err(`“${fileName}”是 zip 文件，但不是 Excel 工作簿（缺少 xl/workbook.xml）`)
  }
  const small = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml']
  const wantedSmall = new Set(small.filter((n) => names.has(n)))
  // Sheets are found through the workbook, but every worksheet part is sized up front.
  const sheetParts = new Set([...names].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
  const declared = checkDeclaredSizes(listed.value, new Set([...wantedSmall, ...sheetParts]))
  if (declared) return err(declared)
  const inflated = await inflateEntries(bytes, listed.value, new Set([...wantedSmall, ...sheetParts]))
  if (!inflated.ok) return inflated
  const parts = inflated.value
  try {
    const info = readWorkbookInfo(textOf(parts.get('xl/workbook.xml')), textOf(parts.get('xl/_rels/workbook.xml.rels')))
    const context = {
      sharedStrings: readSharedStrings(textOf(parts.get('xl/sharedStrings.xml'))),
      formats: readCellFormats(textOf(parts.get('xl/styles.xml'))),
      date1904: info.date1904,
    }
    parts.delete('xl/sharedStrings.xml')
    let budget: number = XLSX_LIMITS.cells
    const read = info.sheets.map((sheet) => {
      const grid = readSheetGrid(parts.get(sheet.path) ?? [], context, sheet.name, budget)
      budget -= grid.cells
      // Each sheet's XML goes once it is read: memory holds the cells, not the text as well.
      parts.delete(sheet.path)
      const layout = layoutSheet(grid, sheet.name)
      const notes = NOTES_SHEET.test(sheet.name)
      if (layout.dataRows.length > XLSX_LIMITS.rows)
        throw new SheetTooLarge(
          `工作表「${sheet.name}」有 ${layout.dataRows.length.toLocaleString('zh-CN')} 行数据，超过 ${XLSX_LIMITS.rows.toLocaleString('zh-CN')} 行的上限；请拆分成几个工作簿再上传`,
        )
      // A month only in the title or the sheet name will be every row's month: it counts as a column here.
      const matching = [...headersInWanYuan(layout.headers, layout.unit).headers, ...(layout.month ? ['月份'] : [])]
      const target = notes ? undefined : automaticTarget(matching, sheet.name)
      const summary: SheetSummary = {
        name: sheet.name,
        hidden: sheet.hidden,
        notes,
        rows: layout.dataRows.length,
        dataset: target?.table.name ?? null,
      }
      return { summary, grid, layout }
    })
    const sheets = read.map((r) => r.summary)
    let chosen = choice.sheet !== undefined ? sheets.findIndex((s) => s.name === choice.sheet) : -1
    if (choice.sheet !== undefined && chosen < 0) return err(`工作簿中没有名为「${choice.sheet}」的工作表`)
    if (chosen < 0) chosen = sheets.findIndex((s) => !s.hidden && !s.notes && s.dataset !== null)
    if (chosen < 0) chosen = sheets.findIndex((s) => !s.hidden && !s.notes && s.rows > 0)
    if (chosen < 0) chosen = sheets.findIndex((s) => !s.hidden && s.rows > 0)
    const picked = read[chosen]
    return ok({ sheets, chosen, grid: picked?.grid ?? null, layout: picked?.layout ?? null, date1904: info.date1904 })
  } catch (e) {
    if (e instanceof SheetTooLarge) return err(e.message)
    return err(`“${fileName}”的内容已损坏，无法读取（${e instanceof Error ? e.message : String(e)}）`)
  }
}
