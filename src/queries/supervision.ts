import { ACTIVITY_TYPES, SUGGESTION_CATEGORIES } from '../datasets/vocabulary'
import { type FilterSet, without } from './filters'
import { scopeCte } from './scope'
import { inList, quoteLiteral } from './sql'

/** Supervision and deputies' work (监督与代表工作). The ledger's dates set "latest". */
export const SUPERVISION_ANCHOR = { table: 'supervision_activities', date: 'date' } as const
const CATEGORY_ORDER = ['会议', '监督', '任免', '代表工作', '建议办理', '观察点', '其他']

/** The activity types and the report metric each is reconciled with, as a SQL table. */
const typesTable = `(VALUES ${ACTIVITY_TYPES.map((t, i) => `(${quoteLiteral(t.type)}, ${t.metricId ? quoteLiteral(t.metricId) : 'NULL'}, ${i})`).join(', ')}) AS t("type", "metric_id", "ord")`

/**
 * Per-year charts compare whole years (the current one to date) unless the user picked
 * months; then every year is cut to those months, so years compare like with like.
 */
const monthsPicked = (filters: FilterSet) => filters.fromMonth !== undefined || filters.toMonth !== undefined
const monthCondition = (filters: FilterSet, dateColumn: string) =>
  monthsPicked(filters)
    ? ` AND month(${dateColumn}) BETWEEN scope."from_month" AND scope."to_month"`
    : ` AND ${dateColumn} <= last_day(strptime(scope."through", '%Y-%m'))`

const typeCondition = (filters: FilterSet, column: string) =>
  filters.types?.length ? ` AND ${inList(column, filters.types)}` : ''

export interface ActivityCountRow {
  readonly year: number
  readonly type: string
  readonly activities: number
}

/** Order by a vocabulary, values it does not know last (by name). */
const vocabularyOrder = (column: string, vocabulary: readonly string[]) =>
  `coalesce(nullif(list_position([${vocabulary.map(quoteLiteral).join(', ')}], ${column}), 0), ${vocabulary.length + 1}), ${column}`

/** Ledger activities by year and type, every year up to the scope's. It selects types, so is not filtered by them. */
export function activitiesByYearSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT year(a."date") AS "year", a."type", count(*) AS "activities"
FROM "supervision_activities" a, scope
WHERE year(a."date") <= scope."year"${monthCondition(filters, 'a."date"')}${typeCondition(without(filters, ['types']), 'a."type"')}
GROUP BY year(a."date"), a."type" ORDER BY 1, ${vocabularyOrder(
    'a."type"',
    ACTIVITY_TYPES.map((t) => t.type),
  )}`
}

export interface ReportFigureRow {
  readonly year: number
  readonly metric_id: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  readonly qualifier: string | null
  readonly category: string
  readonly source: string
  readonly quote: string
  /** The figure's place in its report, to keep the report's order. */
  readonly ord: number
}

/** Every figure of the work reports, as printed, grouped by category in the reports' order. */
export function reportFiguresSql(): string {
  return `SELECT s.*, row_number() OVER () AS "ord" FROM "supervision_stats" s
ORDER BY list_position([${CATEGORY_ORDER.map(quoteLiteral).join(', ')}], s."category"), "ord"`
}

export interface ReconciliationRow {
  readonly year: number
  readonly type: string
  readonly metric_id: string
  /** The metric as that year's report words it. */
  readonly metric: string | null
  readonly reported: number | null
  readonly unit: string | null
  readonly ledger: number
  /** Whether the ledger has any activity in that year at all. */
  readonly covered: boolean
  readonly status: '一致' | '不一致' | '台账未覆盖' | '报告未列'
}

/** For each report year and each activity type the reports count: the ledger's count beside the report's. */
export function reconciliationSql(): string {
  return `WITH types AS (SELECT * FROM ${typesTable} WHERE "metric_id" IS NOT NULL),
