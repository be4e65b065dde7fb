import { parsePeriod, type Period } from '../lib/period'
import { numberLiteral, quoteIdent } from './sql'

/**
 * What a query covers in time: a year and a month range within it. Any part left out is
 * resolved in SQL against the data: the year defaults to the latest year with data, the
 * range to January through the latest month (or December for a past year). So a view can
 * send its query before it knows the data, and each query finds "latest" in its own table.
 * Year-to-date figures cover the range; the year before covers the same months.
 */
export interface ScopeInput {
  readonly year?: number
  readonly fromMonth?: number
  readonly toMonth?: number
}

/** The latest data there is. */
export const LATEST: ScopeInput = {}

/** The scope of January through `through`'s month in its year. */
export function scopeOf(through: Period): ScopeInput {
  const { year, month } = parsePeriod(through)
  return { year, toMonth: month }
}

/**
 * Where "latest" comes from for a query: a monthly table's 'YYYY-MM' period column, a ledger's
 * DATE column, or an annual table's year column (whose latest month counts as December).
 */
export type ScopeAnchor =
  | { readonly table: string; readonly period: string }
  | { readonly table: string; readonly date: string }
  | { readonly table: string; readonly year: string }

function latestSql(anchor: ScopeAnchor): string {
  if ('period' in anchor) return `(SELECT max(${quoteIdent(anchor.period)}) FROM ${quoteIdent(anchor.table)})`
  if ('date' in anchor)
    return `(SELECT strftime(max(${quoteIdent(anchor.date)}), '%Y-%m') FROM ${quoteIdent(anchor.table)})`
  return `(SELECT CAST(max(${quoteIdent(anchor.year)}) AS VARCHAR) || '-12' FROM ${quoteIdent(anchor.table)})`
}

/** The SQL expression for the year of a row in the anchor table. */
export function anchorYearSql(anchor: ScopeAnchor): string {
  if ('period' in anchor) return `CAST(substr(${quoteIdent(anchor.period)}, 1, 4) AS INTEGER)`
  if ('date' in anchor) return `year(${quoteIdent(anchor.date)})`
  return quoteIdent(anchor.year)
}

const opt = (v: number | undefined, lo: number, hi: number) => {
  if (v === undefined) return 'NULL'
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`Out of range: ${v}`)
  return numberLiteral(v)
}

/**
 * A one-row CTE named `scope` with what every period query needs ('YYYY-MM' text):
 * "start", "through" (the range), "prior_start", "prior_through" (the same months a year
 * earlier), and the integers "year", "from_month", "to_month".
 */
export function scopeCte(scope: ScopeInput, anchor: ScopeAnchor): string {
  return `scope AS (
  SELECT printf('%04d-%02d', y, m1) AS "start", printf('%04d-%02d', y, m2) AS "through",
    printf('%04d-%02d', y - 1, m1) AS "prior_start", printf('%04d-%02d', y - 1, m2) AS "prior_through",
    y AS "year", m1 AS "from_month", m2 AS "to_month"
  FROM (
    SELECT y, coalesce(${opt(scope.fromMonth, 1, 12)}, 1) AS m1,
      coalesce(${opt(scope.toMonth, 1, 12)}, CASE WHEN y = ly THEN lm ELSE 12 END) AS m2
    FROM (
      SELECT coalesce(${opt(scope.year, 1900, 2200)}, ly) AS y, ly, lm
      FROM (SELECT CAST(substr(l, 1, 4) AS INTEGER) AS ly, CAST(substr(l, 6, 2) AS INTEGER) AS lm FROM (SELECT ${latestSql(anchor)} AS l))
    )
  )
)`
}
