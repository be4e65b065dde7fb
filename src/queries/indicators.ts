import { and, type FilterSet, pointConditions } from './filters'
import { scopeCte } from './scope'
import { quoteIdent } from './sql'

/** The monthly indicators of observation points, by column name. */
export const INDICATORS = [
  'output_value',
  'revenue',
  'tax',
  'electricity',
  'employees',
  'export_value',
  'new_orders',
  'rd_expense',
  'capacity_utilization',
] as const
export type Indicator = (typeof INDICATORS)[number]

export const INDICATOR_ANCHOR = { table: 'point_indicators', period: 'period' } as const

/**
 * `scope`, then `pairs`: one row per point and calendar month in the scope, with each
 * metric's value this year (`<m>_cur`) and in the same month last year (`<m>_prev`), and the
 * point's cluster and town. Every year-on-year figure is computed from these pairs, on a
 * like-for-like basis (同口径): a month counts only when both years reported it.
 */
export function pairsCtes(filters: FilterSet, metrics: readonly Indicator[]): string {
  const m = metrics.map(quoteIdent)
  return `${scopeCte(filters, INDICATOR_ANCHOR)},
indicator_rows AS (
  SELECT i."point_id", p."cluster_id", p."town_id", coalesce(p."german_cooperation", FALSE) AS "german", CAST(substr(i."period", 6, 2) AS INTEGER) AS "month", i."period",
    i."period" >= scope."start" AS "is_current"${m.map((c) => `, i.${c}`).join('')}
  FROM "point_indicators" i JOIN "observation_points" p USING ("point_id"), scope
  WHERE (i."period" BETWEEN scope."start" AND scope."through" OR i."period" BETWEEN scope."prior_start" AND scope."prior_through")${and(pointConditions(filters, 'p'))}
), pairs AS (
  SELECT "point_id", "cluster_id", "town_id", "german", "month",
    max("period") FILTER (WHERE "is_current") AS "period"${metrics
      .map((metric) => {
        const c = quoteIdent(metric)
        return `,\n    sum(${c}) FILTER (WHERE "is_current") AS ${quoteIdent(`${metric}_cur`)}, sum(${c}) FILTER (WHERE NOT "is_current") AS ${quoteIdent(`${metric}_prev`)}`
      })
      .join('')}
  FROM indicator_rows GROUP BY ALL
)`
}

const cur = (metric: Indicator) => quoteIdent(`${metric}_cur`)
const prev = (metric: Indicator) => quoteIdent(`${metric}_prev`)
const matched = (metric: Indicator) => `${cur(metric)} IS NOT NULL AND ${prev(metric)} IS NOT NULL`

/** The scope's total of a metric (every reported month). */
export function ytd(metric: Indicator): string {
  return `sum(${cur(metric)})`
}

/** Like-for-like growth over the same months last year; NULL without a base. */
export function yoy(metric: Indicator): string {
  return `sum(${cur(metric)}) FILTER (WHERE ${matched(metric)}) / nullif(sum(${prev(metric)}) FILTER (WHERE ${matched(metric)}), 0) - 1`
}

/** Average over the reported months (for headcount and utilisation, where sums mean nothing). */
export function average(metric: Indicator): string {
  return `avg(${cur(metric)})`
}
