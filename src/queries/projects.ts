import { and, type FilterSet, projectConditions, without } from './filters'
import { scopeCte } from './scope'
import { numberLiteral, quoteLiteral } from './sql'

/**
 * The key-projects page (重点项目). A year's list is the projects whose `year` is the scope's
 * year; investment completed counts the months of the scope. Money in 万元.
 */
export const PROJECT_ANCHOR = { table: 'project_progress', period: 'period' } as const
export const PIPELINE = ['前期', '新开工', '在建', '竣工', '投产'] as const

/**
 * Behind schedule (进度滞后): a project whose investment completed in the scope's months is
 * more than 15 percentage points of its annual plan below the share of the year those months
 * make up (序时进度: the plan spread evenly over the months, so January–October expects 10/12).
 * The expected share counts the months of the range, not the months since January, so a
 * range of April–October is judged on what April–October should have delivered, the same
 * months its completion counts. A project with no plan for the year is never behind.
 */
export const BEHIND_MARGIN = 0.15

/** The share of the annual plan the scope's months should deliver (序时进度), as SQL over `scope`. */
const EXPECTED = `(scope."to_month" - scope."from_month" + 1) / 12.0`

/** scope, listed (the year's projects under the filters), done (completed in the scope, per project). */
function base(filters: FilterSet): string {
  return `${scopeCte(filters, PROJECT_ANCHOR)},
listed AS (SELECT k.* FROM "key_projects" k, scope WHERE k."year" = scope."year"${and(projectConditions(filters, 'k'))}),
done AS (
  SELECT pp."project_id", sum(pp."investment_completed") AS "completed", max(pp."period") AS "last_period",
    arg_max(pp."progress_pct", pp."period") AS "progress"
  FROM "project_progress" pp JOIN listed USING ("project_id"), scope
  WHERE pp."period" BETWEEN scope."start" AND scope."through"
  GROUP BY pp."project_id"
),
projects AS (
  SELECT l.*, coalesce(d."completed", 0) AS "completed", d."progress", d."last_period",
    coalesce(d."completed", 0) / nullif(l."year_plan_investment", 0) AS "completion",
    coalesce(d."completed", 0) / nullif(l."year_plan_investment", 0) < ${EXPECTED} - ${numberLiteral(BEHIND_MARGIN)} AS "behind"
  FROM listed l LEFT JOIN done d USING ("project_id"), scope
)`
}

export interface ProjectMonthRow {
  readonly period: string
  readonly month: number
  readonly completed: number | null
  readonly cumulative: number | null
  readonly plan: number | null
  /** The plan spread evenly over the year, for the scope's months up to this one (序时进度). */
  readonly plan_to_date: number | null
  readonly completion: number | null
}

/** Investment completed month by month, cumulative, against the year's plan. */
export function projectsMonthlySql(filters: FilterSet): string {
  return `WITH ${base(filters)},
months AS (SELECT m AS "month" FROM range(1, 13) r(m), scope WHERE m BETWEEN scope."from_month" AND scope."to_month"),
monthly AS (
  SELECT CAST(substr(pp."period", 6, 2) AS INTEGER) AS "month", sum(pp."investment_completed") AS "completed"
  FROM "project_progress" pp JOIN listed USING ("project_id"), scope
  WHERE pp."period" BETWEEN scope."start" AND scope."through" GROUP BY 1
),
plan AS (SELECT sum("year_plan_investment") AS "plan" FROM listed)
SELECT printf('%04d-%02d', scope."year", months."month") AS "period", months."month", monthly."completed",
  sum(coalesce(monthly."completed", 0)) OVER (ORDER BY months."month") AS "cumulative",
  plan."plan", plan."plan" * (months."month" - scope."from_month" + 1) / 12.0 AS "plan_to_date",
  sum(coalesce(monthly."completed", 0)) OVER (ORDER BY months."month") / nullif(plan."plan", 0) AS "completion"
FROM months LEFT JOIN monthly USING ("month"), plan, scope
ORDER BY months."month"`
}

export interface PipelineRow {
  readonly status: string
  readonly projects: number
  readonly plan: number | null
  readonly completed: number | null
  readonly total_investment: number | null
}

/** The status pipeline in order 前期→新开工→在建→竣工→投产 (every status, even an empty one). It selects statuses, so is not filtered by them. */
export function projectsPipelineSql(filters: FilterSet): string {
  return `WITH ${base(without(filters, ['statuses']))},
statuses AS (SELECT * FROM (VALUES ${PIPELINE.map((s, i) => `(${quoteLiteral(s)}, ${i})`).join(', ')}) t("status", "ord"))
SELECT s."status", count(p."project_id") AS "projects", sum(p."year_plan_investment") AS "plan", sum(p."completed") AS "completed",
  sum(p."total_investment") AS "total_investment"
FROM statuses s LEFT JOIN projects p USING ("status")
GROUP BY s."status", s."ord" ORDER BY s."ord"`
}

export interface TimelineRow {
  readonly project_id: string
  readonly name: string
  /** The town's name: lists repeat a project name in more than one town. */
  readonly town: string | null
  readonly status: string
  readonly level: string
  readonly start_date: string | null
  readonly planned_finish: string | null
  readonly total_investment: number
  readonly completion: number | null
  readonly behind: boolean | null
  readonly through: string
  /** All projects on the list (the rows are the largest of them). */
  readonly listed: number
}

