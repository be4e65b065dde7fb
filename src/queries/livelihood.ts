import { type FilterSet, without } from './filters'
import { scopeCte } from './scope'
import { inList, numberLiteral, quoteLiteral } from './sql'

/**
 * The livelihood-items page (民生实事). Items are voted by the deputies at the January session
 * and reported monthly from February; progress, spend and completed amounts are cumulative,
 * so an item's position at a month is its latest report of the year up to that month (a
 * month range that starts later does not reset what was done before it).
 */
export const LIVELIHOOD_ANCHOR = { table: 'livelihood_progress', period: 'period' } as const

/**
 * Expected progress (序时进度) at month m: work starts after the January vote, so 0% at
 * January and linear to 100% at December — (m − 1) / 11 (February 9.1%, October 81.8%).
 * There is no per-item deadline in the data; every item is a one-year commitment.
 */
export const expectedSql = (month: string) => `least(100, greatest(0, (${month} - 1) * 100.0 / 11))`

/**
 * Behind schedule (进度滞后): an item's latest progress is more than BEHIND_POINTS percentage
 * points below the expected progress. The one place this rule is written down.
 */
export const BEHIND_POINTS = 15
export const behindSql = (progress: string, month: string) =>
  `(${progress} < ${expectedSql(month)} - ${numberLiteral(BEHIND_POINTS)})`

/**
 * The year's items with their position as of the latest month reported in the scope
 * ("judged": the whole page is judged at one month, whatever category is selected, and a
 * range that ends after the last report is judged at the last report, not against a
 * December nobody has reported yet).
 */
function base(filters: FilterSet): string {
  const category = filters.categories?.length ? ` AND ${inList('li."category"', filters.categories)}` : ''
  return `${scopeCte(filters, LIVELIHOOD_ANCHOR)},
year_reports AS (
  SELECT lp.* FROM "livelihood_progress" lp JOIN "livelihood_items" li USING ("item_id"), scope
  WHERE li."year" = scope."year" AND lp."period" BETWEEN printf('%04d-01', scope."year") AND scope."through"
),
judged AS (
  SELECT max(yr."period") AS "period", coalesce(CAST(substr(max(yr."period"), 6, 2) AS INTEGER), any_value(scope."to_month")) AS "month"
  FROM scope LEFT JOIN year_reports yr ON TRUE
),
items AS (SELECT li.* FROM "livelihood_items" li, scope WHERE li."year" = scope."year"${category}),
latest AS (
  SELECT yr."item_id", max(yr."period") AS "period", arg_max(yr."progress_pct", yr."period") AS "progress",
    arg_max(yr."spent", yr."period") AS "spent", arg_max(yr."completed_value", yr."period") AS "completed_value"
  FROM year_reports yr JOIN items USING ("item_id")
  GROUP BY yr."item_id"
),
survey AS (
  -- The year-end satisfaction survey, in December; only once the scope reaches December.
  SELECT lp."item_id", lp."satisfaction" FROM "livelihood_progress" lp JOIN items USING ("item_id"), scope
  WHERE scope."to_month" = 12 AND lp."period" = printf('%04d-12', scope."year") AND lp."satisfaction" IS NOT NULL
),
rows AS (
  SELECT i.*, coalesce(l."progress", 0) AS "progress", coalesce(l."spent", 0) AS "spent", l."completed_value", l."period",
    ${expectedSql('judged."month"')} AS "expected",
    ${behindSql('coalesce(l."progress", 0)', 'judged."month"')} AS "behind",
    i."votes_for"::DOUBLE / nullif(i."votes_cast", 0) AS "vote_rate",
    coalesce(l."spent", 0) / nullif(i."budget", 0) AS "spend_rate",
    s."satisfaction"
  FROM items i LEFT JOIN latest l USING ("item_id") LEFT JOIN survey s USING ("item_id"), judged
)`
}

export interface ItemRow {
  readonly item_id: string
  readonly year: number
  readonly name: string
  readonly category: string
  readonly responsible_unit: string
  readonly target: string
  readonly target_value: number | null
  readonly target_unit: string | null
  readonly votes_for: number
  readonly votes_cast: number
  readonly vote_rate: number | null
  readonly budget: number
  readonly spent: number
  readonly spend_rate: number | null
  readonly completed_value: number | null
  /** Latest cumulative progress, %; 0 for an item not yet reported. */
  readonly progress: number
  /** Expected progress at the month the page is judged at, %. */
  readonly expected: number
  readonly behind: boolean
  readonly satisfaction: number | null
  /** The month of the item's latest report in the scope. */
  readonly period: string | null
}

/** Every item of the year with its latest position in the scope, least advanced first. */
export function livelihoodItemsSql(filters: FilterSet): string {
  return `WITH ${base(filters)}
SELECT "item_id", "year", "name", "category", "responsible_unit", "target", "target_value", "target_unit", "votes_for", "votes_cast", "vote_rate",
  "budget", "spent", "spend_rate", "completed_value", "progress", "expected", "behind", "satisfaction", "period"
FROM rows ORDER BY "progress", "item_id"`
}