years AS (SELECT DISTINCT "year" FROM "supervision_stats"),
ledger AS (SELECT year("date") AS "year", "type", count(*) AS "n" FROM "supervision_activities" GROUP BY ALL),
coverage AS (SELECT DISTINCT year("date") AS "year" FROM "supervision_activities")
SELECT y."year", t."type", t."metric_id", s."metric", s."value" AS "reported", s."unit",
  coalesce(l."n", 0) AS "ledger", c."year" IS NOT NULL AS "covered",
  CASE WHEN s."value" IS NULL THEN '报告未列'
       WHEN c."year" IS NULL THEN '台账未覆盖'
       WHEN coalesce(l."n", 0) = s."value" THEN '一致'
       ELSE '不一致' END AS "status"
FROM years y CROSS JOIN types t
LEFT JOIN "supervision_stats" s ON s."year" = y."year" AND s."metric_id" = t."metric_id"
LEFT JOIN ledger l ON l."year" = y."year" AND l."type" = t."type"
LEFT JOIN coverage c ON c."year" = y."year"
ORDER BY y."year", t."ord"`
}

export interface SuggestionYearRow {
  readonly year: number
  readonly total: number
  readonly handled: number
  readonly key: number
  readonly rated: number
  readonly satisfaction: number | null
}

/** Deputies' suggestions per session year: handled, key (重点督办), satisfaction (满意 + 基本满意 over those rated). */
export function suggestionsByYearSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT s."year", count(*) AS "total", count(*) FILTER (WHERE s."status" = '已办结') AS "handled", count(*) FILTER (WHERE s."is_key") AS "key",
  count(s."satisfaction") AS "rated",
  (count(*) FILTER (WHERE s."satisfaction" IN ('满意', '基本满意')))::DOUBLE / nullif(count(s."satisfaction"), 0) AS "satisfaction"
FROM "deputy_suggestions" s, scope WHERE s."year" <= scope."year"
GROUP BY s."year" ORDER BY s."year"`
}

export interface SuggestionCategoryRow {
  /** The session year shown (the scope's). */
  readonly year: number
  readonly category: string
  readonly total: number
  readonly handled: number
  readonly in_progress: number
  /** 已交办: assigned, not yet started. */
  readonly assigned: number
  readonly key: number
}

/** The scope year's suggestions by category and status: where handling lags in a year still under way. */
export function suggestionCategoriesSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT any_value(scope."year") AS "year", s."category", count(*) AS "total", count(*) FILTER (WHERE s."status" = '已办结') AS "handled",
  count(*) FILTER (WHERE s."status" = '办理中') AS "in_progress", count(*) FILTER (WHERE s."status" = '已交办') AS "assigned",
  count(*) FILTER (WHERE s."is_key") AS "key"
FROM "deputy_suggestions" s, scope WHERE s."year" = scope."year"
GROUP BY s."category" ORDER BY ${vocabularyOrder('s."category"', SUGGESTION_CATEGORIES)}`
}

export interface MicroYearRow {
  readonly year: number
  readonly raised: number
  /** Resolved within the year they were raised. */
  readonly resolved_in_year: number
  readonly resolved_later: number
  readonly open: number
}

/** Micro-suggestions (微建议) per year: raised, resolved that year, resolved later, still open. */
export function microByYearSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT year(m."submitted_on") AS "year", count(*) AS "raised",
  count(*) FILTER (WHERE year(m."resolved_on") = year(m."submitted_on")) AS "resolved_in_year",
  count(*) FILTER (WHERE year(m."resolved_on") > year(m."submitted_on")) AS "resolved_later",
  count(*) FILTER (WHERE m."resolved_on" IS NULL) AS "open"
FROM "micro_suggestions" m, scope
WHERE year(m."submitted_on") <= scope."year"${monthCondition(filters, 'm."submitted_on"')}
GROUP BY 1 ORDER BY 1`
}

export interface MicroTownRow {
  /** The scope's months ('YYYY-MM'), for the caption. */
  readonly start: string
  readonly through: string
  readonly town_id: string
  /** The town's name, or its id when the towns table does not know it. */
  readonly town: string
  readonly raised: number
  readonly resolved_in_year: number
  readonly resolved_later: number
  readonly open: number
}

