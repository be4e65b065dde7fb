import type { FilterSet } from '../../queries/filters'
import {
  type LivelihoodProgressRow,
  livelihoodProgressSql,
  type OutputYtdRow,
  outputYtdSql,
  type PointsReportingRow,
  pointsReportingSql,
  type ProjectInvestmentRow,
  projectInvestmentSql,
  type SuggestionsRow,
  suggestionsSql,
} from '../../queries/kpi'
import type { OverviewSummaryRow } from '../../queries/overview'
import { useNarrativeExport } from '../export/narratives'
import { useWidgetQuery, type WidgetData } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { overviewNarrative } from './narrative'

const TABLES = [
  'point_indicators',
  'observation_points',
  'key_projects',
  'project_progress',
  'livelihood_items',
  'livelihood_progress',
  'deputy_suggestions',
]

/** The first row of a KPI answer, or of the answer it replaces while loading. */
function first<T>(d: WidgetData<T>): T | undefined {
  return d.state === 'ready' ? d.rows[0] : d.state === 'loading' ? d.stale?.[0] : undefined
}

/**
 * The Overview's opening sentences, from exactly the queries the KPI cards send (the
 * coordinator answers both from one round trip), so the words and the cards always agree.
 */
export function OverviewNarrative({ filters }: { readonly filters: FilterSet }) {
  const pts = useWidgetQuery<PointsReportingRow>({
    tables: ['point_indicators', 'observation_points'],
    sql: pointsReportingSql(filters),
  })
  const out = useWidgetQuery<OutputYtdRow>({
    tables: ['point_indicators', 'observation_points'],
    sql: outputYtdSql(filters),
  })
  const prj = useWidgetQuery<ProjectInvestmentRow>({
    tables: ['key_projects', 'project_progress'],
    sql: projectInvestmentSql(filters),
  })
  const liv = useWidgetQuery<LivelihoodProgressRow>({
    tables: ['livelihood_items', 'livelihood_progress'],
    sql: livelihoodProgressSql(filters),
  })
  const sug = useWidgetQuery<SuggestionsRow>({ tables: ['deputy_suggestions'], sql: suggestionsSql(filters) })
  const all = [pts, out, prj, liv, sug]
  const failed = all.find((d) => d.state === 'error')
  const state = failed ? 'error' : all.every((d) => d.state === 'ready' || d.state === 'empty') ? 'ready' : 'loading'
  const rows = [first(pts), first(out), first(prj), first(liv), first(sug)] as const
  const text = rows.every((r) => r !== undefined)
    ? overviewNarrative(summaryOf(rows[0]!, rows[1]!, rows[2]!, rows[3]!, rows[4]!))
    : null
  useNarrativeExport('overview-narrative', TABLES, text)
  return (
    <WidgetFrame
      id="overview-narrative"
      title="综述"
      state={state}
      tables={TABLES}
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

/** The five KPI rows as the one summary row the narrative is written from. */
export function summaryOf(
  p: PointsReportingRow,
  o: OutputYtdRow,
  j: ProjectInvestmentRow,
  l: LivelihoodProgressRow,
  s: SuggestionsRow,
): OverviewSummaryRow {
  return {
    pts_period: p.period,
    pts_reporting: p.reporting,
    pts_registered: p.registered,
    out_through: o.through,
    out_ytd_output: o.ytd_output,
    out_yoy: o.yoy,
    out_points: o.points,
    prj_through: j.through,
    prj_projects: j.projects,
    prj_plan: j.plan,
    prj_completed: j.completed,
    prj_completion: j.completion,
    liv_through: l.through,
    liv_items: l.items,
    liv_avg_progress: l.avg_progress,
    liv_completed: l.completed,
    sug_year: s.year,
    sug_total: s.total,
    sug_handled: s.handled,
    sug_key: s.key,
    sug_satisfaction: s.satisfaction,
  }
}
