import { makePeriod, parsePeriod, type Period } from '../lib/period'
import { quoteIdent, quoteLiteral } from './sql'

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
 * What a query is asked about: an explicit scope, or null for "the latest data there is".
 * With null the SQL finds that month itself, from the query's own anchor table, so a view
 * can send its query before it knows the month and one table's failure does not spread.
 */
export type ScopeInput = PeriodScope | null

/** Where "latest" comes from for a query: a monthly table's period, or an annual table's year. */
export type ScopeAnchor = { readonly table: string; readonly period: string } | { readonly table: string; readonly year: string }

export function scopeOf(through: Period): PeriodScope {
  return { year: parsePeriod(through).year, through }
}

/** The same months one year earlier. */
export function priorYearScope(scope: PeriodScope): PeriodScope {
  const { month } = parsePeriod(scope.through)
  return { year: scope.year - 1, through: makePeriod(scope.year - 1, month) }
}

function latestSql(anchor: ScopeAnchor): string {
  return 'period' in anchor
    ? `(SELECT max(${quoteIdent(anchor.period)}) FROM ${quoteIdent(anchor.table)})`
    : `(SELECT CAST(max(${quoteIdent(anchor.year)}) AS VARCHAR) || '-12' FROM ${quoteIdent(anchor.table)})`
}

/**
 * A one-row CTE named `scope` with the columns every period query needs:
 * through, year, year_start, prior_through, prior_start ('YYYY-MM' text, year an INTEGER).
 */
export function scopeCte(scope: ScopeInput, anchor: ScopeAnchor): string {
  const through = scope ? quoteLiteral(scope.through) : latestSql(anchor)
  return `scope AS (
  SELECT t AS "through", CAST(substr(t, 1, 4) AS INTEGER) AS "year", substr(t, 1, 4) || '-01' AS "year_start",
    CAST(CAST(substr(t, 1, 4) AS INTEGER) - 1 AS VARCHAR) || substr(t, 5) AS "prior_through",
    CAST(CAST(substr(t, 1, 4) AS INTEGER) - 1 AS VARCHAR) || '-01' AS "prior_start"
  FROM (SELECT ${through} AS t)
)`
}
