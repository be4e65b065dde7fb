import type { EChartsOption } from 'echarts'
import type { EChartsType } from 'echarts/core'

export type { EChartsOption, EChartsType }

/** What a click on a chart element selected: its key (an id) when the data item carries one. */
export interface ChartSelection {
  readonly key: string
  readonly name: string
  readonly series: string
}

export interface EChartProps {
  readonly option: EChartsOption
  /** A registered theme: light, dark, or the big screen's screen-light / screen-dark (larger type). */
  readonly theme: 'light' | 'dark' | 'screen-light' | 'screen-dark'
  /** CSS height of the chart area. */
  readonly height: number | string
  readonly renderer?: 'canvas' | 'svg'
  /** Render at this pixel ratio (the big screen follows its scale). */
  readonly devicePixelRatio?: number
  /** GeoJSON maps the option refers to, by name. */
  readonly maps?: Readonly<Record<string, object>>
  readonly onSelect?: (selection: ChartSelection) => void
  /** Called once the first option has been drawn. */
  readonly onRendered?: () => void
  /** The live ECharts instance (for exports), or null when it goes away. */
  readonly onInstance?: (instance: EChartsType | null) => void
  /** Accessible name of the chart. */
  readonly label: string
  /** Highlight the first series' items one after another, with their tooltip (the big screen). */
  readonly cycleMs?: number
}
