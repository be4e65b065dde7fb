import type { Paragraph as ParagraphType, Table as TableType } from 'docx'

import { type BriefingDocument, type KeyFigure, type PlacedChart, SAMPLE_NOTE } from './document'
import type { WriteOptions } from './pack'

/**
 * The fonts and sizes of an office's own 汇报材料 (after GB/T 9704): the title in 小标宋 二号,
 * part headings 黑体 三号, field headings 楷体 三号, body 仿宋 三号 on a fixed 28 pt line,
 * paragraphs two characters in. Word and WPS substitute a font a machine lacks.
 */
const TITLE_FONT = '方正小标宋简体'
const HEI = '黑体'
const KAI = '楷体'
const FANG = '仿宋'
const LATIN = 'Times New Roman'
/** Sizes in half-points. */
const ER_HAO = 44
const SAN_HAO = 32
const XIAO_SI = 24
const LINE = 560 // twips: 28 pt, exactly
/** A4 portrait, margins 3.7 / 3.5 / 2.8 / 2.6 cm: 15.6 cm of text width, in CSS pixels at 96 per inch. */
const TEXT_WIDTH_PX = Math.round((15.6 / 2.54) * 96)

const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia })

/**
 * The briefing as DOCX (Word, WPS), with the `docx` library: the same content in the
 * 汇报材料's order — title, month and headline, 一、总体情况 with the key figures as a table,
 * 二、分领域情况 with each field's paragraph and its charts (pictures at print resolution,
 * numbered captions), 三、需要关注的问题, and the source line. Headings are Word headings, so
 * the navigation pane shows the outline.
 */
