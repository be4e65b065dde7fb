import { cubeConditions, cubeYoy, monthCube, pointCube } from './cubes'
import type { SqlQuery } from './derived'
import { and, type FilterSet, pointConditions } from './filters'
import type { Indicator } from './indicators'
import { numberLiteral, quoteIdent, quoteLiteral } from './sql'

/**
 * The industry-clusters page ("3+3"): every builder takes the page's filters. The queries
 * that cross-filter read the scope's pre-aggregated cubes (see cubes.ts), so a click costs a
 * scan of a few thousand rows, not of every monthly row. Output is in 万元; rates are fractions.
 */

const q = quoteIdent
const clusterWhere = (filters: FilterSet, column: string) =>
  filters.clusters?.length ? `WHERE ${column} IN (${filters.clusters.map(quoteLiteral).join(', ')})` : ''
/** Growth of one cube row's metric. */
const rowYoy = (m: string) => `k."${m}_mcur" / nullif(k."${m}_mprev", 0) - 1`

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
export function clusterYtdSql(filters: FilterSet): SqlQuery {
  const cube = pointCube(filters)
  const t = q(cube.name)
  return {
    derived: [cube],
    sql: `WITH by_cluster AS (
  SELECT "cluster_id", sum("output_value_cur") AS "ytd_output", ${cubeYoy('output_value')} AS "yoy",
    count(*) FILTER (WHERE "output_value_months" > 0) AS "points"
  FROM ${t} k WHERE TRUE${and(cubeConditions({ ...filters, clusters: undefined }, 'k'))} GROUP BY "cluster_id"
), s AS (SELECT any_value("start") AS "start", any_value("through") AS "through" FROM ${t})
SELECT c."cluster_id", c."name", c."cluster_group", s."start", s."through",
  b."ytd_output", b."yoy", b."ytd_output" / nullif(sum(b."ytd_output") OVER (), 0) AS "share", coalesce(b."points", 0) AS "points"
FROM "clusters" c LEFT JOIN by_cluster b USING ("cluster_id"), s
${clusterWhere(filters, 'c."cluster_id"')}
ORDER BY c."sort_order"`,
  }
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
export function clusterMonthlySql(filters: FilterSet): SqlQuery {
  const cube = monthCube(filters)
  const t = q(cube.name)
  return {
    derived: [cube],
    sql: `WITH s AS (SELECT any_value("year") AS "year", any_value("from_month") AS "from_month", any_value("to_month") AS "to_month" FROM ${t}),
months AS (SELECT m AS "month" FROM range(1, 13) r(m), s WHERE m BETWEEN s."from_month" AND s."to_month"),
cells AS (
  SELECT "cluster_id", "month", sum("output_value_cur") AS "output", sum("output_value_prev") AS "prior_output", ${cubeYoy('output_value')} AS "yoy"
  FROM ${t} k WHERE TRUE${and(cubeConditions({ ...filters, clusters: undefined }, 'k'))} GROUP BY "cluster_id", "month"
)
SELECT printf('%04d-%02d', s."year", months."month") AS "period", months."month", c."cluster_id", c."name",
  cells."output", cells."prior_output", cells."yoy"
FROM months CROSS JOIN "clusters" c LEFT JOIN cells ON cells."cluster_id" = c."cluster_id" AND cells."month" = months."month", s
${clusterWhere(filters, 'c."cluster_id"')}
ORDER BY months."month", c."sort_order"`,
  }
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
export function pointRankingSql(filters: FilterSet, limit = 19): SqlQuery {
  const cube = pointCube(filters)
  return {
    derived: [cube],
    sql: `SELECT k."point_id", k."name", k."cluster_id", k."cluster", k."output_value_cur" AS "ytd_output", ${rowYoy('output_value')} AS "yoy"
FROM ${q(cube.name)} k
WHERE k."output_value_cur" IS NOT NULL${and(cubeConditions(filters, 'k'))}
ORDER BY "ytd_output" DESC, k."point_id" LIMIT ${numberLiteral(limit)}`,
  }
}

/** The metrics the early warning watches. */
export const WARNING_METRICS = [
  'output_value',
  'tax',
  'electricity',
  'employees',
] as const satisfies readonly Indicator[]

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
  /** How many points are on the list in all (the rows are the worst of them). */
  readonly listed: number
}

/**
 * 经济运行预警: points where any watched metric fell year on year (like-for-like, over the
 * scope) by more than `threshold` (a fraction: 0.1 means a fall of over 10%). Headcount is
 * compared over the matched months too, so the ratio of sums is the ratio of averages.
 * The worst `limit` points come back, each row with the count of all points on the list.
 */
export function warningsSql(filters: FilterSet, threshold: number, limit = 100): SqlQuery {
  if (!(threshold > 0 && threshold < 1)) throw new Error(`threshold must be a fraction in (0, 1), got ${threshold}`)
  const t = numberLiteral(threshold)
  const cube = pointCube(filters)
  return {
    derived: [cube],
    sql: `WITH rates AS (
  SELECT k."point_id", k."name", k."cluster", k."town", k."through", ${WARNING_METRICS.map((m) => `${rowYoy(m)} AS "${m}_yoy"`).join(', ')}
  FROM ${q(cube.name)} k WHERE TRUE${and(cubeConditions(filters, 'k'))}
)
SELECT r."point_id", r."name", r."cluster", r."town", r."through",
  ${WARNING_METRICS.map((m) => `r."${m}_yoy"`).join(', ')}, count(*) OVER () AS "listed"
FROM rates r
WHERE ${WARNING_METRICS.map((m) => `r."${m}_yoy" < -${t}`).join(' OR ')}
ORDER BY least(${WARNING_METRICS.map((m) => `coalesce(r."${m}_yoy", 0)`).join(', ')}), r."point_id"
LIMIT ${numberLiteral(limit)}`,
  }
}

export interface IssueCategoryRow {
  readonly category: string
  readonly total: number
  readonly resolved: number
  readonly open: number
}

/** Problems the points reported in the scope, by category, with how many are resolved. The scope comes from the point cube. */
export function issuesByCategorySql(filters: FilterSet): SqlQuery {
  const cube = pointCube(filters)
  return {
    derived: [cube],
    sql: `WITH s AS (SELECT any_value("start") AS "start", any_value("through") AS "through" FROM ${q(cube.name)})
SELECT i."category", count(*) AS "total", count(*) FILTER (WHERE i."status" = '已办结') AS "resolved",
  count(*) FILTER (WHERE i."status" <> '已办结') AS "open"
FROM "point_issues" i JOIN "observation_points" p USING ("point_id"), s
WHERE strftime(i."reported_on", '%Y-%m') BETWEEN s."start" AND s."through"${and(pointConditions(filters, 'p'))}
GROUP BY i."category" ORDER BY "total" DESC, i."category"`,
  }
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

/** The points table of the page: one row per point with its figures for the scope. A subquery for the browsing grid. */
export function pointsTableSql(filters: FilterSet): SqlQuery {
  const cube = pointCube(filters)
  return {
    derived: [cube],
    sql: `SELECT k."point_id", k."name", k."cluster", k."town", k."output_value_cur" AS "ytd_output", ${rowYoy('output_value')} AS "output_yoy",
  k."revenue_cur" AS "ytd_revenue", k."tax_cur" AS "ytd_tax", ${rowYoy('tax')} AS "tax_yoy",
  k."electricity_cur" AS "ytd_electricity", ${rowYoy('electricity')} AS "electricity_yoy",
  round(k."employees_cur" / nullif(k."employees_months", 0)) AS "avg_employees", k."output_value_months" AS "months_reported",
  coalesce(o."open", 0) AS "open_issues"
FROM ${q(cube.name)} k
LEFT JOIN (SELECT "point_id", count(*) AS "open" FROM "point_issues" WHERE "status" <> '已办结' GROUP BY "point_id") o USING ("point_id")
WHERE k."output_value_months" > 0${and(cubeConditions(filters, 'k'))}`,
  }
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
export function clustersSummarySql(filters: FilterSet): SqlQuery {
  const cube = pointCube(filters)
  const group = (g: string, col: string) => `sum(k."${col}") FILTER (WHERE k."cluster_group" = '${g}')`
  return {
    derived: [cube],
    sql: `SELECT (SELECT any_value("start") FROM ${q(cube.name)}) AS "start", max(k."last_period") AS "through",
  count(*) FILTER (WHERE k."output_value_months" > 0) AS "points",
  sum(k."output_value_cur") AS "ytd_output", ${cubeYoy('output_value', 'k')} AS "yoy",
  ${group('主导产业', 'output_value_cur')} AS "leading_output",
  ${group('主导产业', 'output_value_mcur')} / nullif(${group('主导产业', 'output_value_mprev')}, 0) - 1 AS "leading_yoy",
  ${group('特色产业', 'output_value_cur')} AS "featured_output",
  ${group('特色产业', 'output_value_mcur')} / nullif(${group('特色产业', 'output_value_mprev')}, 0) - 1 AS "featured_yoy",
  count(*) FILTER (WHERE k."output_value_mcur" < k."output_value_mprev") AS "falling_points"
FROM ${q(cube.name)} k
WHERE TRUE${and(cubeConditions(filters, 'k'))}`,
  }
}