/** Micro-suggestions raised in the scope (year and months), by town, with the same outcomes as per year. */
export function microByTownSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT any_value(scope."start") AS "start", any_value(scope."through") AS "through",
  m."town_id", coalesce(any_value(t."name"), m."town_id") AS "town", count(*) AS "raised",
  count(*) FILTER (WHERE year(m."resolved_on") = year(m."submitted_on")) AS "resolved_in_year",
  count(*) FILTER (WHERE year(m."resolved_on") > year(m."submitted_on")) AS "resolved_later",
  count(*) FILTER (WHERE m."resolved_on" IS NULL) AS "open"
FROM "micro_suggestions" m CROSS JOIN scope LEFT JOIN "towns" t ON t."town_id" = m."town_id"
WHERE strftime(m."submitted_on", '%Y-%m') BETWEEN scope."start" AND scope."through"
GROUP BY m."town_id" ORDER BY min(t."sort_order") NULLS LAST, m."town_id"`
}

/** The ledger for the grid: activities in the scope, with the type filter. */
export function ledgerSql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)}
SELECT a."activity_id", a."date", a."type", a."title", a."area", a."deputies_count"
FROM "supervision_activities" a, scope
WHERE strftime(a."date", '%Y-%m') BETWEEN scope."start" AND scope."through"${typeCondition(filters, 'a."type"')}`
}

export interface SupervisionSummaryRow {
  /** The scope: its year and months ('YYYY-MM'); null when the ledger is empty. */
  readonly year: number | null
  readonly start: string | null
  readonly through: string | null
  /** Ledger counts in the scope, by type, as a list in the vocabulary's order. */
  readonly counts: readonly { readonly type: string; readonly n: number }[]
  readonly suggestions: number
  readonly handled: number
  /** Key suggestions (重点督办) of the scope year. */
  readonly key: number
  readonly satisfaction: number | null
  readonly micro_raised: number
  /** Resolved within the year they were raised, as the reports count them (433 raised, 406 resolved in 2022). */
  readonly micro_resolved: number
}

/** The figures the page's opening sentence is written from. */
export function supervisionSummarySql(filters: FilterSet): string {
  return `WITH ${scopeCte(filters, SUPERVISION_ANCHOR)},
counts AS (
  SELECT t."type", t."ord", count(a."activity_id") AS "n"
  FROM ${typesTable} LEFT JOIN "supervision_activities" a ON a."type" = t."type"
    AND strftime(a."date", '%Y-%m') BETWEEN (SELECT "start" FROM scope) AND (SELECT "through" FROM scope)
  WHERE TRUE${typeCondition(filters, 't."type"')}
  GROUP BY t."type", t."ord"
)
SELECT scope."year", scope."start", scope."through",
  (SELECT list(struct_pack("type" := "type", "n" := "n") ORDER BY "ord") FROM counts) AS "counts",
  (SELECT count(*) FROM "deputy_suggestions" s WHERE s."year" = scope."year") AS "suggestions",
  (SELECT count(*) FROM "deputy_suggestions" s WHERE s."year" = scope."year" AND s."status" = '已办结') AS "handled",
  (SELECT count(*) FROM "deputy_suggestions" s WHERE s."year" = scope."year" AND s."is_key") AS "key",
  (SELECT (count(*) FILTER (WHERE s."satisfaction" IN ('满意', '基本满意')))::DOUBLE / nullif(count(s."satisfaction"), 0) FROM "deputy_suggestions" s WHERE s."year" = scope."year") AS "satisfaction",
  (SELECT count(*) FROM "micro_suggestions" m WHERE strftime(m."submitted_on", '%Y-%m') BETWEEN scope."start" AND scope."through") AS "micro_raised",
  (SELECT count(*) FROM "micro_suggestions" m WHERE strftime(m."submitted_on", '%Y-%m') BETWEEN scope."start" AND scope."through" AND year(m."resolved_on") = year(m."submitted_on")) AS "micro_resolved"
FROM scope`
}
