import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NodeEngine } from '../src/db/node'
import { type BriefingDocument, chartsOf } from '../src/export/document'
import { buildDocx } from '../src/export/docx'
import { nativeChartOf } from '../src/export/native-chart'
import { buildPdf, type PdfFonts } from '../src/export/pdf'
import { buildPptx } from '../src/export/pptx'
import { woffToSfnt } from '../src/export/woff'
import { type ClusterYtdRow, clusterYtdSql } from '../src/queries/clusters'
import { nodeBriefing } from './support/briefing'
import { loadEmbeddedData } from './support/embedded'
import { query, startEngineWithSchema } from './support/engine'
import { badLineBreaks, inkIn, pdfFonts, pdfJs, pdfPages, pdfText, popplerGray } from './support/pdf-check'

/**
 * The three writers on a briefing built from the embedded data with the app's own SQL and
 * chart builders, and each file opened the way its reader would: the PDF by poppler and by
 * pdf.js, the PPTX and DOCX unzipped (and, where LibreOffice is installed, laid out by it).
 * The files stay in BRIEFING_ARTIFACTS (node_modules/.cache/briefing by default) to look at.
 */
const ARTIFACTS = process.env.BRIEFING_ARTIFACTS ?? path.join(process.cwd(), 'node_modules/.cache/briefing')
const WOFF = 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-'
const hasSoffice = spawnSync('soffice', ['--version']).status === 0

let engine: NodeEngine
let doc: BriefingDocument
let js: Awaited<ReturnType<typeof pdfJs>>
let ytd: ClusterYtdRow[]
const files: Record<'pdf' | 'pptx' | 'docx', string> = { pdf: '', pptx: '', docx: '' }

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  engine = await startEngineWithSchema()
  await loadEmbeddedData(engine)
  ytd = await query<ClusterYtdRow>(engine, clusterYtdSql({}))
  doc = await nodeBriefing(engine, { svg: true, png: true })
  const fonts: PdfFonts = {
    regular: await woffToSfnt(new Uint8Array(readFileSync(`${WOFF}400-normal.woff`))),
    bold: await woffToSfnt(new Uint8Array(readFileSync(`${WOFF}700-normal.woff`))),
  }
  const write = async (name: keyof typeof files, blob: Blob) => {
    files[name] = path.join(ARTIFACTS, `briefing.${name}`)
    writeFileSync(files[name], new Uint8Array(await blob.arrayBuffer()))
  }
  await write('pdf', await buildPdf(doc, fonts))
  await write('pptx', await buildPptx(doc))
  await write('docx', await buildDocx(doc))
  js = await pdfJs(new Uint8Array(readFileSync(files.pdf)))
}, 240_000)
afterAll(async () => {
  await js?.destroy()
  await engine?.terminate()
})

/** The figures the sentences write ("117.33", "5.4%"): each must come out of a layout on one line. */
const figuresIn = (d: BriefingDocument) => [
  ...new Set([d.headline, ...chartsOf(d).map((c) => c.sentence)].join('').match(/\d+\.\d+%?/g) ?? []),
]
const unzip = (file: string) => unzipSync(new Uint8Array(readFileSync(file)))
const numbers = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!)

describe('the PDF', () => {
  it('embeds only subset fonts (ABCDEF+ names) and stays small', () => {
    const fonts = pdfFonts(files.pdf)
    expect(fonts.length).toBeGreaterThanOrEqual(1)
    for (const f of fonts) {
      expect(f.name, f.name).toMatch(/^[A-Z]{6}\+NotoSansSC-/)
      expect(f.embedded && f.subset, f.name).toBe(true)
    }
    // Nine charts, the cover and the figures: a whole CJK font would be 1.5 MB on its own.
    expect(readFileSync(files.pdf).length).toBeLessThan(400_000)
  })

  it('has the headline, the part headings and the charts’ axis labels as text', async () => {
    const text = pdfText(files.pdf)
    const flat = text.replace(/\n/g, '')
    expect(flat).toContain(doc.headline)
    for (const h of ['一、总体情况', '二、分领域情况', '三、需要关注的问题', '（一）产业集群运行情况'])
      expect(text).toContain(h)
    // The chart's own labels are text in the chart's (smaller) size: the vectors carry them.
    {
      const caption = chartsOf(doc).find((c) => c.id === 'cluster-ytd')!.caption
      let page = 0
      for (let n = 1; n <= js.pages && !page; n++) if ((await js.text(n)).some((i) => i.str.includes(caption))) page = n
      expect(page).toBeGreaterThan(0)
      const items = await js.text(page)
      const small = items.filter((i) => i.size < 10).map((i) => i.str.trim())
      for (const r of ytd) expect(small, r.name).toContain(r.name)
      expect(small).toContain('亿元')
      expect(small).toContain('同比增速')
      // Value labels by the unit rule (亿元, two decimals), the same figures as the SQL.
      const top = ytd.reduce((a, b) => ((a.ytd_output ?? 0) > (b.ytd_output ?? 0) ? a : b))
      expect(small).toContain((top.ytd_output! / 10_000).toFixed(2))
    }
  })

  it('draws every glyph: no text box is blank, in poppler or in pdf.js', async () => {
    const dpi = 100
    const scale = dpi / 72
    let checked = 0
    {
      for (let n = 1; n <= pdfPages(files.pdf); n++) {
        const poppler = popplerGray(files.pdf, n, dpi)
        const pdfjsRaster = await js.gray(n, scale)
        if (n === 1) writeFileSync(path.join(ARTIFACTS, 'briefing-pdfjs-1.png'), pdfjsRaster.png())
        for (const item of await js.text(n)) {
          if (!item.str.trim() || item.width < 2) continue
          checked++
          expect(inkIn(poppler, item, scale), `poppler p${n} “${item.str}”`).toBeGreaterThan(2)
          expect(inkIn(pdfjsRaster, item, scale), `pdf.js p${n} “${item.str}”`).toBeGreaterThan(2)
        }
      }
    }
    expect(checked).toBeGreaterThan(150)
  })

  it('breaks no line before closing punctuation or after an opening mark, and splits no number', () => {
    const text = pdfText(files.pdf)
    expect(badLineBreaks(text)).toEqual([])
    for (const n of figuresIn(doc)) expect(text, n).toContain(n)
  })
})

