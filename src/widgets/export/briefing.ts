import { chineseDate } from '../../export/caption'
import {
  assembleBriefing,
  type BriefingDocument,
  chartEntry,
  placementOf,
  type SectionInput,
} from '../../export/document'
import { nativeChartOf } from '../../export/native-chart'
import type { WriteOptions } from '../../export/pack'
import { renderChartPng, renderChartSvg } from '../../export/render'
import { periodLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import type { Coordinator } from '../../state/coordinator'
import { warnPercent } from '../clusters/EarlyWarning'
import { chartCaption, chartDrawing } from './actions'
import { attentionOf, headlineOf, keyFigures } from './briefing-facts'
import { FACT_TABLES, queryFacts } from './kpi-figures'
import type { NarrativeSource } from './narratives'
import type { ChartExportSource } from './registry'
import { filterTexts, isSample, sourceNames } from './sources'

export type BriefingFormat = 'pptx' | 'pdf' | 'docx'

/** What a format needs drawn: PDF vectors; Word pictures at print resolution; PowerPoint pictures only where no native chart. */
const PICTURE = {
  pdf: { width: 1000, pixelRatio: 0 },
  pptx: { width: 1000, pixelRatio: 2 },
  // A Word page is 15.6 cm wide: a narrower chart keeps its 12 px type readable (about 7.5 pt), at 300 dpi.
  docx: { width: 760, pixelRatio: 2.5 },
} as const

export interface BriefingRequest {
  readonly pageLabel: string
  readonly charts: readonly ChartExportSource[]
  readonly narratives: readonly NarrativeSource[]
  readonly filters: FilterSet
  readonly asOf: string | null
  /** The page's URL parameters (the early-warning threshold the clusters page sets). */
  readonly params: URLSearchParams
  readonly format: BriefingFormat
  readonly coordinator: Coordinator
}

export interface BriefingProgress {
  readonly done: number
  readonly total: number
  /** What is being done now ("主要指标与关注事项", a chart's title). */
  readonly label: string
}

export interface GatherOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (p: BriefingProgress) => void
  /** Steps the caller adds after gathering (writing the file), counted in `total`. */
  readonly extraSteps?: number
}

/** The chart's size for print: the format's width, and the proportions it has on screen (within reason). */
function printSize(chart: ChartExportSource, width: number) {
  const el = chart.element()
  const ratio = el && el.clientWidth > 0 ? el.clientHeight / el.clientWidth : 0.46
  return { width, height: Math.round(width * Math.min(0.62, Math.max(0.42, ratio))) }
}

/**
 * The current page's briefing: its charts (each drawn for print as the format needs it, with
 * its sentence), its narrative in the field it belongs to, the Overview's headline figures
 * with their yardsticks, and what needs attention — put together by `assembleBriefing`, the
 * same entry point the whole month's pack goes through. Progress is told per step; the
 * signal stops it between steps.
 */
export async function gatherBriefing(req: BriefingRequest, options: GatherOptions = {}): Promise<BriefingDocument> {
  const { signal, onProgress } = options
  const total = 1 + req.charts.length + (options.extraSteps ?? 0)
  let done = 0
  const step = (label: string) => {
    signal?.throwIfAborted()
    onProgress?.({ done, total, label })
    done += 1
  }

  step('主要指标与关注事项')
  const [facts, filters] = await Promise.all([
    queryFacts(req.coordinator, req.filters, warnPercent(req.params)),
    filterTexts(req.coordinator, req.filters),
  ])
  const sections: SectionInput[] = req.narratives.map((n) => ({
    key: placementOf(n.tables),
    paragraphs: [n.text() ?? ''],
  }))
  const tables = new Set<string>([...FACT_TABLES, ...req.narratives.flatMap((n) => n.tables)])

  const picture = PICTURE[req.format]
  for (const source of req.charts) {
    const snapshot = source.snapshot()
    step(snapshot.title)
    const size = printSize(source, picture.width)
    const drawing = await chartDrawing(source, 'white', size)
    const caption = await chartCaption(source)
    // On white, so in the light theme, and already made ready for paper (see chartDrawing).
    const option = drawing.option
    const needsPng = req.format === 'docx' || (req.format === 'pptx' && !nativeChartOf(option, caption.subtitle))
    const svg = req.format === 'pdf' ? await renderChartSvg(drawing) : undefined
    const png = needsPng ? await renderChartPng(drawing, picture.pixelRatio) : undefined
    for (const t of snapshot.tables) tables.add(t)
    sections.push({
      key: placementOf(snapshot.tables),
      charts: [
        chartEntry({
          id: source.id,
          title: caption.title,
          ...(caption.subtitle ? { subtitle: caption.subtitle } : {}),
          option,
          width: size.width,
          height: size.height,
          sources: caption.sources,
          sample: caption.sample,
          ...(svg ? { svg } : {}),
          ...(png
            ? {
                png: {
                  png,
                  width: Math.round(size.width * picture.pixelRatio),
                  height: Math.round(size.height * picture.pixelRatio),
                },
              }
            : {}),
        }),
      ],
    })
  }
  signal?.throwIfAborted()
  return assembleBriefing({
    title: `${req.pageLabel}汇报材料`,
    month: req.asOf ? periodLabel(req.asOf) : null,
    date: chineseDate(new Date()),
    ...(headlineOf(facts) ? { headline: headlineOf(facts)! } : {}),
    filters,
    sample: isSample([...tables]),
    figures: keyFigures(facts),
    sections,
    attention: attentionOf(facts),
    sources: sourceNames([...tables]),
  })
}

/** The document as a file, with only the chosen format's writer (and, for PDF, the font) loaded. */
export async function writeBriefing(
  format: BriefingFormat,
  doc: BriefingDocument,
  options: WriteOptions,
): Promise<Blob> {
  if (format === 'pptx') return (await import('../../export/pptx')).buildPptx(doc, options)
  if (format === 'docx') return (await import('../../export/docx')).buildDocx(doc, options)
  const [{ buildPdf }, { loadPdfFonts }] = await Promise.all([
    import('../../export/pdf'),
    import('../../export/pdf-fonts'),
  ])
  return buildPdf(doc, await loadPdfFonts(), options)
}