export interface LivelihoodMonthRow {
  readonly period: string
  readonly month: number
  readonly avg_progress: number | null
  readonly expected: number
  readonly behind: number
}

/**
 * Average progress of the year's items at each month of the scope (an item not yet reported
 * counts 0), against the expected curve, up to the month the page is judged at.
 */
export function livelihoodMonthlySql(filters: FilterSet): string {
  return `WITH ${base(filters)},
months AS (
  SELECT m AS "month", printf('%04d-%02d', scope."year", m) AS "period" FROM range(2, 13) r(m), scope, judged
  WHERE judged."period" IS NOT NULL AND m BETWEEN greatest(scope."from_month", 2) AND judged."month"
),
at_month AS (
  SELECT months."month", months."period", i."item_id",
    coalesce((SELECT arg_max(yr."progress_pct", yr."period") FROM year_reports yr WHERE yr."item_id" = i."item_id" AND yr."period" <= months."period"), 0) AS "progress"
  FROM months CROSS JOIN items i
)
SELECT "period", "month", avg("progress") AS "avg_progress", ${expectedSql('"month"')} AS "expected",
  count(*) FILTER (WHERE ${behindSql('"progress"', '"month"')}) AS "behind"
FROM at_month GROUP BY "period", "month" ORDER BY "month"`
}

export interface LivelihoodCategoryRow {
  readonly category: string
  readonly items: number
  readonly budget: number
  readonly spent: number
  readonly avg_progress: number | null
  readonly behind: number
}

/** Items, budget, spend and progress by category. It selects categories, so is not filtered by them. */
export function livelihoodCategorySql(filters: FilterSet): string {
  return `WITH ${base(without(filters, ['categories']))}
SELECT "category", count(*) AS "items", sum("budget") AS "budget", sum("spent") AS "spent", avg("progress") AS "avg_progress",
  count(*) FILTER (WHERE "behind") AS "behind"
FROM rows GROUP BY "category" ORDER BY "budget" DESC, "category"`
}

export interface LivelihoodSummaryRow {
  readonly year: number | null
  /** The categories selected, joined with 、 (null when the page shows every category). */
  readonly categories: string | null
  /** The month the page is judged at: the latest report of the year in the scope. */
  readonly through: string | null
  readonly items: number
  readonly avg_vote_rate: number | null
  readonly avg_progress: number | null
  readonly completed: number
  readonly budget: number | null
  readonly spent: number | null
  readonly behind: number
  /** Behind items' names, furthest behind first. */
  readonly behind_names: readonly string[] | null
  readonly surveyed: number
  readonly avg_satisfaction: number | null
  readonly min_satisfaction: number | null
  readonly min_satisfaction_name: string | null
}

/** The figures the page's opening sentences are written from. */
export function livelihoodSummarySql(filters: FilterSet): string {
  const categories = filters.categories?.length ? quoteLiteral(filters.categories.join('、')) : 'NULL'
  return `WITH ${base(filters)}
SELECT any_value(scope."year") AS "year", ${categories} AS "categories", any_value(judged."period") AS "through",
  count(r."item_id") AS "items", avg(r."vote_rate") AS "avg_vote_rate",
  avg(r."progress") AS "avg_progress", count(*) FILTER (WHERE r."progress" >= 100) AS "completed",
  sum(r."budget") AS "budget", sum(r."spent") AS "spent", count(*) FILTER (WHERE r."behind") AS "behind",
  list(r."name" ORDER BY r."progress" - r."expected", r."item_id") FILTER (WHERE r."behind") AS "behind_names",
  count(r."satisfaction") AS "surveyed", avg(r."satisfaction") AS "avg_satisfaction",
  min(r."satisfaction") AS "min_satisfaction", arg_min(r."name", r."satisfaction") AS "min_satisfaction_name"
FROM scope CROSS JOIN judged LEFT JOIN rows r ON TRUE`
}

export interface SurveyRow {
  /** The latest year up to the scope's with a December satisfaction survey. */
  readonly survey_year: number | null
  readonly year: number
  readonly to_month: number
}

/** Where the nearest year-end survey is, so an empty satisfaction view can point to it. */
export function livelihoodSurveySql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, LIVELIHOOD_ANCHOR)},
surveys AS (
  SELECT DISTINCT li."year" FROM "livelihood_progress" lp JOIN "livelihood_items" li USING ("item_id")
  WHERE lp."period" = printf('%04d-12', li."year") AND lp."satisfaction" IS NOT NULL
)
SELECT max(s."year") AS "survey_year", any_value(scope."year") AS "year", any_value(scope."to_month") AS "to_month"
FROM scope LEFT JOIN surveys s ON s."year" <= scope."year"`
}

/** The detail table: every item with a status a column filter can match (滞后 / 正常 / 已完成). */
export function livelihoodTableSql(filters: FilterSet): string {
  return `SELECT *, CASE WHEN "behind" THEN '滞后' WHEN "progress" >= 100 THEN '已完成' ELSE '正常' END AS "status"
FROM (${livelihoodItemsSql(filters)})`
}
