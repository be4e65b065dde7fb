import { base64, type BriefingPack, fitBox, SAMPLE_NOTE } from './pack'

// Office on a Chinese PC has Microsoft YaHei; WPS and LibreOffice substitute their own CJK sans.
const FONT = 'Microsoft YaHei'
const W = 13.333
const H = 7.5
const INK = '1D2129'
const MUTED = '4E5969'
const ACCENT = 'C0392B'

/** The pack as PPTX (16:9), with pptxgenjs loaded only when someone asks for it. */
export async function buildPptx(pack: BriefingPack): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = pack.title
  pptx.author = pack.organisation
  pptx.company = pack.organisation
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT }
  const text = { fontFace: FONT, lang: 'zh-CN', color: INK, margin: 0 }

  const cover = pptx.addSlide()
  cover.addShape('rect', { x: 0, y: 0, w: 0.18, h: H, fill: { color: ACCENT }, line: { color: ACCENT } })
  cover.addText(pack.organisation, { ...text, x: 0.9, y: 1.9, w: W - 1.8, h: 0.5, fontSize: 18, color: MUTED })
  cover.addText(pack.title, { ...text, x: 0.9, y: 2.5, w: W - 1.8, h: 1.1, fontSize: 40, bold: true })
  const facts = [`生成日期：${pack.date}`, pack.asOf ?? '暂无月度数据', ...(pack.sample ? [SAMPLE_NOTE] : [])]
  cover.addText(facts.join('\n'), {
    ...text,
    x: 0.9,
    y: 4.0,
    w: W - 1.8,
    h: 1.4,
    fontSize: 16,
    color: MUTED,
    valign: 'top',
    paraSpaceAfter: 6,
  })

  for (const s of pack.slides) {
    const slide = pptx.addSlide()
    slide.addText(s.title, { ...text, x: 0.6, y: 0.35, w: W - 1.2, h: 0.6, fontSize: 26, bold: true })
    if (s.subtitle)
      slide.addText(s.subtitle, { ...text, x: 0.6, y: 0.95, w: W - 1.2, h: 0.35, fontSize: 14, color: MUTED })
    slide.addText(s.sentence, { ...text, x: 0.6, y: 1.4, w: W - 1.2, h: 0.8, fontSize: 16, valign: 'top' })
    const box = fitBox(s.image.width, s.image.height, W - 1.2, H - 3.0)
    slide.addImage({
      data: `data:image/png;base64,${base64(s.image.png)}`,
      x: (W - box.width) / 2,
      y: 2.25,
      w: box.width,
      h: box.height,
      altText: s.title,
    })
    slide.addText(s.source, {
      ...text,
      x: 0.6,
      y: H - 0.6,
      w: W - 1.2,
      h: 0.35,
      fontSize: 11,
      color: s.source.includes('示例数据') ? '9A4B00' : MUTED,
    })
  }

  const closing = pptx.addSlide()
  closing.addText('主要指标', { ...text, x: 0.6, y: 0.35, w: W - 1.2, h: 0.6, fontSize: 26, bold: true })
  const cols = Math.max(1, Math.min(3, pack.figures.length))
  const cardW = (W - 1.2 - (cols - 1) * 0.3) / cols
  pack.figures.forEach((f, i) => {
    const x = 0.6 + (i % cols) * (cardW + 0.3)
    const y = 1.3 + Math.floor(i / cols) * 2.8
    closing.addShape('rect', { x, y, w: cardW, h: 2.5, fill: { color: 'F7F8FA' }, line: { color: 'E3E6EB' } })
    closing.addText(
      [
        { text: f.title, options: { fontSize: 14, color: MUTED, breakLine: true } },
        { text: f.value, options: { fontSize: 30, bold: true, color: INK } },
        { text: ` ${f.unit}`, options: { fontSize: 14, color: MUTED, breakLine: true } },
        ...f.lines.map((l) => ({ text: l, options: { fontSize: 12, color: MUTED, breakLine: true } })),
      ],
      { ...text, x: x + 0.25, y: y + 0.2, w: cardW - 0.5, h: 2.1, valign: 'top' },
    )
  })
  if (pack.figures.length === 0)
    closing.addText('暂无可用的指标数据', { ...text, x: 0.6, y: 1.4, w: W - 1.2, h: 0.5, fontSize: 16, color: MUTED })
  closing.addText(`${pack.organisation} · ${pack.asOf ?? ''}${pack.sample ? ` · ${SAMPLE_NOTE}` : ''}`, {
    ...text,
    x: 0.6,
    y: H - 0.6,
    w: W - 1.2,
    h: 0.35,
    fontSize: 11,
    color: MUTED,
  })

  return (await pptx.write({ outputType: 'blob' })) as Blob
}
