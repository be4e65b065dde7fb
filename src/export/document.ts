import type { EChartsOption } from '../ui/echart/types'
import { chartSentence, figuresOfOption } from './narrative'

/**
 * A briefing as the office writes its 汇报材料, whatever the file format: a cover with the
 * month and one headline sentence; 一、总体情况 (the key figures with their yardsticks);
 * 二、分领域情况 (a short paragraph and the charts of each field); 三、需要关注的问题; and a
 * source and data-as-of line. The PPTX, PDF and DOCX writers all render this one model.
 */

/** The fields of 二、分领域情况, in the order a 汇报材料 takes them. */
export const SECTION_ORDER = ['clusters', 'projects', 'livelihood', 'supervision'] as const
export type SectionKey = (typeof SECTION_ORDER)[number]
/** Charts and paragraphs that belong to no one field (a map of everything) go to 一、总体情况. */
export type Placement = SectionKey | 'overview'

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  clusters: '产业集群运行情况',
  projects: '重点项目推进情况',
  livelihood: '民生实事办理情况',
  supervision: '监督与代表工作情况',
}

export const PART_TITLES = {
  overview: '一、总体情况',
  fields: '二、分领域情况',
  attention: '三、需要关注的问题',
} as const

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** "（一）", "（二）"… for the fields under 二、. */
export const subHeading = (i: number, title: string) => `（${CHINESE_ORDINALS[i] ?? String(i + 1)}）${title}`

/** A chart rendered for print: the option (for a native PPTX chart), SVG (vector, for PDF) and PNG (for DOCX). */
export interface ChartPicture {
  readonly png: Uint8Array
  /** Pixels. */
  readonly width: number
  readonly height: number
}

export interface BriefingChart {
  readonly id: string
  readonly title: string
  /** Unit and period as the chart states them ("亿元 · 2026年1—10月"). */
  readonly subtitle?: string
  /** The sentence written from the chart's figures. */
  readonly sentence: string
  /** "数据来源：观察点月度指标、观察点". */
  readonly source: string
  /** The option as drawn for print (light theme, names whole, no animation). */
  readonly option: EChartsOption
  /** The CSS size the option was laid out at: the PPTX chart and the pictures keep its proportions. */
  readonly width: number
  readonly height: number
  /** ECharts' SVG rendering of the chart alone (text as text), when the format needs it. */
  readonly svg?: string
  /** A picture of the chart alone at print resolution, when the format needs it. */
  readonly png?: ChartPicture
}

/** A chart with its figure number and caption, as the document places it. */
export interface PlacedChart extends BriefingChart {
  /** 1, 2, … through the whole document. */
  readonly number: number
  /** "图1 各集群累计产值与同比（亿元，2026年1—10月）". */
  readonly caption: string
}

/** One headline figure with its yardsticks ("同比 +5.4%", "完成年度计划 79.7%", "序时 83.3%"). */
export interface KeyFigure {
  readonly title: string
  /** The figure as written ("280.59") and its unit ("亿元", "/19家"). */
  readonly value: string
  readonly unit: string
  readonly yardsticks: readonly string[]
  /** What the figure covers ("1—10月累计", "10个项目"). */
  readonly note: string
}

export interface BriefingSection {
  readonly key: SectionKey
  /** "（一）产业集群运行情况". */
  readonly heading: string
  readonly paragraphs: readonly string[]
  readonly charts: readonly PlacedChart[]
}

export interface BriefingDocument {
  /** "总览汇报材料", "2026年10月汇报材料". */
  readonly title: string
  readonly organisation: string
  /** The month the material reports on ("2026年10月"); null without monthly data. */
  readonly month: string | null
  /** The day it was made ("2026年12月1日"). */
  readonly date: string
  /** The one sentence on the cover: the key message. */
  readonly headline: string
  /** The filters in force, as their chips read; empty when none. */
  readonly filters: readonly string[]
  readonly sample: boolean
  readonly overview: {
    readonly heading: string
    readonly paragraphs: readonly string[]
    readonly figures: readonly KeyFigure[]
    readonly charts: readonly PlacedChart[]
  }
  readonly fields: { readonly heading: string; readonly sections: readonly BriefingSection[] }
  readonly attention: { readonly heading: string; readonly items: readonly string[] }
  /** "数据来源：…。数据截至2026年10月。" (and 示例数据 when synthetic). */
  readonly sourceLine: string
}

/** What a part of the briefing contributes: a field's paragraph and charts, or the overview's. */
export interface SectionInput {
  readonly key: Placement
  readonly paragraphs?: readonly string[]
  readonly charts?: readonly BriefingChart[]
}

export interface BriefingInput {
  readonly title: string
  readonly organisation?: string
  readonly month: string | null
  readonly date: string
  /** The cover's sentence; without one, the first sentence of the overview's paragraph. */
  readonly headline?: string
  readonly filters: readonly string[]
  readonly sample: boolean
  readonly figures: readonly KeyFigure[]
  readonly sections: readonly SectionInput[]
  readonly attention: readonly string[]
  /** The data sources' names (tables), listed once each on the source line. */
  readonly sources: readonly string[]
}

export const ORGANISATION = '人大代表经济运行观察点数据看板'
export const SAMPLE_NOTE = '示例数据：本材料使用内置合成数据，不是真实统计'

