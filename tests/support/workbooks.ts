import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import writeExcelFile from 'write-excel-file/node'

/** A cell as write-excel-file takes it (value, type, format, spans …). */
export type FixtureCell = Record<string, unknown> | string | number | boolean | Date | null
export interface FixtureSheet {
  readonly name: string
  readonly rows: readonly (readonly FixtureCell[])[]
  readonly hidden?: boolean
}

/**
 * An .xlsx written by a library (write-excel-file, as the app's templates are), every sheet
 * as given; hidden sheets are marked in workbook.xml afterwards (the writer has no option).
 */
export async function buildWorkbook(sheets: readonly FixtureSheet[]): Promise<Uint8Array> {
  const buffer = await writeExcelFile(sheets.map((s) => ({ data: s.rows as never, sheet: s.name })) as never).toBuffer()
  let bytes: Uint8Array = new Uint8Array(buffer)
  const hidden = sheets.filter((s) => s.hidden).map((s) => s.name)
  if (hidden.length)
    bytes = patchParts(bytes, (name, xml) =>
      name === 'xl/workbook.xml'
        ? hidden.reduce(
            (x, h) => x.replace(new RegExp(`<sheet ([^>]*name="${escapeXml(h)}")`), '<sheet state="hidden" $1'),
            xml,
          )
        : xml,
    )
  return bytes
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Rewrites the XML parts of a workbook (to add what a writer leaves out: a cached formula value …). */
export function patchParts(bytes: Uint8Array, patch: (name: string, xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  const out: Record<string, Uint8Array> = {}
  for (const [name, data] of Object.entries(files))
    out[name] = name.endsWith('.xml') || name.endsWith('.rels') ? strToU8(patch(name, strFromU8(data))) : data
  return zipSync(out)
}

/** The XML of a part (to look at what the writer wrote). */
export function partText(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]!)
}

/** A monthly report as the office receives it: title, unit line, two-row merged header, 合计, notes. */
export function monthlyReportRows(): FixtureCell[][] {
  const title = { value: '太仓市人大代表经济运行观察点主要指标月报表（2026年11月）', columnSpan: 6 }
  return [
    [title, null, null, null, null, null],
    [{ value: '单位：亿元', columnSpan: 6 }, null, null, null, null, null],
    [
      { value: '企业名称', rowSpan: 2 },
      { value: '产业集群', rowSpan: 2 },
      { value: '产值', columnSpan: 2 },
      null,
      { value: '纳税额', rowSpan: 2 },
      { value: '产能利用率', rowSpan: 2 },
    ],
    [null, null, '本月', '1—11月累计', null, null],
    [
      '信川汽车部件（太仓）有限公司',
      { value: '高端装备', rowSpan: 2 },
      1.2345,
      12.5,
      0.0688,
      { value: 0.853, format: '0.0%' },
    ],
    ['天德精密机械有限公司', null, '0.8219', '8.9', 0.0416, { value: 0.918, format: '0.0%' }],
    ['合计', null, { value: 'C5+C6', type: 'Formula' }, 21.4, 0.1104, null],
    ['注：本表由观察点企业填报，数据为快报数。'],
    ['填报人：张三', null, '审核人：李四', null, '填报日期：2026年12月5日'],
  ]
}
