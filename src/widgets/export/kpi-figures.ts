import type { BriefingFigure } from '../../export/pack'
import type { FilterSet } from '../../queries/filters'
import {
  livelihoodProgressSql,
  outputYtdSql,
  pointsReportingSql,
  projectInvestmentSql,
  suggestionsSql,
} from '../../queries/kpi'
import { coordinator } from '../../state/coordinator'
import {
  type KpiText,
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
} from '../kpi/present'

/** The Overview's headline figures (the same SQL and wording as its KPI cards), for a briefing's closing page. */
interface Spec<R> {
  readonly title: string
  readonly tables: readonly string[]
  readonly sql: (filters: FilterSet) => string
  readonly has: (row: R | undefined) => boolean
  readonly present: (row: R) => KpiText
}

const spec = <R>(s: Spec<R>) => s as unknown as Spec<Record<string, unknown>>

const SPECS = [
  spec({
    title: '观察点报送',
    tables: ['point_indicators', 'observation_points'],
    sql: pointsReportingSql,
    has: (r) => Boolean(r?.registered),
    present: presentPointsReporting,
  }),
  spec({
    title: '观察点累计产值',
    tables: ['point_indicators', 'observation_points'],
    sql: outputYtdSql,
    has: (r) => Boolean(r?.through),
    present: presentOutputYtd,
  }),
  spec({
    title: '重点项目完成投资',
    tables: ['key_projects', 'project_progress'],
    sql: projectInvestmentSql,
    has: (r) => Boolean(r?.projects),
    present: presentProjectInvestment,
  }),
  spec({
    title: '民生实事平均进度',
    tables: ['livelihood_items', 'livelihood_progress'],
    sql: livelihoodProgressSql,
    has: (r) => Boolean(r?.items),
    present: presentLivelihood,
  }),
  spec({
    title: '代表建议办结',
    tables: ['deputy_suggestions'],
    sql: suggestionsSql,
    has: (r) => Boolean(r?.total),
    present: presentSuggestions,
  }),
]

export async function kpiFigures(filters: FilterSet): Promise<BriefingFigure[]> {
  const answers = await Promise.all(
    SPECS.map((s) => coordinator.query<Record<string, unknown>>(s.sql(filters), s.tables)),
  )
  const figures: BriefingFigure[] = []
  answers.forEach((r, i) => {
    const s = SPECS[i]!
    const row = r.ok ? r.value[0] : undefined
    if (!row || !s.has(row)) return
    const text = s.present(row)
    figures.push({ title: s.title, value: text.value, unit: text.unit, lines: text.lines })
  })
  return figures
}
