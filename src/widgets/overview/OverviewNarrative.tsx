import type { FilterSet } from '../../queries/filters'
import type {
  LivelihoodProgressRow,
  OutputYtdRow,
  PointsReportingRow,
  ProjectInvestmentRow,
  SuggestionsRow,
} from '../../queries/kpi'
import type { OverviewSummaryRow } from '../../queries/overview'
import { OVERVIEW_NARRATIVE } from '../../specs/overview'
import type { KpiSpec } from '../../specs/types'
import { useNarrativeExport } from '../export/narratives'
import { useSpecView } from '../useSpecView'
import type { WidgetData } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

/** The first row of a KPI answer, or of the answer it replaces while loading. */
function first<T>(d: WidgetData<T>): T | undefined {
  return d.state === 'ready' ? d.rows[0] : d.state === 'loading' ? d.stale?.[0] : undefined
}

function usePart<R>(spec: KpiSpec<R>, filters: FilterSet) {
  return useSpecView(spec, filters)
}

/**
 * The Overview's opening sentences, from exactly the queries the KPI cards send (the
 * coordinator answers both from one round trip), so the words and the cards always agree.
 */
export function OverviewNarrative({ filters }: { readonly filters: FilterSet }) {
  const spec = OVERVIEW_NARRATIVE
  const parts = [
    usePart(spec.parts.points, filters),
    usePart(spec.parts.output, filters),
    usePart(spec.parts.projects, filters),
    usePart(spec.parts.livelihood, filters),
    usePart(spec.parts.suggestions, filters),
  ] as const
  const all = parts.map((p) => p.data as WidgetData<unknown>)
  const failed = all.find((d) => d.state === 'error')
  const state = failed ? 'error' : all.every((d) => d.state === 'ready' || d.state === 'empty') ? 'ready' : 'loading'
  const rows = all.map(first)
  const text = rows.every((r) => r !== undefined)
    ? spec.compose(
        summaryOf(
          ...(rows as [PointsReportingRow, OutputYtdRow, ProjectInvestmentRow, LivelihoodProgressRow, SuggestionsRow]),
        ),
      )
    : null
  const tables = [...new Set(parts.flatMap((p) => p.query.tables))]
  useNarrativeExport(spec.id, tables, text)
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      state={state}
      tables={tables}
      className="widget--narrative"
      showStale={text !== null}
      error={failed?.state === 'error' ? failed.message : undefined}
    >
      <p className="narrative" data-testid="narrative">
        {text}
      </p>
    </WidgetFrame>
  )
}

/** The five KPI rows as the one summary the narrative is written from. */
export function summaryOf(
  points: PointsReportingRow,
  output: OutputYtdRow,
  projects: ProjectInvestmentRow,
  livelihood: LivelihoodProgressRow,
  suggestions: SuggestionsRow,
): OverviewSummaryRow {
  return { points, output, projects, livelihood, suggestions }
}
