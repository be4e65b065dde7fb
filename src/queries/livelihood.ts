import { type FilterSet, without } from './filters'
import { scopeCte } from './scope'
import { inList, numberLiteral } from './sql'

/**
 * The livelihood-items page (民生实事). Items are voted by the deputies at the January session
 * and reported monthly from February; progress, spend and completed amounts are cumulative,
 * so an item's position at a month is its latest report up to that month.
 */
export const LIVELIHOOD_ANCHOR = { table: 'livelihood_progress', period: 'period' } as const

/**
 * Expected progress (序时进度) at month m: work starts after the vote, so 0% at January and
 * linear to 100% at December — (m − 1) / 11. There is no per-item deadline in the data.
 * Behind schedule (进度滞后): more than 15 percentage points below that.
 */
export const BEHIND_POINTS = 15
export const expectedSql = (month: string) => `least(100, greatest(0, (${month} - 1) * 100.0 / 11))`

function base(filters: FilterSet): string {
  const category = filters.categories?.length ? ` AND ${inList('li."category"', filters.categories)}` : ''
  return `${scopeCte(filters, LIVELIHOOD_ANCHOR)},
items AS (SELECT li.* FROM "livelihood_items" li, scope WHERE li."year" = scope."year"${category}),
latest AS (
  SELECT lp."item_id", max(lp."period") AS "period", arg_max(lp."progress_pct", lp."period") AS "progress",
    arg_max(lp."spent", lp."period") AS "spent", arg_max(lp."completed_value", lp."period") AS "completed_value"
  FROM "livelihood_progress" lp JOIN items USING ("item_id"), scope
  WHERE lp."period" BETWEEN scope."start" AND scope."through"
  GROUP BY lp."item_id"
),
survey AS (
  -- The year-end satisfaction survey, in December; only once the scope reaches December.
  SELECT lp."item_id", lp."satisfaction" FROM "livelihood_progress" lp JOIN items USING ("item_id"), scope
  WHERE scope."to_month" = 12 AND lp."period" = printf('%04d-12', scope."year") AND lp."satisfaction" IS NOT NULL
),
rows AS (
  SELECT i.*, coalesce(l."progress", 0) AS "progress", coalesce(l."spent", 0) AS "spent", l."completed_value", l."period",
    ${expectedSql('scope."to_month"')} AS "expected",
    coalesce(l."progress", 0) < ${expectedSql('scope."to_month"')} - ${numberLiteral(BEHIND_POINTS)} AS "behind",
    i."votes_for"::DOUBLE / nullif(i."votes_cast", 0) AS "vote_rate",
    coalesce(l."spent", 0) / nullif(i."budget", 0) AS "spend_rate",
    s."satisfaction"
  FROM items i LEFT JOIN latest l USING ("item_id") LEFT JOIN survey s USING ("item_id"), scope
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
  readonly progress: number
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

/** Average progress of the year's items at each month of the scope (an item not yet reported counts 0), against the expected curve. */
export function livelihoodMonthlySql(filters: FilterSet): string {
  return `WITH ${base(filters)},
months AS (SELECT m AS "month", printf('%04d-%02d', scope."year", m) AS "period" FROM range(2, 13) r(m), scope WHERE m BETWEEN greatest(scope."from_month", 2) AND scope."to_month"),
at_month AS (
  SELECT months."month", months."period", i."item_id",
    coalesce((SELECT max(lp."progress_pct") FROM "livelihood_progress" lp WHERE lp."item_id" = i."item_id" AND lp."period" <= months."period"), 0) AS "progress"
  FROM months CROSS JOIN items i
)
SELECT "period", "month", avg("progress") AS "avg_progress", ${expectedSql('"month"')} AS "expected",
  count(*) FILTER (WHERE "progress" < ${expectedSql('"month"')} - ${numberLiteral(BEHIND_POINTS)}) AS "behind"
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
  readonly start: string | null
  readonly through: string | null
  readonly items: number
  readonly votes_cast: number | null
  readonly avg_vote_rate: number | null
  readonly avg_progress: number | null
  readonly completed: number
  readonly budget: number | null
  readonly spent: number | null
  readonly behind: number
  readonly surveyed: number
  readonly avg_satisfaction: number | null
}

/** The figures the page's opening sentences are written from. */
export function livelihoodSummarySql(filters: FilterSet): string {
  return `WITH ${base(filters)}
SELECT any_value(scope."year") AS "year", any_value(scope."start") AS "start", max(r."period") AS "through",
  count(r."item_id") AS "items", max(r."votes_cast") AS "votes_cast", avg(r."vote_rate") AS "avg_vote_rate",
  avg(r."progress") AS "avg_progress", count(*) FILTER (WHERE r."progress" >= 100) AS "completed",
  sum(r."budget") AS "budget", sum(r."spent") AS "spent", count(*) FILTER (WHERE r."behind") AS "behind",
  count(r."satisfaction") AS "surveyed", avg(r."satisfaction") AS "avg_satisfaction"
FROM scope LEFT JOIN rows r ON TRUE`
}
