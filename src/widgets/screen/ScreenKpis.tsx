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
import { LATEST } from '../../queries/scope'
import { CountUp } from '../../ui/CountUp'
import { trendOf } from '../../ui/Figure'
import {
  type KpiText,
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
} from '../kpi/present'
import { rowsOf, useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

/** A headline figure for the wall: the desk's query and wording, in large type, counting up on change. */
interface TileSpec<R> {
  readonly id: string
  readonly title: string
  readonly tables: readonly string[]
  readonly sql: (f: FilterSet) => string
  readonly present: (row: R) => KpiText
  /** The number that counts up, and the row with it in place, so the figure is formatted the desk's way. */
  readonly numeric: (row: R) => number
  readonly withNumber: (row: R, n: number) => R
  readonly trend?: (row: R) => number | null
}

function Tile<R>({
  spec,
  filters,
  motion,
}: {
  readonly spec: TileSpec<R>
  readonly filters: FilterSet
  readonly motion: boolean
}) {
  const data = useWidgetQuery<R>({ tables: spec.tables, sql: spec.sql(filters), retry: true })
  const row = rowsOf(data)?.[0]
  const text = row ? spec.present(row) : null
  const trend = row && spec.trend ? trendOf(spec.trend(row)) : 'none'
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      state={data.state}
      tables={spec.tables}
      showStale={row !== undefined}
      className="screen-kpi"
      error={data.state === 'error' ? data.message : undefined}
    >
      {row && text && (
        <div className="screen-kpi__figure">
          <p className="screen-kpi__value">
            <CountUp
              value={spec.numeric(row)}
              render={(n) => spec.present(spec.withNumber(row, n)).value}
              enabled={motion}
              className="screen-kpi__number"
            />
            <span className="screen-kpi__unit">{text.unit}</span>
          </p>
          {text.lines.map((line, i) => (
            <p key={i} className={`screen-kpi__line${i === 1 && spec.trend ? ` delta delta--${trend}` : ''}`}>
              {line}
            </p>
          ))}
        </div>
      )}
    </WidgetFrame>
  )
}

const POINTS: TileSpec<PointsReportingRow> = {
  id: 'screen-kpi-points',
  title: '观察点报送',
  tables: ['point_indicators', 'observation_points'],
  sql: pointsReportingSql,
  present: presentPointsReporting,
  numeric: (r) => r.reporting,
  withNumber: (r, n) => ({ ...r, reporting: Math.round(n) }),
}
const OUTPUT: TileSpec<OutputYtdRow> = {
  id: 'screen-kpi-output',
  title: '观察点累计产值',
  tables: ['point_indicators', 'observation_points'],
  sql: outputYtdSql,
  present: presentOutputYtd,
  numeric: (r) => r.ytd_output ?? 0,
  withNumber: (r, n) => ({ ...r, ytd_output: n }),
  trend: (r) => r.yoy,
}
const PROJECTS: TileSpec<ProjectInvestmentRow> = {
  id: 'screen-kpi-projects',
  title: '重点项目完成投资',
  tables: ['key_projects', 'project_progress'],
  sql: projectInvestmentSql,
  present: presentProjectInvestment,
  numeric: (r) => r.completed ?? 0,
  withNumber: (r, n) => ({ ...r, completed: n }),
}
const LIVELIHOOD: TileSpec<LivelihoodProgressRow> = {
  id: 'screen-kpi-livelihood',
  title: '民生实事平均进度',
  tables: ['livelihood_items', 'livelihood_progress'],
  sql: livelihoodProgressSql,
  present: presentLivelihood,
  numeric: (r) => r.avg_progress ?? 0,
  withNumber: (r, n) => ({ ...r, avg_progress: n }),
}
const SUGGESTIONS: TileSpec<SuggestionsRow> = {
  id: 'screen-kpi-suggestions',
  title: '代表建议办结',
  tables: ['deputy_suggestions'],
  sql: suggestionsSql,
  present: presentSuggestions,
  numeric: (r) => r.handled,
  withNumber: (r, n) => ({ ...r, handled: Math.round(n) }),
}

export const KPI_TILES = {
  points: POINTS,
  output: OUTPUT,
  projects: PROJECTS,
  livelihood: LIVELIHOOD,
  suggestions: SUGGESTIONS,
} as const

/** One headline figure, by name. */
export function ScreenKpi({ kind, motion }: { readonly kind: keyof typeof KPI_TILES; readonly motion: boolean }) {
  const spec = KPI_TILES[kind] as TileSpec<unknown>
  return <Tile spec={spec} filters={LATEST} motion={motion} />
}

/** The five headline figures of the Overview, for the wall. */
export function ScreenKpis({ motion }: { readonly motion: boolean }) {
  return (
    <div className="screen-kpis">
      {(Object.keys(KPI_TILES) as (keyof typeof KPI_TILES)[]).map((kind) => (
        <ScreenKpi key={kind} kind={kind} motion={motion} />
      ))}
    </div>
  )
}
