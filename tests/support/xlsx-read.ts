import { strFromU8, unzipSync } from 'fflate'

export interface XlsxCell {
  readonly ref: string
  /** 'n' number, 's' shared string, 'inlineStr', 'str' (formula result), 'b', or '' */
  readonly type: string
  readonly value: string | number | null
  readonly formula: boolean
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Reads the first sheet of an .xlsx into rows of cells, as Excel would see them (type and value). */
export function readXlsx(bytes: Uint8Array): XlsxCell[][] {
  const files = unzipSync(bytes)
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
      )
    : []
  const sheetName = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!
  const xml = strFromU8(files[sheetName]!)
  const rows: XlsxCell[][] = []
  for (const row of xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: XlsxCell[] = []
    for (const c of row[1]!.matchAll(/<c ([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!
      const body = c[3] ?? ''
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? ''
      const type = /t="([^"]+)"/.exec(attrs)?.[1] ?? ''
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1]
      const value =
        type === 's'
          ? shared[Number(v)]!
          : type === 'inlineStr'
            ? unescape(inline ?? '')
            : v === undefined
              ? null
              : type === '' || type === 'n'
                ? Number(v)
                : unescape(v)
      cells.push({ ref, type, value, formula: /<f>/.test(body) })
    }
    rows.push(cells)
  }
  return rows
}
