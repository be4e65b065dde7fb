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
  let bytes = new Uint8Array(buffer)
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
