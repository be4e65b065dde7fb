import type { ChartContext, EChartsOption } from '../../charts/common'
import type { FilterSet } from '../../queries/filters'
import type { ChartSpec } from '../../specs/types'
import type { Coordinator } from '../../state/coordinator'
import { Store } from '../../state/store'

/** What a chart shows now: enough to draw it again for an export, and to name its data. */
export interface ChartSnapshot {
  readonly title: string
  readonly subtitle?: string
  readonly tables: readonly string[]
  readonly rows: readonly unknown[] | undefined
  readonly option: (rows: readonly never[], ctx: ChartContext) => EChartsOption
  readonly selected?: readonly string[]
  readonly theme: ChartContext['theme']
  readonly filters: FilterSet
  /** The chart's spec, when it is drawn from one (a briefing can ask it again for other filters, and its words). */
  readonly spec?: ChartSpec<never>
  /** The coordinator that answered it: the one to ask for anything more about it (its filters' names). */
  readonly coordinator: Coordinator
}

/** A chart that can be exported: what the menu and the briefing pack ask of it. */
export interface ChartExportSource {
  readonly id: string
  readonly snapshot: () => ChartSnapshot
  /** The element the chart is drawn in (its CSS size; which page it is on). */
  readonly element: () => HTMLElement | null
}

/** The charts on screen, for the briefing pack: registered while they have data. */
export const chartSources = new Store<ReadonlyMap<string, ChartExportSource>>(new Map())

export function registerChart(source: ChartExportSource): () => void {
  chartSources.set((m) => new Map(m).set(source.id, source))
  return () =>
    chartSources.set((m) => {
      if (m.get(source.id) !== source) return m
      const next = new Map(m)
      next.delete(source.id)
      return next
    })
}

/** The charts of one page, in the order they appear on it. */
export function chartsOnPage(sources: ReadonlyMap<string, ChartExportSource>, path: string): ChartExportSource[] {
  return [...sources.values()]
    .filter((s) => {
      const el = s.element()
      return el?.isConnected && el.closest('.page-root')?.getAttribute('data-page') === path
    })
    .sort((a, b) => (a.element()!.compareDocumentPosition(b.element()!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
}
