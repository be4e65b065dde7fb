import { TABLES } from '../../src/datasets/registry'
import { makeContext, type SampleConfig, type SampleRow } from './context'
import { toCsv } from './csv'
import { generateLivelihood } from './livelihood'
import { clusterRows, generateIndicators, generateIssues, generatePoints, townRows } from './points'
import { generateProjects } from './projects'
import { REPORT_FIGURES } from './report-figures'
import { generateActivities, generateMicroSuggestions, generateSuggestions } from './supervision'

export { DEFAULT_CONFIG, type SampleConfig } from './context'

function statsRows(): SampleRow[] {
  return REPORT_FIGURES.map((f) => ({
    year: f.year,
    metric_id: f.metricId,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier ?? null,
    category: f.category,
    source: f.source,
    quote: f.quote,
  }))
}

/** Every table's rows for a config. Pure: the same config always gives the same rows. */
export function generateSampleRows(config: SampleConfig): Map<string, SampleRow[]> {
  const ctx = makeContext(config)
  const { points, rows: pointRows } = generatePoints(ctx)
  const projects = generateProjects(ctx)
  const livelihood = generateLivelihood(ctx)
  return new Map<string, SampleRow[]>([
    ['clusters', clusterRows()],
    ['towns', townRows()],
    ['observation_points', pointRows],
    ['point_indicators', generateIndicators(ctx, points)],
    ['point_issues', generateIssues(ctx, points)],
    ['key_projects', projects.projects],
    ['project_progress', projects.progress],
    ['livelihood_items', livelihood.items],
    ['livelihood_progress', livelihood.progress],
    ['supervision_stats', statsRows()],
    ['supervision_activities', generateActivities(ctx)],
    ['deputy_suggestions', generateSuggestions(ctx)],
    ['micro_suggestions', generateMicroSuggestions(ctx)],
  ])
}

/** file name → CSV text, for every table in the registry. */
export function generateSampleFiles(config: SampleConfig): Map<string, string> {
  const rows = generateSampleRows(config)
  const files = new Map<string, string>()
  for (const table of TABLES) {
    const tableRows = rows.get(table.name)
    if (!tableRows) throw new Error(`No generator for table ${table.name}`)
    files.set(`${table.name}.csv`, toCsv(table, tableRows))
  }
  return files
}
