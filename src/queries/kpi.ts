import { and, type FilterSet, pointConditions, projectConditions } from './filters'
import { type ScopeAnchor, scopeCte } from './scope'

/** Each KPI's "latest", when no scope is given, is its own table's latest month or year. */
export const KPI_ANCHORS = {
  points: { table: 'point_indicators', period: 'period' },
  output: { table: 'point_indicators', period: 'period' },
  projects: { table: 'project_progress', period: 'period' },
  livelihood: { table: 'livelihood_progress', period: 'period' },
  suggestions: { table: 'deputy_suggestions', year: 'year' },
} as const satisfies Record<string, ScopeAnchor>

/**
 * The headline figures of the Overview. Each builder is pure: scope in, SQL out. Money is
 * in 万元; ratios are fractions (0.052 = 5.2%). Every query starts from the `scope` CTE.
 */

export interface PointsReportingRow {
  readonly period: string | null
  readonly reporting: number
  readonly registered: number
}

/**
 * Observation points with a row for the scope's month, of all points registered. Joins
 * rather than correlated subqueries: the engine plans them with less machinery, which is
 * measurably faster on a cold start.
 */
export function pointsReportingSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, KPI_ANCHORS.points)},
reporting AS (
  SELECT count(DISTINCT i."point_id") AS "reporting"
  FROM "point_indicators" i JOIN "observation_points" p USING ("point_id"), scope
  WHERE i."period" = scope."through"${and(pointConditions(filters, 'p'))}
), registered AS (
  SELECT count(*) AS "registered" FROM "observation_points" p WHERE TRUE${and(pointConditions(filters, 'p'))}
)
SELECT scope."through" AS "period", reporting."reporting", registered."registered"
FROM scope, reporting, registered`
}

export interface OutputYtdRow {
  /** The latest month with data in the scope; null when the year has none. */
  readonly through: string | null
  readonly ytd_output: number | null
  readonly prior_ytd_output: number | null
  /** Year-on-year growth on a like-for-like basis; null without a comparable base. */
  readonly yoy: number | null
  /** Points that reported in the scope. */
  readonly points: number
}

/**
 * Year-to-date output and its year-on-year growth, in one pass over the indicators. Growth
 * is like-for-like (同口径): only point-months reported in both years count, so a point that
 * has not reported its latest month yet, or joined later, does not distort the rate. The YTD
 * total is every reported row.
 */
export function outputYtdSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, KPI_ANCHORS.output)},
rows AS (
  SELECT i."point_id", substr(i."period", 6, 2) AS "month", i."period", i."output_value",
    i."period" >= scope."start" AS "is_current"
  FROM "point_indicators" i JOIN "observation_points" p USING ("point_id"), scope
  WHERE (i."period" BETWEEN scope."start" AND scope."through" OR i."period" BETWEEN scope."prior_start" AND scope."prior_through")${and(pointConditions(filters, 'p'))}
), pairs AS (
  SELECT "point_id", "month",
    bool_or("is_current") AS "reported",
    max("period") FILTER (WHERE "is_current") AS "last_period",
    sum("output_value") FILTER (WHERE "is_current") AS "cur",
    sum("output_value") FILTER (WHERE NOT "is_current") AS "prev"
  FROM rows GROUP BY "point_id", "month"
)
SELECT max("last_period") AS "through",
  sum("cur") AS "ytd_output",
  sum("prev") AS "prior_ytd_output",
  sum("cur") FILTER (WHERE "cur" IS NOT NULL AND "prev" IS NOT NULL)
    / nullif(sum("prev") FILTER (WHERE "cur" IS NOT NULL AND "prev" IS NOT NULL), 0) - 1 AS "yoy",
  count(DISTINCT "point_id") FILTER (WHERE "reported") AS "points"
FROM pairs`
}

export interface ProjectInvestmentRow {
  readonly through: string | null
  readonly projects: number
  readonly plan: number | null
  readonly completed: number | null
  readonly completion: number | null
}

/** The year's key projects: investment completed to date against the annual plan. */
export function projectInvestmentSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, KPI_ANCHORS.projects)},
listed AS (
  SELECT p."project_id", p."year_plan_investment" FROM "key_projects" p, scope WHERE p."year" = scope."year"${and(projectConditions(filters, 'p'))}
), done AS (
  SELECT max(pp."period") AS "through", sum(pp."investment_completed") AS "completed"
  FROM "project_progress" pp JOIN listed USING ("project_id"), scope
  WHERE pp."period" BETWEEN scope."start" AND scope."through"
), plan AS (
  SELECT count(*) AS "projects", sum("year_plan_investment") AS "plan" FROM listed
)
SELECT done."through", plan."projects", plan."plan", done."completed",
  CASE WHEN plan."plan" > 0 THEN coalesce(done."completed", 0) / plan."plan" END AS "completion"
FROM done, plan`
}

export interface LivelihoodProgressRow {
  readonly through: string | null
  readonly items: number
  /** Mean of each item's latest progress, in percent; items without a report count as 0. */
  readonly avg_progress: number | null
  readonly completed: number
}

/**
 * The year's livelihood items: average progress at each item's latest report from January to
 * the end of the scope (as the Livelihood page counts it: an item finished in March and no
 * longer reporting is still finished in a range that starts in April).
 */
export function livelihoodProgressSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, KPI_ANCHORS.livelihood)},
items AS (
  SELECT li."item_id" FROM "livelihood_items" li, scope WHERE li."year" = scope."year"
), latest AS (
  SELECT lp."item_id", arg_max(lp."progress_pct", lp."period") AS "progress", max(lp."period") AS "period"
  FROM "livelihood_progress" lp JOIN items USING ("item_id"), scope
  WHERE lp."period" BETWEEN printf('%04d-01', scope."year") AND scope."through"
  GROUP BY lp."item_id"
)
SELECT max(latest."period") AS "through",
  count(*) AS "items",
  avg(coalesce(latest."progress", 0)) AS "avg_progress",
  count(*) FILTER (WHERE latest."progress" >= 100) AS "completed"
FROM items LEFT JOIN latest USING ("item_id")`
}

export interface SuggestionsRow {
  readonly year: number | null
  readonly total: number
  readonly handled: number
  readonly key: number
  readonly rated: number
  /** Share of rated replies marked 满意 or 基本满意. */
  readonly satisfaction: number | null
}

/** The session year's deputies' suggestions: handled, key, and satisfaction. */
export function suggestionsSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, KPI_ANCHORS.suggestions)}
SELECT any_value(scope."year") AS "year",
  count(s."suggestion_id") AS "total",
  count(*) FILTER (WHERE s."status" = '已办结') AS "handled",
  count(*) FILTER (WHERE s."is_key") AS "key",
  count(s."satisfaction") AS "rated",
  CASE WHEN count(s."satisfaction") > 0
    THEN (count(*) FILTER (WHERE s."satisfaction" IN ('满意', '基本满意')))::DOUBLE / count(s."satisfaction") END AS "satisfaction"
FROM scope LEFT JOIN "deputy_suggestions" s ON s."year" = scope."year"`
}
