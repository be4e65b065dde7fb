import { warningsSql } from '../../queries/clusters'
import type { FilterSet } from '../../queries/filters'
import { livelihoodSummarySql } from '../../queries/livelihood'
import { projectsSummarySql, projectsTableSql } from '../../queries/projects'
import { from, type Query } from '../../queries/query'
import { KPIS } from '../../specs/kpis'
import { type KpiSpec, viewQuery } from '../../specs/types'
import type { Coordinator } from '../../state/coordinator'
import type { BriefingFacts } from './briefing-facts'

const FACT_QUERIES = (filters: FilterSet, warnPercent: number) => ({
  projectsSummary: from<NonNullable<BriefingFacts['projectsSummary']>>(projectsSummarySql(filters)),
  livelihoodSummary: from<NonNullable<BriefingFacts['livelihoodSummary']>>(livelihoodSummarySql(filters)),
  warnings: from<NonNullable<BriefingFacts['warnings']>[number]>(warningsSql(filters, warnPercent / 100)),
  projectsTable: from<{ name: string; behind: boolean; completion: number | null }>(projectsTableSql(filters)),
})

/** The tables the briefing's figures and attention list read: part of its source line. */
export const FACT_TABLES = [
  ...new Set([
    ...(Object.values(KPIS) as KpiSpec<unknown>[]).flatMap((k) => viewQuery(k, {}).tables),
    ...Object.values(FACT_QUERIES({}, 10)).flatMap((q) => q.tables),
  ]),
]

/**
 * The facts a briefing's figures, headline and attention list are written from: the
 * Overview's KPI specs (the coordinator answers them from the cards' own cache), the
 * projects' and livelihood pages' summaries, and the early warnings at `warnPercent`.
 */
export async function queryFacts(
  coordinator: Coordinator,
  filters: FilterSet,
  warnPercent: number,
): Promise<BriefingFacts> {
  const all = async <T>(q: Query<T>) => {
    const r = await coordinator.query<T>(q)
    return r.ok ? r.value : []
  }
  const first = async <T>(q: Query<T>) => (await all(q))[0]
  const q = FACT_QUERIES(filters, warnPercent)
  const [points, output, projects, livelihood, suggestions, projectsSummary, livelihoodSummary, warnings, table] =
    await Promise.all([
      first(viewQuery(KPIS.points, filters)),
      first(viewQuery(KPIS.output, filters)),
      first(viewQuery(KPIS.projects, filters)),
      first(viewQuery(KPIS.livelihood, filters)),
      first(viewQuery(KPIS.suggestions, filters)),
      first(q.projectsSummary),
      first(q.livelihoodSummary),
      all(q.warnings),
      all(q.projectsTable),
    ])
  return {
    ...(points ? { points } : {}),
    ...(output ? { output } : {}),
    ...(projects ? { projects } : {}),
    ...(projectsSummary ? { projectsSummary } : {}),
    ...(livelihood ? { livelihood } : {}),
    ...(livelihoodSummary ? { livelihoodSummary } : {}),
    ...(suggestions ? { suggestions } : {}),
    warnings,
    warnPercent,
    projectsBehind: table
      .filter((r) => r.behind)
      .sort((a, b) => (a.completion ?? 0) - (b.completion ?? 0))
      .map((r) => r.name),
  }
}