/**
 * The year's largest projects by total investment (at most `limit`), as spans from start to
 * planned finish, in order of start: a Gantt chart reads down the years.
 */
export function projectsTimelineSql(filters: FilterSet, limit = 30): string {
  return `WITH ${base(filters)},
largest AS (
  SELECT p.*, count(*) OVER () AS "listed" FROM projects p
  ORDER BY p."total_investment" DESC, p."project_id" LIMIT ${numberLiteral(limit)}
)
SELECT l."project_id", l."name", t."name" AS "town", l."status", l."level", l."start_date", l."planned_finish", l."total_investment", l."completion", l."behind",
  scope."through", l."listed"
FROM largest l LEFT JOIN "towns" t USING ("town_id"), scope
ORDER BY l."start_date" NULLS LAST, l."planned_finish" NULLS LAST, l."project_id"`
}

export interface ProjectGroupRow {
  readonly key: string | null
  readonly name: string
  readonly projects: number
  readonly plan: number | null
  readonly completed: number | null
  readonly completion: number | null
}

/** Plan and completed by town (every town). It selects towns, so is not filtered by them. */
export function projectsByTownSql(filters: FilterSet): string {
  return `WITH ${base(without(filters, ['towns']))}
SELECT t."town_id" AS "key", t."name", count(p."project_id") AS "projects", sum(p."year_plan_investment") AS "plan",
  sum(p."completed") AS "completed", sum(p."completed") / nullif(sum(p."year_plan_investment"), 0) AS "completion"
FROM "towns" t LEFT JOIN projects p USING ("town_id")
GROUP BY t."town_id", t."name", t."sort_order" ORDER BY t."sort_order"`
}

/** Plan and completed by cluster; projects outside the clusters (infrastructure, public services) as 非产业项目, last. */
export function projectsByClusterSql(filters: FilterSet): string {
  return `WITH ${base(without(filters, ['clusters']))},
groups AS (SELECT "cluster_id" AS "key", "name", "sort_order" FROM "clusters" UNION ALL SELECT NULL, '非产业项目', 999)
SELECT g."key", g."name", count(p."project_id") AS "projects", sum(p."year_plan_investment") AS "plan",
  sum(p."completed") AS "completed", sum(p."completed") / nullif(sum(p."year_plan_investment"), 0) AS "completion"
FROM groups g LEFT JOIN projects p ON p."cluster_id" IS NOT DISTINCT FROM g."key"
GROUP BY g."key", g."name", g."sort_order" ORDER BY g."sort_order"`
}

/** The detail table: every project of the year with its figures (a subquery for the grid); rates also in percent, for the column filter. */
export function projectsTableSql(filters: FilterSet): string {
  return `WITH ${base(filters)}
SELECT p."project_id", p."name", p."level", p."category", coalesce(c."name", '—') AS "cluster", t."name" AS "town",
  CASE WHEN p."german_cooperation" THEN '是' ELSE '' END AS "german", p."status", p."total_investment", p."year_plan_investment",
  p."completed", p."completion", round(p."completion" * 100, 1) AS "completion_pct", p."progress", p."behind", p."start_date", p."planned_finish", p."owner_unit"
FROM projects p LEFT JOIN "clusters" c USING ("cluster_id") LEFT JOIN "towns" t USING ("town_id")`
}

export interface ProjectsSummaryRow {
  readonly year: number | null
  readonly through: string | null
  readonly start: string | null
  /** The share of the annual plan the scope's months should deliver (序时进度). */
  readonly expected: number | null
  readonly projects: number
  readonly plan: number | null
  readonly completed: number | null
  readonly completion: number | null
  readonly behind: number
  readonly new_starts: number
  readonly finished: number
  readonly german: number
  readonly german_completed: number | null
  readonly german_completion: number | null
  readonly provincial: number
}

/** The figures the page's opening sentences are written from. */
export function projectsSummarySql(filters: FilterSet): string {
  return `WITH ${base(filters)}
SELECT any_value(scope."year") AS "year", any_value(scope."through") AS "through", any_value(scope."start") AS "start",
  any_value(${EXPECTED}) AS "expected",
  count(p."project_id") AS "projects", sum(p."year_plan_investment") AS "plan", sum(p."completed") AS "completed",
  sum(p."completed") / nullif(sum(p."year_plan_investment"), 0) AS "completion",
  count(*) FILTER (WHERE p."behind") AS "behind",
  count(*) FILTER (WHERE p."status" = '新开工') AS "new_starts",
  count(*) FILTER (WHERE p."status" IN ('竣工', '投产')) AS "finished",
  count(*) FILTER (WHERE p."german_cooperation") AS "german",
  sum(p."completed") FILTER (WHERE p."german_cooperation") AS "german_completed",
  sum(p."completed") FILTER (WHERE p."german_cooperation") / nullif(sum(p."year_plan_investment") FILTER (WHERE p."german_cooperation"), 0) AS "german_completion",
  count(*) FILTER (WHERE p."level" = '省重大') AS "provincial"
FROM scope LEFT JOIN projects p ON TRUE`
}
