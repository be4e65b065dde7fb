import { and, type FilterSet, pointConditions, projectConditions } from './filters'
import { INDICATOR_ANCHOR } from './indicators'
import type {
  LivelihoodProgressRow,
  OutputYtdRow,
  PointsReportingRow,
  ProjectInvestmentRow,
  SuggestionsRow,
} from './kpi'
import { scopeCte } from './scope'
import { numberLiteral } from './sql'

/** The Overview (总览): the home page and big-screen canvas. */

export interface ActivityRow {
  readonly activity_id: string
  readonly date: string
  readonly type: string
  readonly title: string
  readonly area: string
}

/** The latest supervision activities, newest first. */
export function latestActivitiesSql(limit = 12): string {
  return `SELECT "activity_id", "date", "type", "title", "area" FROM "supervision_activities"
ORDER BY "date" DESC, "activity_id" DESC LIMIT ${numberLiteral(limit)}`
}

export interface MarkerRow {
  readonly kind: 'point' | 'project'
  readonly id: string
  readonly name: string
  readonly town_id: string
  /** A point's cluster, or a project's status. */
  readonly detail: string
  /** A project's total investment (万元). */
  readonly value: number | null
}

export interface TownMapRow {
  readonly town_id: string
  readonly name: string
  readonly lon: number
  readonly lat: number
  readonly points: number
  readonly ytd_output: number | null
  readonly projects: number
  readonly project_plan: number | null
  /** The town's observation points and key projects, to place on the map. */
  readonly markers: readonly MarkerRow[]
}

/**
 * Per town: observation points and their YTD output, the year's key projects and their
 * plan, and every point and project as a marker. The map selects towns, so the town filter
 * is not applied here (the selection is highlighted instead).
 */
export function townMapSql(filters: FilterSet): string {
  const f = { ...filters, towns: undefined }
  return `WITH ${scopeCte(f, INDICATOR_ANCHOR)},
points AS (SELECT p.* FROM "observation_points" p WHERE TRUE${and(pointConditions(f, 'p'))}),
listed AS (SELECT k.* FROM "key_projects" k, scope WHERE k."year" = scope."year"${and(projectConditions(f, 'k'))}),
output AS (
  SELECT p."town_id", sum(i."output_value") AS "ytd_output", count(DISTINCT p."point_id") AS "points"
  FROM points p LEFT JOIN "point_indicators" i ON i."point_id" = p."point_id"
    AND i."period" BETWEEN (SELECT "start" FROM scope) AND (SELECT "through" FROM scope)
  GROUP BY p."town_id"
), projects AS (
  SELECT "town_id", count(*) AS "projects", sum("year_plan_investment") AS "project_plan" FROM listed GROUP BY "town_id"
), markers AS (
  SELECT "town_id", list(struct_pack("kind" := "kind", "id" := "id", "name" := "name", "town_id" := "town_id",
    "detail" := "detail", "value" := "value") ORDER BY "kind", "id") AS "markers"
  FROM (
    SELECT 'point' AS "kind", p."point_id" AS "id", p."name", p."town_id", c."name" AS "detail", NULL::DOUBLE AS "value"
    FROM points p JOIN "clusters" c USING ("cluster_id")
    UNION ALL
    SELECT 'project', k."project_id", k."name", k."town_id", k."status", k."total_investment"::DOUBLE FROM listed k
  ) GROUP BY "town_id"
)
SELECT t."town_id", t."name", t."lon", t."lat", coalesce(o."points", 0) AS "points", o."ytd_output",
  coalesce(pr."projects", 0) AS "projects", pr."project_plan", coalesce(m."markers", []) AS "markers"
FROM "towns" t LEFT JOIN output o USING ("town_id") LEFT JOIN projects pr USING ("town_id")
  LEFT JOIN markers m USING ("town_id")
ORDER BY t."sort_order"`
}

/** The five headline figures' rows together: what the Overview's narrative is written from. */
export interface OverviewSummaryRow {
  readonly points: PointsReportingRow
  readonly output: OutputYtdRow
  readonly projects: ProjectInvestmentRow
  readonly livelihood: LivelihoodProgressRow
  readonly suggestions: SuggestionsRow
}
