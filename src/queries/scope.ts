import { makePeriod, parsePeriod, type Period } from '../lib/period'
import { quoteLiteral } from './sql'

/**
 * The stretch of time a view covers: a year and the month it runs to. Year-to-date figures
 * run from January of `year` to `through`; the year before covers the same months.
 */
export interface PeriodScope {
  readonly year: number
  /** 'YYYY-MM' within `year`. */
  readonly through: Period
}

/**
 * What a query is asked about: an explicit scope, or null for "the latest month the
 * observation points have reported". With null the SQL finds that month itself, so a view
 * can send its query before it knows the month.
 */
export type ScopeInput = PeriodScope | null

export function scopeOf(through: Period): PeriodScope {
  return { year: parsePeriod(through).year, through }
}

/** The same months one year earlier. */
export function priorYearScope(scope: PeriodScope): PeriodScope {
  const { month } = parsePeriod(scope.through)
  return { year: scope.year - 1, through: makePeriod(scope.year - 1, month) }
}

/**
 * A one-row CTE named `scope` with the columns every period query needs:
 * through, year, year_start, prior_through, prior_start ('YYYY-MM' text, year an INTEGER).
 */
export function scopeCte(scope: ScopeInput): string {
  const through = scope ? quoteLiteral(scope.through) : `(SELECT max("period") FROM "point_indicators")`
  return `scope AS (
  SELECT t AS "through", CAST(substr(t, 1, 4) AS INTEGER) AS "year", substr(t, 1, 4) || '-01' AS "year_start",
    CAST(CAST(substr(t, 1, 4) AS INTEGER) - 1 AS VARCHAR) || substr(t, 5) AS "prior_through",
    CAST(CAST(substr(t, 1, 4) AS INTEGER) - 1 AS VARCHAR) || '-01' AS "prior_start"
  FROM (SELECT ${through} AS t)
)`
}

/** The tables a scope reads besides the query's own (the latest month comes from the indicators). */
export function scopeTables(scope: ScopeInput): readonly string[] {
  return scope ? [] : ['point_indicators']
}
