import { and, pointConditions, type FilterSet } from './filters'
import { average, INDICATOR_ANCHOR, pairsCtes, yoy, ytd, type Indicator } from './indicators'
import { scopeCte } from './scope'
import { numberLiteral, quoteLiteral } from './sql'

/**
 * The industry-clusters page ("3+3"): every builder takes the page's filters and returns SQL.
 * Output is in 万元; growth rates are fractions.
 */

export interface ClusterYtdRow {
  readonly cluster_id: string
  readonly name: string
  readonly cluster_group: string
  readonly start: string
  readonly through: string
  readonly ytd_output: number | null
  readonly yoy: number | null
  readonly share: number | null
  readonly points: number
}

/** Year-to-date output, like-for-like growth and share of each cluster (every cluster, even one without data). */
export function clusterYtdSql(filters: FilterSet): string {
  return `WITH ${pairsCtes(filters, ['output_value'])},
by_cluster AS (
  SELECT "cluster_id", ${ytd('output_value')} AS "ytd_output", ${yoy('output_value')} AS "yoy",
    count(DISTINCT "point_id") FILTER (WHERE "output_value_cur" IS NOT NULL) AS "points"
  FROM pairs GROUP BY "cluster_id"
)
SELECT c."cluster_id", c."name", c."cluster_group", scope."start", scope."through",
  b."ytd_output", b."yoy", b."ytd_output" / nullif(sum(b."ytd_output") OVER (), 0) AS "share", coalesce(b."points", 0) AS "points"
FROM "clusters" c LEFT JOIN by_cluster b USING ("cluster_id"), scope
${filters.clusters?.length ? `WHERE c."cluster_id" IN (${filters.clusters.map(quoteLiteral).join(', ')})` : ''}
ORDER BY c."sort_order"`
}

export interface ClusterMonthRow {
  readonly period: string
  readonly month: number
  readonly cluster_id: string
  readonly name: string
  readonly output: number | null
  readonly prior_output: number | null
  readonly yoy: number | null
}

/** Each cluster's output month by month in the scope, with the same month last year and the like-for-like growth. */
export function clusterMonthlySql(filters: FilterSet): string {
  return `WITH ${pairsCtes(filters, ['output_value'])},
months AS (SELECT m AS "month" FROM range(1, 13) t(m), scope WHERE m BETWEEN scope."from_month" AND scope."to_month"),
cells AS (
  SELECT "cluster_id", "month", ${ytd('output_value')} AS "output", sum("output_value_prev") AS "prior_output", ${yoy('output_value')} AS "yoy"
  FROM pairs GROUP BY "cluster_id", "month"
)
SELECT printf('%04d-%02d', scope."year", months."month") AS "period", months."month", c."cluster_id", c."name",
  cells."output", cells."prior_output", cells."yoy"
FROM months CROSS JOIN "clusters" c LEFT JOIN cells ON cells."cluster_id" = c."cluster_id" AND cells."month" = months."month", scope
${filters.clusters?.length ? `WHERE c."cluster_id" IN (${filters.clusters.map(quoteLiteral).join(', ')})` : ''}
ORDER BY months."month", c."sort_order"`
}

export interface PointRankRow {
  readonly point_id: string
  readonly name: string
  readonly cluster_id: string
  readonly cluster: string
  readonly ytd_output: number | null
  readonly yoy: number | null
}

/** Points ranked by year-to-date output. */
export function pointRankingSql(filters: FilterSet, limit = 19): string {
  return `WITH ${pairsCtes(filters, ['output_value'])}
SELECT pairs."point_id", p."name", pairs."cluster_id", c."name" AS "cluster", ${ytd('output_value')} AS "ytd_output", ${yoy('output_value')} AS "yoy"
FROM pairs JOIN "observation_points" p USING ("point_id") JOIN "clusters" c ON c."cluster_id" = pairs."cluster_id"
GROUP BY ALL HAVING ${ytd('output_value')} IS NOT NULL
ORDER BY "ytd_output" DESC, pairs."point_id" LIMIT ${numberLiteral(limit)}`
}

