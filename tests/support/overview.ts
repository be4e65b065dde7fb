import type { NodeEngine } from '../../src/db/node'
import type { FilterSet } from '../../src/queries/filters'
import * as kpi from '../../src/queries/kpi'
import type { OverviewSummaryRow } from '../../src/queries/overview'
import { summaryOf } from '../../src/widgets/overview/OverviewNarrative'
import { query } from './engine'

/** The Overview narrative's facts, from the five KPI queries run in Node. */
export async function overviewSummary(engine: NodeEngine, filters: FilterSet): Promise<OverviewSummaryRow> {
  const one = async <T>(sql: string) => (await query<T>(engine, sql))[0]!
  return summaryOf(
    await one(kpi.pointsReportingSql(filters)),
    await one(kpi.outputYtdSql(filters)),
    await one(kpi.projectInvestmentSql(filters)),
    await one(kpi.livelihoodProgressSql(filters)),
    await one(kpi.suggestionsSql(filters)),
  )
}