describe('the PPTX', () => {
  it('has a native chart for every bar, line and pie chart, with the SQL’s figures and the same colours', () => {
    const zip = unzip(files.pptx)
    const charts = Object.keys(zip).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
    const native = chartsOf(doc).filter((c) => nativeChartOf(c.option, c.subtitle))
    expect(native.length).toBe(7)
    expect(charts.length).toBe(native.length)
    const xml = charts.map((f) => strFromU8(zip[f]!))
    const combo = xml.find((x) => x.includes('累计产值（亿元）'))!
    // Bars and the 同比 line in one chart, the line on its own (secondary) axis.
    expect(combo).toContain('<c:barChart>')
    expect(combo).toContain('<c:lineChart>')
    expect((combo.match(/<c:valAx>/g) ?? []).length).toBe(2)
    const values = numbers(combo).map(Number)
    for (const r of ytd) {
      expect(combo).toContain(`<c:v>${r.name}</c:v>`)
      expect(values).toContain(r.ytd_output! / 10_000)
    }
    // Each bar in its cluster's colour, as on screen.
    for (const c of ['C0392B', 'D9822B', '2E86C1']) expect(combo).toContain(`<a:srgbClr val="${c}"/>`)
    expect(xml.some((x) => x.includes('<c:doughnutChart>'))).toBe(true)
    // The map and the heat map have no Office chart: pictures.
    expect(Object.keys(zip).filter((f) => /^ppt\/media\/.+\.png$/.test(f)).length).toBe(2)
  })

  it('puts the headline on the cover and the key figures in a table, all as text', () => {
    const zip = unzip(files.pptx)
    const slide = (n: number) => strFromU8(zip[`ppt/slides/slide${n}.xml`]!)
    expect(slide(1)).toContain(doc.headline)
    expect(slide(1)).toContain('2026年10月')
    expect(slide(2)).toContain('一、总体情况')
    expect(slide(2)).toContain('<a:tbl>')
    for (const f of doc.overview.figures) expect(slide(2)).toContain(`${f.value}${f.unit}`)
    const presentation = strFromU8(zip['ppt/presentation.xml']!)
    // 16:9: 13.333 × 7.5 inches.
    expect(presentation).toContain('cx="12192000" cy="6858000"')
  })
})

describe('the DOCX', () => {
  it('has the headings in the 汇报材料 order, the figures, the table and a picture per chart', () => {
    const zip = unzip(files.docx)
    const xml = strFromU8(zip['word/document.xml']!)
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    const order = ['一、总体情况', '（一）产业集群运行情况', '（二）重点项目推进情况', '三、需要关注的问题'].map((h) =>
      text.indexOf(h),
    )
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:tbl>')
    for (const f of doc.overview.figures) expect(text).toContain(`${f.value}${f.unit}`)
    for (const c of chartsOf(doc)) expect(text).toContain(c.caption)
    expect(text).toContain(doc.headline)
    expect(Object.keys(zip).filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBe(chartsOf(doc).length)
  })
})

describe.skipIf(!hasSoffice)('as LibreOffice lays them out', () => {
  it('breaks no line of the PPTX or the DOCX before closing punctuation, and splits no number', () => {
    for (const file of [files.pptx, files.docx]) {
      const out = path.join(ARTIFACTS, `lo-${path.extname(file).slice(1)}`)
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 180_000 })
      const pdf = path.join(out, 'briefing.pdf')
      expect(pdfPages(pdf)).toBeGreaterThan(3)
      const text = pdfText(pdf)
      expect(badLineBreaks(text), file).toEqual([])
      for (const n of figuresIn(doc)) expect(text, `${file}: ${n}`).toContain(n)
    }
  }, 240_000)
})
