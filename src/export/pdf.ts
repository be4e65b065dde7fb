import type { Color, PDFDocument, PDFFont, PDFPage } from '@cantoo/pdf-lib'

import { shortHash } from '../lib/hash'
import { type BriefingDocument, type KeyFigure, type PlacedChart, SAMPLE_NOTE } from './document'
import { breakLines } from './linebreak'
import { fitBox, type WriteOptions } from './pack'
import { PDF_FONT_FAMILY, svgForPdf } from './svg-pdf'

/** The CJK font the PDF is set in (plain OpenType bytes); bold for headings when given. */
export interface PdfFonts {
  readonly regular: Uint8Array
  readonly bold?: Uint8Array
}

// A4 landscape, in points.
const W = 841.89
const H = 595.28
const M = 48
const TOP = H - 44
const BOTTOM = 58
const CONTENT = W - 2 * M

interface Ink {
  readonly ink: Color
  readonly muted: Color
  readonly accent: Color
  readonly amber: Color
  readonly rule: Color
  readonly band: Color
}

/** A tag of six capitals, as a subset font's name starts (ABCDEF+Name): stable for the same text. */
function subsetTag(seed: string): string {
  let n = parseInt(shortHash(seed), 36)
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (n % 26))
    n = Math.floor(n / 26) + i * 7
  }
  return tag
}

/**
 * The briefing as PDF (A4 landscape), with @cantoo/pdf-lib: text set in the CJK font subset
 * to the glyphs the document uses, and each chart drawn as vectors from ECharts' SVG, so its
 * labels are text that can be selected and searched. Every line is broken by the rules of
 * Chinese typesetting (no line starts with ，。、；： or ends with （「; no number split).
 */