/** "各集群累计产值与同比（亿元，2026年1—10月）": the unit and period from the subtitle, nothing else. */
export function captionOf(chart: Pick<BriefingChart, 'title' | 'subtitle'>): string {
  const parts = (chart.subtitle ?? '')
    .split(/\s*·\s*/)
    .filter((p) => /^(亿元|万元|元|个|项|家|件|条|次|%|万千瓦时)$|\d{4}年/.test(p) && !p.includes('点击'))
  return parts.length ? `${chart.title}（${parts.join('，')}）` : chart.title
}

/** The first sentence of a paragraph (up to and with its 。). */
export const firstSentence = (text: string) => /^[^。]*。/.exec(text)?.[0] ?? text

/**
 * Puts a briefing together: the overview first, the fields in the 汇报材料's order (a field
 * with nothing to say is left out, and the rest numbered （一）（二）…), charts numbered 图1,
 * 图2… through the whole document, and one source line. The current-page pack and the
 * whole month's both go through here.
 */
export function assembleBriefing(input: BriefingInput): BriefingDocument {
  let n = 0
  const place = (charts: readonly BriefingChart[] | undefined): PlacedChart[] =>
    (charts ?? []).map((c) => {
      n += 1
      return { ...c, number: n, caption: `图${n} ${captionOf(c)}` }
    })
  const overviewInputs = input.sections.filter((s) => s.key === 'overview')
  const overviewParagraphs = overviewInputs.flatMap((s) => s.paragraphs ?? []).filter(Boolean)
  const overviewCharts = place(overviewInputs.flatMap((s) => s.charts ?? []))
  const sections: BriefingSection[] = []
  for (const key of SECTION_ORDER) {
    const parts = input.sections.filter((s) => s.key === key)
    const paragraphs = parts.flatMap((s) => s.paragraphs ?? []).filter(Boolean)
    const charts = parts.flatMap((s) => s.charts ?? [])
    if (paragraphs.length === 0 && charts.length === 0) continue
    sections.push({ key, heading: subHeading(sections.length, SECTION_TITLES[key]), paragraphs, charts: place(charts) })
  }
  const sources = [...new Set(input.sources)]
  const sourceLine = [
    sources.length ? `数据来源：${sources.join('、')}。` : '',
    input.month ? `数据截至${input.month}。` : '',
    input.sample ? `${SAMPLE_NOTE}。` : '',
  ].join('')
  const headline =
    input.headline ??
    (overviewParagraphs[0] ? firstSentence(overviewParagraphs[0]) : input.month ? `${input.month}数据汇报。` : '')
  return {
    title: input.title,
    organisation: input.organisation ?? ORGANISATION,
    month: input.month,
    date: input.date,
    headline,
    filters: input.filters,
    sample: input.sample,
    overview: {
      heading: PART_TITLES.overview,
      paragraphs: overviewParagraphs,
      figures: input.figures,
      charts: overviewCharts,
    },
    fields: { heading: PART_TITLES.fields, sections },
    attention: { heading: PART_TITLES.attention, items: input.attention },
    sourceLine,
  }
}

/** Every chart of the document in reading order. */
export const chartsOf = (doc: BriefingDocument): PlacedChart[] => [
  ...doc.overview.charts,
  ...doc.fields.sections.flatMap((s) => s.charts),
]

/**
 * Where a chart or a paragraph belongs, from the tables it reads: one field's tables put it
 * in that field; a map over several fields (or none) goes to the overview. Towns and clusters
 * are dimensions every field joins, so they decide nothing.
 */
export function placementOf(tables: readonly string[]): Placement {
  const fields = new Set<SectionKey>()
  for (const t of tables) {
    if (t.startsWith('livelihood_')) fields.add('livelihood')
    else if (t === 'key_projects' || t === 'project_progress') fields.add('projects')
    else if (/^(supervision_|deputy_|micro_|report_)/.test(t)) fields.add('supervision')
    else if (t === 'point_indicators' || t === 'observation_points' || t === 'point_issues') fields.add('clusters')
  }
  return fields.size === 1 ? [...fields][0]! : 'overview'
}

/** What a chart brings to a briefing, before its sentence is written. */
export interface ChartEntryInput {
  readonly id: string
  readonly title: string
  readonly subtitle?: string
  readonly option: EChartsOption
  readonly width: number
  readonly height: number
  /** The Chinese names of the tables it reads. */
  readonly sources: readonly string[]
  readonly sample: boolean
  readonly svg?: string
  readonly png?: ChartPicture
}

/** A chart as the briefing carries it: its sentence written from its own figures, its source said. */
export function chartEntry(c: ChartEntryInput): BriefingChart {
  return {
    id: c.id,
    title: c.title,
    ...(c.subtitle ? { subtitle: c.subtitle } : {}),
    sentence: chartSentence(c.title, c.subtitle, figuresOfOption(c.option, c.subtitle)),
    source: [
      c.sources.length ? `数据来源：${c.sources.join('、')}` : '',
      c.sample ? '示例数据（合成，非真实统计）' : '',
    ]
      .filter(Boolean)
      .join(' · '),
    option: c.option,
    width: c.width,
    height: c.height,
    ...(c.svg ? { svg: c.svg } : {}),
    ...(c.png ? { png: c.png } : {}),
  }
}