/** The metrics the early warning watches, and how each is compared. */
export const WARNING_METRICS = ['output_value', 'tax', 'electricity', 'employees'] as const satisfies readonly Indicator[]

export interface WarningRow {
  readonly point_id: string
  readonly name: string
  readonly cluster: string
  readonly town: string
  readonly through: string
  readonly output_value_yoy: number | null
  readonly tax_yoy: number | null
  readonly electricity_yoy: number | null
  readonly employees_yoy: number | null
}

/**
 * 经济运行预警: points where any watched metric fell year on year (like-for-like, over the
 * scope) by more than `threshold` (a fraction: 0.1 means a fall of over 10%). Headcount is
 * compared as the average over the matched months.
 */
export function warningsSql(filters: FilterSet, threshold: number): string {
  if (!(threshold > 0 && threshold < 1)) throw new Error(`threshold must be a fraction in (0, 1), got ${threshold}`)
  const t = numberLiteral(threshold)
  return `WITH ${pairsCtes(filters, WARNING_METRICS)},
by_point AS (
  SELECT "point_id", ${WARNING_METRICS.map((m) => `${yoy(m)} AS "${m}_yoy"`).join(', ')}
  FROM pairs GROUP BY "point_id"
)
SELECT b."point_id", p."name", c."name" AS "cluster", tw."name" AS "town", scope."through",
  ${WARNING_METRICS.map((m) => `b."${m}_yoy"`).join(', ')}
FROM by_point b JOIN "observation_points" p USING ("point_id") JOIN "clusters" c USING ("cluster_id") JOIN "towns" tw USING ("town_id"), scope
WHERE ${WARNING_METRICS.map((m) => `b."${m}_yoy" < -${t}`).join(' OR ')}
ORDER BY least(${WARNING_METRICS.map((m) => `coalesce(b."${m}_yoy", 0)`).join(', ')}), b."point_id"`
}

export interface IssueCategoryRow {
  readonly category: string
  readonly total: number
  readonly resolved: number
  readonly open: number
}

/** Problems the points reported in the scope, by category, with how many are resolved. */
export function issuesByCategorySql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, INDICATOR_ANCHOR)}
SELECT i."category", count(*) AS "total", count(*) FILTER (WHERE i."status" = '已办结') AS "resolved",
  count(*) FILTER (WHERE i."status" <> '已办结') AS "open"
FROM "point_issues" i JOIN "observation_points" p USING ("point_id"), scope
WHERE strftime(i."reported_on", '%Y-%m') BETWEEN scope."start" AND scope."through"${and(pointConditions(filters, 'p'))}
GROUP BY i."category" ORDER BY "total" DESC, i."category"`
}

export interface PointSeriesRow {
  readonly period: string
  readonly output_value: number | null
  readonly revenue: number | null
  readonly tax: number | null
  readonly electricity: number | null
  readonly employees: number | null
  readonly export_value: number | null
  readonly new_orders: number | null
  readonly rd_expense: number | null
  readonly capacity_utilization: number | null
}

/** Every month of one point, all indicators. */
export function pointSeriesSql(pointId: string): string {
  return `SELECT "period", "output_value", "revenue", "tax", "electricity", "employees", "export_value", "new_orders", "rd_expense", "capacity_utilization"
FROM "point_indicators" WHERE "point_id" = ${quoteLiteral(pointId)} ORDER BY "period"`
}

export interface PointProfileRow {
  readonly point_id: string
  readonly name: string
  readonly cluster: string
  readonly town: string
  readonly industry: string | null
  readonly established_on: string
  readonly deputy: string | null
  readonly ownership: string | null
  readonly german_cooperation: boolean | null
  readonly employees: number | null
}

export function pointProfileSql(pointId: string): string {
  return `SELECT p."point_id", p."name", c."name" AS "cluster", t."name" AS "town", p."industry", p."established_on", p."deputy", p."ownership", p."german_cooperation", p."employees"
FROM "observation_points" p LEFT JOIN "clusters" c USING ("cluster_id") LEFT JOIN "towns" t USING ("town_id")
WHERE p."point_id" = ${quoteLiteral(pointId)}`
}

export interface PointIssueRow {
  readonly issue_id: string
  readonly reported_on: string
  readonly category: string
  readonly summary: string
  readonly status: string
  readonly handling_unit: string | null
  readonly closed_on: string | null
}

export function pointIssuesSql(pointId: string): string {
  return `SELECT "issue_id", "reported_on", "category", "summary", "status", "handling_unit", "closed_on"
