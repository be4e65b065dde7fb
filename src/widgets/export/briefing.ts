import { chineseDate } from '../../export/caption'
import { chartSentence, figuresOfOption } from '../../export/narrative'
import type { BriefingPack, BriefingSlide } from '../../export/pack'
import { renderChartPng } from '../../export/render'
import { periodLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import type { Coordinator } from '../../state/coordinator'
import { chartCaption, chartDrawing } from './actions'
import { kpiFigures } from './kpi-figures'
import type { ChartExportSource } from './registry'
import { isSample } from './sources'

/** Charts in a briefing are drawn at this CSS size, twice over, on white. */
export const SLIDE_CHART = { width: 1000, height: 460, pixelRatio: 2 }

export interface BriefingRequest {
  readonly pageLabel: string
  readonly charts: readonly ChartExportSource[]
  readonly filters: FilterSet
  readonly asOf: string | null
  readonly tables: readonly string[]
  readonly coordinator: Coordinator
}

/** Gathers a briefing pack: each chart drawn for print with its sentence and source, and the headline figures. */
export async function gatherBriefing(req: BriefingRequest): Promise<BriefingPack> {
  const slides: BriefingSlide[] = []
  for (const chart of req.charts) {
    const drawing = await chartDrawing(chart, 'white', SLIDE_CHART)
    const caption = await chartCaption(chart)
    const png = await renderChartPng(drawing, SLIDE_CHART.pixelRatio)
    slides.push({
      title: caption.title,
      ...(caption.subtitle
        ? {
            subtitle: [
              caption.subtitle,
              ...(caption.filters.length ? [`筛选条件：${caption.filters.join('；')}`] : []),
            ].join(' · '),
          }
        : {}),
      sentence: chartSentence(caption.title, caption.subtitle, figuresOfOption(drawing.option)),
      source: [`数据来源：${caption.sources.join('、')}`, caption.sample ? '示例数据（合成，非真实统计）' : '']
        .filter(Boolean)
        .join(' · '),
      image: { png, width: SLIDE_CHART.width, height: SLIDE_CHART.height },
    })
  }
  return {
    title: `${req.pageLabel}汇报材料`,
    organisation: '人大代表经济运行观察点数据看板',
    date: chineseDate(new Date()),
    asOf: req.asOf ? `数据截至${periodLabel(req.asOf)}` : null,
    sample: isSample(req.tables),
    slides,
    figures: await kpiFigures(req.coordinator, req.filters),
  }
}
