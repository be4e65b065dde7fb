import type PptxGenJS from 'pptxgenjs'

import { type BriefingDocument, type KeyFigure, type PlacedChart, SAMPLE_NOTE } from './document'
import { type NativeChart, nativeChartOf, type NativeGroup } from './native-chart'
import { base64, fitBox, type WriteOptions } from './pack'

// Office on a Chinese PC has Microsoft YaHei; WPS and LibreOffice substitute their own CJK sans.
const FONT = 'Microsoft YaHei'
const W = 13.333
const H = 7.5
const X = 0.6
const INK = '1D2129'
const MUTED = '4E5969'
const ACCENT = 'C0392B'
const AMBER = '9A4B00'
const RULE = 'E3E6EB'

type Slide = PptxGenJS.Slide
type ChartOptions = PptxGenJS.IChartOpts

/**
 * The briefing as PPTX (16:9): the cover with its headline, 一、总体情况 with the key figures
 * as a table, a slide per chart under its field's heading — a native chart (bars, lines,
 * pies and their combinations, editable, its figures in the chart's sheet) or, for a map or a
 * heat map, a picture — then 三、需要关注的问题 and the source line. All text in text boxes.
 */
export async function buildPptx(doc: BriefingDocument, options: WriteOptions = {}): Promise<Blob> {
  const { default: PptxGen } = await import('pptxgenjs')
  const pptx = new PptxGen()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = doc.title
  pptx.author = doc.organisation
  pptx.company = doc.organisation
  pptx.subject = doc.headline
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT }
  const text = { fontFace: FONT, lang: 'zh-CN', color: INK, margin: 0 } as const
  const footer = (slide: Slide) => {
    slide.addText(`${doc.title} · ${doc.month ?? doc.date}`, {
      ...text,
      x: X,
      y: H - 0.42,
      w: 8,
      h: 0.3,
      fontSize: 10,
      color: MUTED,
    })
    slide.slideNumber = { x: W - 1.1, y: H - 0.42, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 10, color: MUTED }
  }
  const heading = (slide: Slide, part: string, title?: string) => {
    slide.addText(part, { ...text, x: X, y: 0.3, w: W - 2 * X, h: 0.4, fontSize: 14, color: ACCENT, bold: true })
    if (title) slide.addText(title, { ...text, x: X, y: 0.72, w: W - 2 * X, h: 0.55, fontSize: 22, bold: true })
  }

  // Cover: the month and the one sentence that matters, then what the material covers.
  options.signal?.throwIfAborted()
  const cover = pptx.addSlide()
  cover.addShape('rect', { x: 0, y: 0, w: 0.18, h: H, fill: { color: ACCENT }, line: { color: ACCENT } })
  cover.addText(doc.organisation, { ...text, x: 0.9, y: 1.0, w: W - 1.8, h: 0.45, fontSize: 18, color: MUTED })
  cover.addText(doc.title, { ...text, x: 0.9, y: 1.5, w: W - 1.8, h: 0.9, fontSize: 36, bold: true })
  if (doc.month)
    cover.addText(doc.month, { ...text, x: 0.9, y: 2.4, w: W - 1.8, h: 0.5, fontSize: 20, color: ACCENT, bold: true })
  cover.addShape('rect', { x: 0.9, y: 3.1, w: W - 1.8, h: 1.5, fill: { color: 'F7F8FA' }, line: { color: RULE } })
  cover.addText(doc.headline, {
    ...text,
    x: 1.15,
    y: 3.2,
    w: W - 2.3,
    h: 1.3,
    fontSize: 20,
    valign: 'middle',
    paraSpaceAfter: 4,
  })
  const facts = [
    `筛选条件：${doc.filters.length ? doc.filters.join('；') : '无（全部数据）'}`,
    `生成日期：${doc.date}`,
    ...(doc.sample ? [SAMPLE_NOTE] : []),
  ]
  cover.addText(
    facts.map((f, i) => ({
      text: f,
      options: { breakLine: i < facts.length - 1, ...(f === SAMPLE_NOTE ? { color: AMBER } : {}) },
    })),
    { ...text, x: 0.9, y: 4.85, w: W - 1.8, h: 1.3, fontSize: 14, color: MUTED, valign: 'top', paraSpaceAfter: 6 },
  )

  // 一、总体情况: the key figures with their yardsticks, then what the overview says.
  options.signal?.throwIfAborted()
  const overview = pptx.addSlide()
  heading(overview, doc.overview.heading, '主要指标')
  let y = 1.4
  if (doc.overview.figures.length > 0) {
    const rows = figureRows(doc.overview.figures)
    overview.addTable(rows, {
      x: X,
      y,
      w: W - 2 * X,
      colW: [2.6, 2.3, 3.6, W - 2 * X - 8.5],
      fontFace: FONT,
      fontSize: 13,
      color: INK,
      border: { type: 'solid', pt: 0.75, color: RULE },
      valign: 'middle',
      margin: 0.06,
      autoPage: false,
    })
    y += 0.42 * rows.length + 0.25
  } else {
    overview.addText('暂无可用的指标数据', { ...text, x: X, y, w: W - 2 * X, h: 0.4, fontSize: 14, color: MUTED })
    y += 0.6
  }
  if (doc.overview.paragraphs.length > 0)
    overview.addText(doc.overview.paragraphs.join('\n'), {
      ...text,
      x: X,
      y,
      w: W - 2 * X,
      h: Math.max(0.6, H - 0.6 - y),
      fontSize: 15,
      valign: 'top',
      paraSpaceAfter: 6,
      lineSpacingMultiple: 1.2,
    })
  footer(overview)

  const chartSlide = (part: string, chart: PlacedChart) => {
    options.signal?.throwIfAborted()
    const slide = pptx.addSlide()
    heading(slide, part)
    slide.addText(chart.caption, { ...text, x: X, y: 0.72, w: W - 2 * X, h: 0.5, fontSize: 20, bold: true })
    slide.addText(chart.sentence, {
      ...text,
      x: X,
      y: 1.25,
      w: W - 2 * X,
      h: 0.8,
      fontSize: 14,
      valign: 'top',
      lineSpacingMultiple: 1.15,
    })
    const box = { x: X, y: 2.1, w: W - 2 * X, h: H - 2.1 - 0.95 }
    const native = nativeChartOf(chart.option, chart.subtitle)
    if (native) addNativeChart(pptx, slide, native, box, chart.caption)
    else if (chart.png) {
      const fit = fitBox(chart.png.width, chart.png.height, box.w, box.h)
      slide.addImage({
        data: `data:image/png;base64,${base64(chart.png.png)}`,
        x: (W - fit.width) / 2,
        y: box.y,
        w: fit.width,
        h: fit.height,
        altText: `${chart.caption}。${chart.sentence}`,
      })
    }
    const notes = [native?.note ? `注：${native.note}` : '', chart.source].filter(Boolean).join('  ')
    slide.addText(notes, {
      ...text,
      x: X,
      y: H - 0.82,
      w: W - 2 * X,
      h: 0.35,
      fontSize: 11,
      color: chart.source.includes('示例数据') ? AMBER : MUTED,
    })
    footer(slide)
  }
  for (const chart of doc.overview.charts) chartSlide(doc.overview.heading, chart)

  // 二、分领域情况: each field's paragraph on its own slide, then its charts.
  for (const section of doc.fields.sections) {
    const part = `${doc.fields.heading} · ${section.heading}`
    if (section.paragraphs.length > 0) {
      const slide = pptx.addSlide()
      heading(slide, doc.fields.heading, section.heading)
      slide.addText(section.paragraphs.join('\n'), {
        ...text,
        x: X,
        y: 1.5,
        w: W - 2 * X,
        h: H - 2.2,
        fontSize: 18,
        valign: 'top',
        paraSpaceAfter: 8,
        lineSpacingMultiple: 1.3,
      })
      footer(slide)
    }
    for (const chart of section.charts) chartSlide(part, chart)
  }

  // 三、需要关注的问题, and where the figures come from.
  options.signal?.throwIfAborted()
  const closing = pptx.addSlide()
  heading(closing, doc.attention.heading)
  const items = doc.attention.items
  closing.addText(
    items.length
      ? items.map((t, i) => ({
          text: t,
          options: { bullet: { type: 'number' as const }, breakLine: i < items.length - 1 },
        }))
      : [{ text: '本期没有需要特别关注的事项。' }],
    {
      ...text,
      x: X,
      y: 0.85,
      w: W - 2 * X,
      h: H - 2.3,
      fontSize: 16,
      valign: 'top',
      paraSpaceAfter: 8,
      lineSpacingMultiple: 1.2,
    },
  )
  closing.addShape('line', { x: X, y: H - 1.3, w: W - 2 * X, h: 0, line: { color: RULE, width: 0.75 } })
  closing.addText(doc.sourceLine, {
    ...text,
    x: X,
    y: H - 1.2,
    w: W - 2 * X,
    h: 0.7,
    fontSize: 11,
    color: doc.sample ? AMBER : MUTED,
    valign: 'top',
  })
  footer(closing)

  return (await pptx.write({ outputType: 'blob' })) as Blob
}

