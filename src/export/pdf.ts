// The CJK glyphs ship with the app (Noto Sans SC, simplified-Chinese subset, OFL), fetched
// from its own origin only when a PDF is made.
import fontUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url'
import type { PDFFont, PDFPage } from 'pdf-lib'

import { type BriefingPack, fitBox, SAMPLE_NOTE } from './pack'
import { woffToSfnt } from './woff'

// A4 landscape, in points.
const W = 841.89
const H = 595.28
const M = 48

let fontBytes: Promise<Uint8Array> | null = null
function loadFont(): Promise<Uint8Array> {
  fontBytes ??= fetch(fontUrl).then(async (r) => {
    if (!r.ok) throw new Error(`字体文件加载失败（${r.status}）`)
    return woffToSfnt(new Uint8Array(await r.arrayBuffer()))
  })
  fontBytes.catch(() => (fontBytes = null))
  return fontBytes
}

/** The pack as PDF (A4 landscape), with pdf-lib and the font loaded only when someone asks. */
export async function buildPdf(pack: BriefingPack): Promise<Blob> {
  const [{ PDFDocument, rgb }, { default: fontkit }, bytes] = await Promise.all([
    import('pdf-lib'),
    import('@pdf-lib/fontkit'),
    loadFont(),
  ])
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  doc.setTitle(pack.title, { showInWindowTitleBar: true })
  doc.setAuthor(pack.organisation)
  doc.setLanguage('zh-CN')
  doc.setCreator('观察点数据看板')
  // Embedded whole: fontkit's subsetter drops the outlines of many CJK glyphs of this font
  // (they print blank, though the text layer is right). The font is already the
  // simplified-Chinese subset; deflated in the PDF it adds about 1.6 MB.
  const font = await doc.embedFont(bytes, { subset: false })
  const ink = rgb(0.114, 0.129, 0.161)
  const muted = rgb(0.306, 0.349, 0.412)
  const amber = rgb(0.6, 0.29, 0)

  const write = (
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    size: number,
    color = ink,
    maxWidth = W - 2 * M,
    f: PDFFont = font,
  ): number => {
    // Wrap by measured width: Chinese breaks between any two characters.
    const lines = text.split('\n').flatMap((part) => wrapMeasured(part, size, maxWidth, f))
    for (const line of lines) {
      page.drawText(line, { x, y, size, font: f, color })
      y -= size * 1.5
    }
    return y
  }

  const cover = doc.addPage([W, H])
  cover.drawRectangle({ x: 0, y: 0, width: 8, height: H, color: rgb(0.753, 0.224, 0.169) })
  write(cover, pack.organisation, M + 20, H - 190, 16, muted)
  write(cover, pack.title, M + 20, H - 240, 34)
  let y = write(cover, `生成日期：${pack.date}`, M + 20, H - 300, 14, muted)
  y = write(cover, pack.asOf ?? '暂无月度数据', M + 20, y, 14, muted)
  if (pack.sample) write(cover, SAMPLE_NOTE, M + 20, y, 14, amber)

  for (const s of pack.slides) {
    const page = doc.addPage([W, H])
    let y = write(page, s.title, M, H - M - 20, 22)
    if (s.subtitle) y = write(page, s.subtitle, M, y + 4, 12, muted)
    y = write(page, s.sentence, M, y - 4, 13)
    const png = await doc.embedPng(s.image.png)
    const box = fitBox(s.image.width, s.image.height, W - 2 * M, y - M - 30)
    page.drawImage(png, { x: (W - box.width) / 2, y: y - box.height, width: box.width, height: box.height })
    write(page, s.source, M, M - 8, 10, s.source.includes('示例数据') ? amber : muted)
  }

  const closing = doc.addPage([W, H])
  write(closing, '主要指标', M, H - M - 20, 22)
  const cols = 3
  const cardW = (W - 2 * M - (cols - 1) * 16) / cols
  pack.figures.forEach((f, i) => {
    const x = M + (i % cols) * (cardW + 16)
    const top = H - M - 60 - Math.floor(i / cols) * 200
    closing.drawRectangle({
      x,
      y: top - 180,
      width: cardW,
      height: 180,
      color: rgb(0.969, 0.973, 0.98),
      borderColor: rgb(0.89, 0.902, 0.922),
      borderWidth: 1,
    })
    let y = write(closing, f.title, x + 16, top - 28, 12, muted, cardW - 32)
    closing.drawText(f.value, { x: x + 16, y: y - 18, size: 28, font, color: ink })
    closing.drawText(f.unit, {
      x: x + 22 + font.widthOfTextAtSize(f.value, 28),
      y: y - 18,
      size: 12,
      font,
      color: muted,
    })
    y -= 44
    for (const line of f.lines) y = write(closing, line, x + 16, y, 11, muted, cardW - 32)
  })
  if (pack.figures.length === 0) write(closing, '暂无可用的指标数据', M, H - M - 70, 14, muted)
  write(
    closing,
    `${pack.organisation} · ${pack.asOf ?? ''}${pack.sample ? ` · ${SAMPLE_NOTE}` : ''}`,
    M,
    M - 8,
    10,
    muted,
  )

  const out = await doc.save()
  return new Blob([out as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}

/** Breaks text by measured width, summing each character's advance (cached: laying text out is not free). */
function wrapMeasured(text: string, size: number, max: number, font: PDFFont): string[] {
  const lines: string[] = []
  let line = ''
  let width = 0
  for (const ch of text) {
    const w = advance(font, ch) * size
    if (line && width + w > max) {
      lines.push(line)
      line = ''
      width = 0
    }
    line += ch
    width += w
  }
  if (line) lines.push(line)
  return lines
}

const advances = new WeakMap<PDFFont, Map<string, number>>()
function advance(font: PDFFont, ch: string): number {
  let cache = advances.get(font)
  if (!cache) advances.set(font, (cache = new Map()))
  let w = cache.get(ch)
  if (w === undefined) cache.set(ch, (w = font.widthOfTextAtSize(ch, 1)))
  return w
}
