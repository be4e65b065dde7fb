import { type DerivedTable, derivedTable } from './derived'
import { type FilterSet, scopeOfFilters } from './filters'
import { type Indicator, pairsCtes } from './indicators'
import { inList, quoteIdent } from './sql'

/**
 * Pre-aggregated indicators for one time scope, read by every cross-filter query of the
 * clusters page. They depend only on the scope (year, months): a click on a cluster or a
 * town filters these small tables instead of re-reading every monthly row.
 *
 * For each metric m they hold additive measures, so sums over any set of rows stay right:
 *   m_cur    this year's total            m_prev   last year's total (same months)
 *   m_mcur   this year, matched months    m_mprev  last year, matched months
 *   m_months months reported this year
 * Like-for-like growth over any selection is sum(m_mcur) / sum(m_mprev) − 1.
 */
export const CUBE_METRICS = [
  'output_value',
  'revenue',
  'tax',
  'electricity',
  'employees',
] as const satisfies readonly Indicator[]

function measures(metrics: readonly Indicator[]): string {
  return metrics
    .map((m) => {
      const cur = quoteIdent(`${m}_cur`)
      const prev = quoteIdent(`${m}_prev`)
      const matched = `${cur} IS NOT NULL AND ${prev} IS NOT NULL`
      return [
        `sum(${cur}) AS ${cur}`,
        `sum(${prev}) AS ${prev}`,
        `sum(${cur}) FILTER (WHERE ${matched}) AS ${quoteIdent(`${m}_mcur`)}`,
        `sum(${prev}) FILTER (WHERE ${matched}) AS ${quoteIdent(`${m}_mprev`)}`,
        `count(${cur}) AS ${quoteIdent(`${m}_months`)}`,
      ].join(', ')
    })
    .join(',\n  ')
}

const SCOPE_COLUMNS = `any_value(scope."start") AS "start", any_value(scope."through") AS "through",
  any_value(scope."year") AS "year",
  any_value(scope."from_month") AS "from_month", any_value(scope."to_month") AS "to_month"`

/**
 * One row per observation point: its name, cluster, town (ids and names: the cross-filter
 * queries read this table alone, no joins), German flag, and the measures for the scope.
 */
export function pointCube(filters: FilterSet): DerivedTable {
  return derivedTable(
    'cube_point',
    `WITH ${pairsCtes(scopeOfFilters(filters), CUBE_METRICS)},
agg AS (
  SELECT "point_id", any_value("cluster_id") AS "cluster_id", any_value("town_id") AS "town_id",
    any_value("german") AS "german",
    max("period") AS "last_period", ${SCOPE_COLUMNS},
    ${measures(CUBE_METRICS)}
  FROM pairs, scope GROUP BY "point_id"
)
SELECT agg.*, p."name", c."name" AS "cluster", c."cluster_group", t."name" AS "town"
FROM agg JOIN "observation_points" p USING ("point_id")
  LEFT JOIN "clusters" c ON c."cluster_id" = agg."cluster_id" LEFT JOIN "towns" t ON t."town_id" = agg."town_id"`,
  )
}

/** One row per cluster × town × German flag × month: output measures for monthly charts. */
export function monthCube(filters: FilterSet): DerivedTable {
  return derivedTable(
    'cube_month',
    `WITH ${pairsCtes(scopeOfFilters(filters), ['output_value'])}
SELECT "cluster_id", "town_id", "german", "month", max("period") AS "last_period", ${SCOPE_COLUMNS},
  ${measures(['output_value'])}
FROM pairs, scope GROUP BY "cluster_id", "town_id", "german", "month"`,
  )
}

/** Filter conditions on a cube row (aliased): cluster, town, German cooperation. */
export function cubeConditions(filters: FilterSet, alias: string): string[] {
  return [
    ...(filters.clusters?.length ? [inList(`${alias}."cluster_id"`, filters.clusters)] : []),
    ...(filters.towns?.length ? [inList(`${alias}."town_id"`, filters.towns)] : []),
    ...(filters.german ? [`${alias}."german"`] : []),
  ]
}

/** Like-for-like growth of a metric over the cube rows in scope of an aggregate. */
export function cubeYoy(metric: Indicator, alias = ''): string {
  const a = alias ? `${alias}.` : ''
  return `sum(${a}${quoteIdent(`${metric}_mcur`)}) / nullif(sum(${a}${quoteIdent(`${metric}_mprev`)}), 0) - 1`
}