export async function buildDocx(doc: BriefingDocument, options: WriteOptions = {}): Promise<Blob> {
  const d = await import('docx')
  const { AlignmentType, BorderStyle, HeadingLevel, LineRuleType, Paragraph, TextRun } = d

  const body = (
    text: string,
    o: { bold?: boolean; indent?: boolean; color?: string; fontName?: string; keepNext?: boolean } = {},
  ) =>
    new Paragraph({
      ...(o.keepNext ? { keepNext: true } : {}),
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: o.indent === false ? undefined : { firstLine: 640 },
      alignment: AlignmentType.JUSTIFIED,
      children: [
        new TextRun({
          text,
          font: font(o.fontName ?? FANG),
          size: SAN_HAO,
          ...(o.bold ? { bold: true } : {}),
          ...(o.color ? { color: o.color } : {}),
        }),
      ],
    })
  const heading = (text: string, level: 1 | 2) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { firstLine: 640 },
      keepNext: true,
      children: [new TextRun({ text, font: font(level === 1 ? HEI : KAI), size: SAN_HAO, color: '000000' })],
    })

  const children: (ParagraphType | TableType)[] = []
  // Title, month, headline.
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: doc.title, font: font(TITLE_FONT), size: ER_HAO, color: '000000' })],
    }),
  )
  if (doc.month)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 280 },
        children: [new TextRun({ text: `（${doc.month}）`, font: font(KAI), size: SAN_HAO })],
      }),
    )
  children.push(body(doc.headline, { bold: true }))
  children.push(
    body(`筛选条件：${doc.filters.length ? doc.filters.join('；') : '无（全部数据）'}。生成日期：${doc.date}。`, {
      fontName: KAI,
    }),
  )
  if (doc.sample) children.push(body(`${SAMPLE_NOTE}。`, { color: '9A4B00', fontName: KAI }))

  // 一、总体情况.
  options.signal?.throwIfAborted()
  children.push(heading(doc.overview.heading, 1))
  for (const p of doc.overview.paragraphs) children.push(body(p))
  if (doc.overview.figures.length > 0) {
    children.push(captionParagraph(d, '表1 主要指标'))
    children.push(figuresTable(d, doc.overview.figures))
  }
  for (const chart of doc.overview.charts) children.push(...chartBlock(d, chart, body))

  // 二、分领域情况.
  if (doc.fields.sections.length > 0) children.push(heading(doc.fields.heading, 1))
  for (const section of doc.fields.sections) {
    options.signal?.throwIfAborted()
    children.push(heading(section.heading, 2))
    for (const p of section.paragraphs) children.push(body(p))
    for (const chart of section.charts) children.push(...chartBlock(d, chart, body))
  }

  // 三、需要关注的问题.
  children.push(heading(doc.attention.heading, 1))
  if (doc.attention.items.length === 0) children.push(body('本期没有需要特别关注的事项。'))
  doc.attention.items.forEach((item, i) => children.push(body(`${i + 1}. ${item}`)))

  // The source line, under a rule.
  children.push(
    new Paragraph({
      spacing: { before: 280, line: 400, lineRule: LineRuleType.EXACT },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'C9CDD4', space: 6 } },
      children: [
        new TextRun({ text: doc.sourceLine, font: font(KAI), size: XIAO_SI, color: doc.sample ? '9A4B00' : '4E5969' }),
      ],
    }),
  )

  options.signal?.throwIfAborted()
  const document = new d.Document({
    title: doc.title,
    subject: doc.headline,
    creator: doc.organisation,
    description: doc.sourceLine,
    styles: {
      default: {
        document: { run: { font: font(FANG), size: SAN_HAO, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
        heading1: { run: { font: font(HEI), size: SAN_HAO, color: '000000' } },
        heading2: { run: { font: font(KAI), size: SAN_HAO, color: '000000' } },
        title: { run: { font: font(TITLE_FONT), size: ER_HAO, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: '21cm', height: '29.7cm' },
            margin: { top: '3.7cm', bottom: '3.5cm', left: '2.8cm', right: '2.6cm' },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font(LATIN), size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return d.Packer.toBlob(document)
}

type Docx = typeof import('docx')

function captionParagraph(d: Docx, text: string): ParagraphType {
  return new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    spacing: { before: 120, after: 120, line: 400, lineRule: d.LineRuleType.EXACT },
    keepNext: true,
    children: [new d.TextRun({ text, font: font(HEI), size: XIAO_SI })],
  })
}

/** The key figures as a table: 指标 | 数值 | 比较 | 说明, header shaded. */
function figuresTable(d: Docx, figures: readonly KeyFigure[]): TableType {
  const widths = [22, 20, 30, 28]
  const cell = (text: string, o: { bold?: boolean; head?: boolean; width: number }) =>
    new d.TableCell({
      width: { size: o.width, type: d.WidthType.PERCENTAGE },
      ...(o.head ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F3F5' } } : {}),
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      verticalAlign: d.VerticalAlign.CENTER,
      children: [
        new d.Paragraph({
          alignment: o.head ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
          children: [
            new d.TextRun({
              text,
              font: font(o.head ? HEI : FANG),
              size: XIAO_SI,
              ...(o.bold ? { bold: true } : {}),
            }),
          ],
        }),
      ],
    })
  const head = ['指标', '数值', '比较', '说明']
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [
      new d.TableRow({
        tableHeader: true,
        children: head.map((t, i) => cell(t, { head: true, width: widths[i]! })),
      }),
      ...figures.map(
        (f) =>
          new d.TableRow({
            cantSplit: true,
            children: [
              cell(f.title, { width: widths[0]! }),
              cell(`${f.value}${f.unit}`, { bold: true, width: widths[1]! }),
              cell(f.yardsticks.join('；') || '—', { width: widths[2]! }),
              cell(f.note || '—', { width: widths[3]! }),
            ],
          }),
      ),
    ],
  })
}

/** A chart: its sentence, the picture at the text's width, the numbered caption and its source. */
function chartBlock(
  d: Docx,
  chart: PlacedChart,
  body: (text: string, o: { keepNext: boolean }) => ParagraphType,
): ParagraphType[] {
  // The sentence, the picture and its caption stay on one page.
  const out = [body(chart.sentence, { keepNext: true })]
  if (chart.png) {
    const width = TEXT_WIDTH_PX
    const height = Math.round((width * chart.png.height) / chart.png.width)
    out.push(
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120 },
        children: [
          new d.ImageRun({
            type: 'png',
            data: chart.png.png,
            transformation: { width, height },
            altText: { name: chart.caption, title: chart.caption, description: chart.sentence },
          }),
        ],
      }),
    )
  }
  out.push(captionParagraph(d, chart.caption))
  out.push(
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [
        new d.TextRun({
          text: chart.source,
          font: font(KAI),
          size: 21,
          color: chart.source.includes('示例数据') ? '9A4B00' : '4E5969',
        }),
      ],
    }),
  )
  return out
}