/** The key figures as table rows: 指标 | 数值 | 比较 | 说明. */
function figureRows(figures: readonly KeyFigure[]): PptxGenJS.TableRow[] {
  const head = { bold: true, fill: { color: 'F2F3F5' }, color: '1D2129' }
  return [
    ['指标', '数值', '比较', '说明'].map((t) => ({ text: t, options: head })),
    ...figures.map((f) => [
      { text: f.title },
      { text: `${f.value}${f.unit}`, options: { bold: true } },
      { text: f.yardsticks.join('；') || '—' },
      { text: f.note || '—', options: { color: MUTED } },
    ]),
  ]
}

/** A native chart from the mapped option, into `box` (inches). */
function addNativeChart(
  pptx: PptxGenJS,
  slide: Slide,
  chart: NativeChart,
  box: { x: number; y: number; w: number; h: number },
  altText: string,
): void {
  const shared: ChartOptions = {
    ...box,
    altText,
    showLegend: chart.legend,
    legendPos: 't',
    legendFontFace: FONT,
    legendFontSize: 11,
    legendColor: MUTED,
    catAxisLabelFontFace: FONT,
    // Every name shown (Office skips some when crowded): smaller type for a long list.
    catAxisLabelFontSize: chart.categories.length > 12 ? 9 : 11,
    catAxisLabelFrequency: '1',
    catAxisLabelColor: MUTED,
    catAxisLineColor: 'C9CDD4',
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: MUTED,
    valAxisLineShow: false,
    valGridLine: { color: 'EEF0F3', size: 0.75 },
    dataLabelFontFace: FONT,
    dataLabelFontSize: 10,
    dataLabelColor: INK,
    lang: 'zh-CN',
    displayBlanksAs: 'gap',
  }
  const axis = (i: number): ChartOptions => {
    const a = chart.axes[i]
    if (!a) return {}
    return {
      valAxisLabelFormatCode: a.format,
      ...(a.title ? { showValAxisTitle: true, valAxisTitle: a.title, valAxisTitleFontSize: 11 } : {}),
      ...(a.title ? { valAxisTitleFontFace: FONT, valAxisTitleColor: MUTED } : {}),
      ...(a.min !== undefined ? { valAxisMinVal: a.min } : {}),
      ...(a.max !== undefined ? { valAxisMaxVal: a.max } : {}),
    }
  }
  const data = (g: NativeGroup) =>
    g.series.map((s) => ({ name: s.name, labels: [...chart.categories], values: s.values as number[] }))
  const groupOptions = (g: NativeGroup): ChartOptions => {
    const labels: ChartOptions = g.labels ? { showValue: true, dataLabelFormatCode: g.labels } : { showValue: false }
    if (g.type === 'pie' || g.type === 'doughnut')
      return {
        chartColors: [...(g.pointColors ?? g.series.map((s) => s.color))],
        showPercent: g.pieLabels,
        showLabel: g.pieLabels,
        showValue: false,
        showLeaderLines: true,
        dataLabelFormatCode: '0.0%',
        dataLabelPosition: 'bestFit',
        legendPos: 'b',
        ...(g.holeSize ? { holeSize: g.holeSize } : {}),
      }
    if (g.type === 'bar')
      return {
        barDir: chart.horizontal ? 'bar' : 'col',
        barGrouping: g.stacked ? 'stacked' : 'clustered',
        barGapWidthPct: 60,
        chartColors: [...(g.pointColors ?? g.series.map((s) => s.color))],
        dataLabelPosition: g.stacked ? 'ctr' : 'outEnd',
        ...labels,
      }
    const s = g.series[0]!
    return {
      chartColors: g.series.map((x) => x.color),
      lineSize: 2,
      lineDash: s.dashed ? 'dash' : 'solid',
      lineSmooth: s.smooth,
      lineDataSymbol: s.marker ? 'circle' : 'none',
      lineDataSymbolSize: 6,
      dataLabelPosition: 't',
      ...labels,
    }
  }
  // Office sets dash per chart group and colours a group's markers by the series' place in the
  // whole chart: in a combination each line gets its own group.
  const groups = chart.groups.flatMap((g) =>
    g.type === 'line' && (chart.groups.length > 1 || g.series.some((s) => s.dashed !== g.series[0]!.dashed))
      ? g.series.map((s): NativeGroup => ({ ...g, series: [s] }))
      : [g],
  )
  const typeOf = (g: NativeGroup) => pptx.ChartType[g.type]
  if (groups.length === 1) {
    const g = groups[0]!
    slide.addChart(typeOf(g), data(g), { ...shared, ...axis(0), ...groupOptions(g) })
    return
  }
  const secondary = groups.some((g) => g.secondary)
  slide.addChart(
    groups.map((g) => ({
      type: typeOf(g),
      data: data(g),
      options: { ...groupOptions(g), ...(g.secondary ? { secondaryValAxis: true, secondaryCatAxis: true } : {}) },
    })),
    // A combination takes its options where the data would go.
    {
      ...shared,
      ...(secondary
        ? {
            valAxes: [axis(0), { ...axis(1), valGridLine: { style: 'none' } }],
            catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
          }
        : axis(0)),
    } as unknown as never[],
  )
}