export async function buildPdf(doc: BriefingDocument, fonts: PdfFonts, options: WriteOptions = {}): Promise<Blob> {
  const { PDFDocument: Pdf, rgb } = await import('@cantoo/pdf-lib')
  const { default: fontkit } = await import('@cantoo/fontkit')
  const pdf: PDFDocument = await Pdf.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(doc.title, { showInWindowTitleBar: true })
  pdf.setAuthor(doc.organisation)
  pdf.setSubject(doc.headline)
  pdf.setLanguage('zh-CN')
  pdf.setCreator('观察点数据看板')
  const regular = await pdf.embedFont(fonts.regular, {
    subset: true,
    customName: `${subsetTag(doc.title + doc.date)}+NotoSansSC-Regular`,
  })
  const bold = fonts.bold
    ? await pdf.embedFont(fonts.bold, {
        subset: true,
        customName: `${subsetTag(doc.title + doc.date + 'bold')}+NotoSansSC-Bold`,
      })
    : regular
  const c: Ink = {
    ink: rgb(0.114, 0.129, 0.161),
    muted: rgb(0.306, 0.349, 0.412),
    accent: rgb(0.753, 0.224, 0.169),
    amber: rgb(0.604, 0.294, 0),
    rule: rgb(0.89, 0.902, 0.922),
    band: rgb(0.969, 0.973, 0.98),
  }
  const layout = new Layout(pdf, regular, bold, c)

  // Cover.
  options.signal?.throwIfAborted()
  const cover = pdf.addPage([W, H])
  cover.drawRectangle({ x: 0, y: 0, width: 8, height: H, color: c.accent })
  let y = H - 120
  y = layout.text(cover, doc.organisation, M + 24, y, { size: 15, color: c.muted })
  y = layout.text(cover, doc.title, M + 24, y - 10, { size: 32, font: bold })
  if (doc.month) y = layout.text(cover, doc.month, M + 24, y - 4, { size: 18, font: bold, color: c.accent })
  const headline = layout.lines(doc.headline, 18, CONTENT - 72, regular)
  const bandH = headline.length * 18 * 1.6 + 36
  y -= 18
  cover.drawRectangle({ x: M + 24, y: y - bandH, width: CONTENT - 24, height: bandH, color: c.band })
  cover.drawRectangle({ x: M + 24, y: y - bandH, width: 4, height: bandH, color: c.accent })
  layout.text(cover, doc.headline, M + 48, y - 18, { size: 18, width: CONTENT - 72, lineHeight: 1.6 })
  y -= bandH + 24
  y = layout.text(cover, `筛选条件：${doc.filters.length ? doc.filters.join('；') : '无（全部数据）'}`, M + 24, y, {
    size: 12,
    color: c.muted,
    width: CONTENT - 24,
  })
  y = layout.text(cover, `生成日期：${doc.date}`, M + 24, y - 2, { size: 12, color: c.muted })
  if (doc.sample) layout.text(cover, SAMPLE_NOTE, M + 24, y - 2, { size: 12, color: c.amber })

  // 一、总体情况.
  options.signal?.throwIfAborted()
  layout.newPage()
  layout.heading(doc.overview.heading, 1)
  if (doc.overview.figures.length > 0) layout.table(doc.overview.figures)
  else layout.paragraph('暂无可用的指标数据。')
  for (const p of doc.overview.paragraphs) layout.paragraph(p)
  for (const chart of doc.overview.charts) {
    options.signal?.throwIfAborted()
    await layout.chart(chart)
  }

  // 二、分领域情况.
  if (doc.fields.sections.length > 0) {
    layout.newPage()
    layout.heading(doc.fields.heading, 1)
    for (const section of doc.fields.sections) {
      layout.heading(section.heading, 2)
      for (const p of section.paragraphs) layout.paragraph(p)
      for (const chart of section.charts) {
        options.signal?.throwIfAborted()
        await layout.chart(chart)
      }
    }
  }

  // 三、需要关注的问题, and the source line.
  options.signal?.throwIfAborted()
  layout.space(12)
  layout.heading(doc.attention.heading, 1)
  if (doc.attention.items.length === 0) layout.paragraph('本期没有需要特别关注的事项。')
  doc.attention.items.forEach((item, i) => layout.item(`${i + 1}.`, item))
  layout.space(16)
  layout.rule()
  layout.paragraph(doc.sourceLine, { size: 10.5, color: doc.sample ? c.amber : c.muted, indent: false })

  // Footers: the title and month, and the page's number.
  const pages = pdf.getPages()
  pages.forEach((page, i) => {
    if (i === 0) return
    page.drawText(`${doc.title}${doc.month ? ` · ${doc.month}` : ''}`, {
      x: M,
      y: 30,
      size: 9,
      font: regular,
      color: c.muted,
    })
    const label = `第${i + 1}页，共${pages.length}页`
    page.drawText(label, {
      x: W - M - regular.widthOfTextAtSize(label, 9),
      y: 30,
      size: 9,
      font: regular,
      color: c.muted,
    })
  })

  const out = await pdf.save()
  return new Blob([out as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}

interface TextOptions {
  readonly size: number
  readonly font?: PDFFont
  readonly color?: Color
  readonly width?: number
  readonly lineHeight?: number
}

/** A flow of blocks down the pages: a block that does not fit starts a new page; a heading keeps with what follows. */
class Layout {
  page: PDFPage | null = null
  y = TOP
  private readonly advances = new Map<PDFFont, Map<string, number>>()

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly c: Ink,
  ) {}

  /** Width of text at size 1, summed from cached advances (laying text out is not free). */
  private measure(font: PDFFont, text: string): number {
    let cache = this.advances.get(font)
    if (!cache) this.advances.set(font, (cache = new Map()))
    let w = 0
    for (const ch of text) {
      let a = cache.get(ch)
      if (a === undefined) cache.set(ch, (a = font.widthOfTextAtSize(ch, 1)))
      w += a
    }
    return w
  }

  lines(text: string, size: number, width: number, font: PDFFont): string[] {
    return breakLines(text, width, (s) => this.measure(font, s) * size)
  }

  /** Draws wrapped text with its top line's baseline at `y`; returns the y below it. */
  text(page: PDFPage, text: string, x: number, y: number, o: TextOptions): number {
    const font = o.font ?? this.regular
    const lh = o.size * (o.lineHeight ?? 1.5)
    let at = y - o.size
    for (const line of this.lines(text, o.size, o.width ?? W - x - M, font)) {
      page.drawText(line, { x, y: at, size: o.size, font, color: o.color ?? this.c.ink })
      at -= lh
    }
    return at + lh - o.size * 0.5
  }

  newPage(): void {
    this.page = this.pdf.addPage([W, H])
    this.y = TOP
  }

  /** Headings wait here until what follows them is placed: a heading never ends a page. */
  private pending: { text: string; level: 1 | 2 }[] = []

  private headingSize = (level: 1 | 2) => (level === 1 ? 18 : 15)
  private headingHeight = (level: 1 | 2) => this.headingSize(level) * 1.5 + 8 + (level === 1 ? 10 : 6)

  /** A page with `height` free below the headings waiting to be drawn, which are drawn first. */
  private ensure(height: number): PDFPage {
    const headings = this.pending.reduce((h, p) => h + this.headingHeight(p.level), 0)
    if (!this.page || this.y - headings - height < BOTTOM) this.newPage()
    const page = this.page!
    for (const p of this.pending.splice(0)) {
      if (this.y < TOP) this.y -= p.level === 1 ? 10 : 6
      const size = this.headingSize(p.level)
      this.y = this.text(page, p.text, M, this.y, {
        size,
        font: this.bold,
        color: p.level === 1 ? this.c.accent : this.c.ink,
      })
      this.y -= 8
    }
    return page
  }

  space(h: number): void {
    this.y -= h
  }

  heading(text: string, level: 1 | 2): void {
    this.pending.push({ text, level })
  }

  paragraph(text: string, o: { size?: number; color?: Color; indent?: boolean } = {}): void {
    const size = o.size ?? 13
    // A paragraph starts two characters in, as Chinese paragraphs do.
    const body = o.indent === false ? text : `\u3000\u3000${text}`
    const lines = this.lines(body, size, CONTENT, this.regular)
    const lh = size * 1.7
    // At least two lines together (with a heading above them, if one waits).
    this.ensure(Math.min(lines.length, 2) * lh)
    for (const line of lines) {
      const page = this.ensure(lh)
      page.drawText(line, { x: M, y: this.y - size, size, font: this.regular, color: o.color ?? this.c.ink })
      this.y -= lh
    }
    this.y -= 6
  }

  /** A numbered item with its text hanging under the first line. */
  item(label: string, text: string): void {
    const size = 13
    const lh = size * 1.7
    const indent = 24
    const lines = this.lines(text, size, CONTENT - indent, this.regular)
    lines.forEach((line, i) => {
      const page = this.ensure(lh)
      if (i === 0) page.drawText(label, { x: M, y: this.y - size, size, font: this.regular, color: this.c.ink })
      page.drawText(line, { x: M + indent, y: this.y - size, size, font: this.regular, color: this.c.ink })
      this.y -= lh
    })
    this.y -= 4
  }

  rule(): void {
    const page = this.ensure(8)
    page.drawLine({ start: { x: M, y: this.y }, end: { x: W - M, y: this.y }, thickness: 0.75, color: this.c.rule })
    this.y -= 10
  }

  /** The key figures as a table: 指标 | 数值 | 比较 | 说明, rows as tall as their wrapped text. */
  table(figures: readonly KeyFigure[]): void {
    const cols = [160, 150, 230, CONTENT - 540]
    const size = 12
    const lh = size * 1.5
    const pad = 7
    const rows = [
      ['指标', '数值', '比较', '说明'],
      ...figures.map((f) => [f.title, `${f.value}${f.unit}`, f.yardsticks.join('；') || '—', f.note || '—']),
    ]
    rows.forEach((cells, r) => {
      const fonts = cells.map((_, i) => (r === 0 || i === 1 ? this.bold : this.regular))
      const wrapped = cells.map((t, i) => this.lines(t, size, cols[i]! - 2 * pad, fonts[i]!))
      const height = Math.max(...wrapped.map((l) => l.length)) * lh + 2 * pad - (lh - size)
      const page = this.ensure(height)
      let x = M
      if (r === 0) page.drawRectangle({ x: M, y: this.y - height, width: CONTENT, height, color: this.c.band })
      wrapped.forEach((lines, i) => {
        lines.forEach((line, k) =>
          page.drawText(line, {
            x: x + pad,
            y: this.y - pad - size - k * lh + 2,
            size,
            font: fonts[i]!,
            color: i === 3 && r > 0 ? this.c.muted : this.c.ink,
          }),
        )
        x += cols[i]!
      })
      page.drawLine({
        start: { x: M, y: this.y - height },
        end: { x: W - M, y: this.y - height },
        thickness: 0.75,
        color: this.c.rule,
      })
      if (r === 0)
        page.drawLine({ start: { x: M, y: this.y }, end: { x: W - M, y: this.y }, thickness: 0.75, color: this.c.rule })
      this.y -= height
    })
    this.y -= 14
  }

  /** The chart's sentence, the chart itself (vectors), its numbered caption and its source, kept on one page. */
  async chart(chart: PlacedChart): Promise<void> {
    const size = 13
    const lh = size * 1.7
    const sentence = this.lines(`\u3000\u3000${chart.sentence}`, size, CONTENT, this.regular)
    const headings = this.pending.reduce((h, p) => h + this.headingHeight(p.level), 0)
    const maxChart = TOP - BOTTOM - headings - sentence.length * lh - 18 * 2 - 13 * 2 - 4
    const box = fitBox(chart.width, chart.height, CONTENT, Math.min(maxChart, (CONTENT * chart.height) / chart.width))
    const need = sentence.length * lh + box.height + 18 * 2 + 13 * 2
    const page = this.ensure(need)
    for (const line of sentence) {
      page.drawText(line, { x: M, y: this.y - size, size, font: this.regular, color: this.c.ink })
      this.y -= lh
    }
    const x = M + (CONTENT - box.width) / 2
    if (chart.svg) {
      page.drawSvg(svgForPdf(chart.svg), {
        x,
        y: this.y,
        width: box.width,
        height: box.height,
        fonts: { [PDF_FONT_FAMILY]: this.regular, [`${PDF_FONT_FAMILY}_bold`]: this.bold },
      })
    } else if (chart.png) {
      const image = await this.pdf.embedPng(chart.png.png)
      page.drawImage(image, { x, y: this.y - box.height, width: box.width, height: box.height })
    }
    this.y -= box.height + 6
    const caption = this.lines(chart.caption, 12, CONTENT, this.bold)
    for (const line of caption) {
      const w = this.measure(this.bold, line) * 12
      page.drawText(line, { x: M + (CONTENT - w) / 2, y: this.y - 12, size: 12, font: this.bold, color: this.c.ink })
      this.y -= 18
    }
    for (const line of this.lines(chart.source, 9, CONTENT, this.regular)) {
      const w = this.measure(this.regular, line) * 9
      page.drawText(line, {
        x: M + (CONTENT - w) / 2,
        y: this.y - 9,
        size: 9,
        font: this.regular,
        color: chart.source.includes('示例数据') ? this.c.amber : this.c.muted,
      })
      this.y -= 13
    }
    this.y -= 13
  }
}
