import { warningsSql } from '../../queries/clusters'
import type { FilterSet } from '../../queries/filters'
import {
  livelihoodProgressSql,
  outputYtdSql,
  pointsReportingSql,
  projectInvestmentSql,
  suggestionsSql,
} from '../../queries/kpi'
import { livelihoodSummarySql } from '../../queries/livelihood'
import { projectsSummarySql, projectsTableSql } from '../../queries/projects'
import { coordinator } from '../../state/coordinator'
import type { BriefingFacts } from './briefing-facts'

const POINTS = ['point_indicators', 'observation_points']
const PROJECTS = ['key_projects', 'project_progress']
const LIVELIHOOD = ['livelihood_items', 'livelihood_progress']

/** The tables the briefing's figures and attention list read: part of its source line. */
export const FACT_TABLES = [...POINTS, 'clusters', 'towns', ...PROJECTS, ...LIVELIHOOD, 'deputy_suggestions']

/**
 * The facts a briefing's figures, headline and attention list are written from: the
 * Overview's KPI queries (the coordinator answers them from the cards' own cache), the
 * projects' and livelihood pages' summaries, and the early warnings at `warnPercent`.
 */
export async function queryFacts(filters: FilterSet, warnPercent: number): Promise<BriefingFacts> {
  const first = async <T>(sql: Parameters<typeof coordinator.query>[0], tables: readonly string[]) => {
    const r = await coordinator.query<T>(sql, tables)
    return r.ok ? r.value[0] : undefined
  }
  const all = async <T>(sql: Parameters<typeof coordinator.query>[0], tables: readonly string[]) => {
    const r = await coordinator.query<T>(sql, tables)
    return r.ok ? r.value : []
  }
  const [points, output, projects, projectsSummary, livelihood, livelihoodSummary, suggestions, warnings, table] =
    await Promise.all([
      first<BriefingFacts['points']>(pointsReportingSql(filters), POINTS),
      first<BriefingFacts['output']>(outputYtdSql(filters), POINTS),
      first<BriefingFacts['projects']>(projectInvestmentSql(filters), PROJECTS),
      first<BriefingFacts['projectsSummary']>(projectsSummarySql(filters), [...PROJECTS, 'clusters', 'towns']),
      first<BriefingFacts['livelihood']>(livelihoodProgressSql(filters), LIVELIHOOD),
      first<BriefingFacts['livelihoodSummary']>(livelihoodSummarySql(filters), LIVELIHOOD),
      first<BriefingFacts['suggestions']>(suggestionsSql(filters), ['deputy_suggestions']),
      all<NonNullable<BriefingFacts['warnings']>[number]>(warningsSql(filters, warnPercent / 100), [
        ...POINTS,
        'clusters',
        'towns',
      ]),
      all<{ name: string; behind: boolean; completion: number | null }>(projectsTableSql(filters), [
        ...PROJECTS,
        'clusters',
        'towns',
      ]),
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