FROM "point_issues" WHERE "point_id" = ${quoteLiteral(pointId)} ORDER BY "reported_on" DESC`
}

/** The points table of the page: one row per point with its year-to-date figures. A subquery for the browsing grid. */
export function pointsTableSql(filters: FilterSet): string {
  return `WITH ${pairsCtes(filters, ['output_value', 'revenue', 'tax', 'electricity', 'employees'])},
by_point AS (
  SELECT "point_id", ${ytd('output_value')} AS "ytd_output", ${yoy('output_value')} AS "output_yoy",
    ${ytd('revenue')} AS "ytd_revenue", ${ytd('tax')} AS "ytd_tax", ${yoy('tax')} AS "tax_yoy",
    ${ytd('electricity')} AS "ytd_electricity", ${yoy('electricity')} AS "electricity_yoy",
    round(${average('employees')}) AS "avg_employees", count("output_value_cur") AS "months_reported"
  FROM pairs GROUP BY "point_id"
)
SELECT p."point_id", p."name", c."name" AS "cluster", t."name" AS "town", b."ytd_output", b."output_yoy", b."ytd_revenue", b."ytd_tax", b."tax_yoy",
  b."ytd_electricity", b."electricity_yoy", b."avg_employees", b."months_reported",
  (SELECT count(*) FROM "point_issues" i WHERE i."point_id" = p."point_id" AND i."status" <> '已办结') AS "open_issues"
FROM "observation_points" p JOIN by_point b USING ("point_id") JOIN "clusters" c USING ("cluster_id") JOIN "towns" t USING ("town_id")`
}

export interface ClustersSummaryRow {
  readonly start: string | null
  readonly through: string | null
  readonly points: number
  readonly ytd_output: number | null
  readonly yoy: number | null
  readonly leading_output: number | null
  readonly leading_yoy: number | null
  readonly featured_output: number | null
  readonly featured_yoy: number | null
  readonly falling_points: number
}

/** The figures the page's opening sentence is written from. */
export function clustersSummarySql(filters: FilterSet): string {
  return `WITH ${pairsCtes(filters, ['output_value'])},
grouped AS (SELECT pairs.*, c."cluster_group" FROM pairs JOIN "clusters" c USING ("cluster_id")),
per_point AS (SELECT "point_id", ${yoy('output_value')} AS "yoy" FROM pairs GROUP BY "point_id")
SELECT any_value(scope."start") AS "start", max(g."period") AS "through",
  count(DISTINCT g."point_id") FILTER (WHERE g."output_value_cur" IS NOT NULL) AS "points",
  ${ytd('output_value')} AS "ytd_output", ${yoy('output_value')} AS "yoy",
  sum("output_value_cur") FILTER (WHERE "cluster_group" = '主导产业') AS "leading_output",
  sum("output_value_cur") FILTER (WHERE "cluster_group" = '主导产业' AND "output_value_cur" IS NOT NULL AND "output_value_prev" IS NOT NULL)
    / nullif(sum("output_value_prev") FILTER (WHERE "cluster_group" = '主导产业' AND "output_value_cur" IS NOT NULL AND "output_value_prev" IS NOT NULL), 0) - 1 AS "leading_yoy",
  sum("output_value_cur") FILTER (WHERE "cluster_group" = '特色产业') AS "featured_output",
  sum("output_value_cur") FILTER (WHERE "cluster_group" = '特色产业' AND "output_value_cur" IS NOT NULL AND "output_value_prev" IS NOT NULL)
    / nullif(sum("output_value_prev") FILTER (WHERE "cluster_group" = '特色产业' AND "output_value_cur" IS NOT NULL AND "output_value_prev" IS NOT NULL), 0) - 1 AS "featured_yoy",
  (SELECT count(*) FROM per_point WHERE "yoy" < 0) AS "falling_points"
FROM grouped g, scope`
}

export { scopeCte }
