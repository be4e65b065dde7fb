import type { ColumnDef, SqlType } from '../datasets/schema'
import { quoteIdent, quoteLiteral } from '../queries/sql'

/**
 * Value normalisation as SQL over a VARCHAR cell, so a million rows are cleaned inside
 * DuckDB in one pass. Each expression tries the plain cast first and only runs the
 * cleaning (full-width digits, thousands separators, %, 年/月, decimal commas) on the
 * cells where that cast failed.
 */

/** Cells that mean "no value" in Chinese spreadsheets (read_csv turns these into NULL). */
export const MISSING_MARKERS = ['', '—', '——', '-', '--', '－', '/', '／', '\\N'] as const

const FULL_WIDTH = '０１２３４５６７８９．，－＋％：／'
const HALF_WIDTH = '0123456789.,-+%:/'

export interface NumberStyle {
  /** "1.234,5" means 1234.5 (European partners, semicolon-delimited files). */
  readonly decimalComma: boolean
}

function halfWidth(raw: string): string {
  return `translate(trim(${raw}), ${quoteLiteral(FULL_WIDTH)}, ${quoteLiteral(HALF_WIDTH)})`
}

function missingAfterTrim(raw: string): string {
  return `trim(${raw}) IN (${MISSING_MARKERS.map(quoteLiteral).join(', ')})`
}

/** The digits of a number cell, cleaned: "1,234.50" → 1234.50, "85.3%" → 85.3, "１２３" → 123. */
export function numberText(raw: string, style: NumberStyle, extraUnits: readonly string[] = []): string {
  const units = ['元', '万元', '亿元', '人', ...extraUnits].map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const strip = `(\\s|%|${units.join('|')})`
  const s = `regexp_replace(${halfWidth(raw)}, ${quoteLiteral(strip)}, '', 'g')`
  return style.decimalComma ? `replace(replace(${s}, '.', ''), ',', '.')` : `replace(${s}, ',', '')`
}

export function numberExpr(
  raw: string,
  type: SqlType | 'BIGINT',
  style: NumberStyle,
  extraUnits: readonly string[] = [],
): string {
  const slow = `TRY_CAST(${numberText(raw, style, extraUnits)} AS ${type})`
  // A decimal-comma file's "1.234" is a thousand: never take the plain cast there.
  return style.decimalComma ? slow : `COALESCE(TRY_CAST(${raw} AS ${type}), ${slow})`
}

const PERIOD_PATTERN = '^(\\d{4})\\s*(?:年|[-/.])?\\s*(\\d{1,2})\\s*(?:月份?)?(?:\\s*[-/.]?\\s*\\d{1,2}\\s*日?)?$'

/** "2025年3月", "2025/3", "202503", "2025-03", "2025.3" → '2025-03'. */
export function periodExpr(raw: string): string {
  const x = halfWidth(raw)
  const y = `regexp_extract(${x}, ${quoteLiteral(PERIOD_PATTERN)}, 1)`
  const m = `regexp_extract(${x}, ${quoteLiteral(PERIOD_PATTERN)}, 2)`
  const slow = `CASE WHEN TRY_CAST(${m} AS INTEGER) BETWEEN 1 AND 12 THEN ${y} || '-' || lpad(${m}, 2, '0') END`
  const fast = `length(${raw}) = 7 AND substr(${raw}, 5, 1) = '-' AND TRY_CAST(substr(${raw}, 6, 2) AS INTEGER) BETWEEN 1 AND 12 AND TRY_CAST(substr(${raw}, 1, 4) AS INTEGER) IS NOT NULL`
  return `CASE WHEN ${fast} THEN ${raw} ELSE ${slow} END`
}

const DATE_FORMATS = [
  '%Y/%m/%d',
  '%Y年%m月%d日',
  '%Y%m%d',
  '%Y.%m.%d',
  '%Y-%m-%d %H:%M:%S',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
]

export function dateExpr(raw: string): string {
  return `COALESCE(TRY_CAST(${raw} AS DATE), TRY_CAST(try_strptime(${halfWidth(raw)}, [${DATE_FORMATS.map(quoteLiteral).join(', ')}]) AS DATE))`
}

const TRUE_WORDS = ['是', 'true', 't', '1', 'y', 'yes', '√', '✓', '有', '对德']
const FALSE_WORDS = ['否', 'false', 'f', '0', 'n', 'no', '×', '✗', '无']

export function booleanExpr(raw: string): string {
  const v = `lower(trim(${raw}))`
  return `CASE WHEN ${v} IN (${TRUE_WORDS.map(quoteLiteral).join(', ')}) THEN TRUE WHEN ${v} IN (${FALSE_WORDS.map(quoteLiteral).join(', ')}) THEN FALSE END`
}

export function textExpr(raw: string): string {
  return `CASE WHEN ${missingAfterTrim(raw)} THEN NULL ELSE trim(${raw}) END`
}

/** The typed value of a cell for a registry column. */
export function columnValueExpr(rawColumn: string, column: ColumnDef, style: NumberStyle): string {
  const raw = quoteIdent(rawColumn)
  switch (column.type) {
    case 'INTEGER':
      return numberExpr(raw, 'INTEGER', style, column.kind === 'year' ? ['年'] : column.unit ? [column.unit] : [])
    case 'DOUBLE':
    case 'DECIMAL(18,2)':
      return numberExpr(raw, column.type, style, column.unit && column.unit !== '%' ? [column.unit] : [])
    case 'DATE':
      return dateExpr(raw)
    case 'BOOLEAN':
      return booleanExpr(raw)
    case 'VARCHAR':
      return column.kind === 'period' ? periodExpr(raw) : textExpr(raw)
  }
}

/** Types an ad-hoc column can be given, from what its values turned out to be. */
export type AdhocType = 'BIGINT' | 'DOUBLE' | 'DATE' | 'PERIOD' | 'VARCHAR'

export const ADHOC_TYPE_LABELS: Record<AdhocType, string> = {
  BIGINT: '整数',
  DOUBLE: '数值',
  DATE: '日期',
  PERIOD: '月份',
  VARCHAR: '文本',
}

export function adhocValueExpr(rawColumn: string, type: AdhocType, style: NumberStyle): string {
  const raw = quoteIdent(rawColumn)
  switch (type) {
    case 'BIGINT':
    case 'DOUBLE':
      return numberExpr(raw, type, style)
    case 'DATE':
      return dateExpr(raw)
    case 'PERIOD':
      return periodExpr(raw)
    case 'VARCHAR':
      return raw
  }
}

/** One row of counts that decides each ad-hoc column's type. */
export function adhocProfileSql(stage: string, rawColumns: readonly string[], style: NumberStyle): string {
  const parts = rawColumns.flatMap((c, i) => {
    const raw = quoteIdent(c)
    return [
      `count(${raw}) AS "n${i}"`,
      `count(${numberExpr(raw, 'DOUBLE', style)}) AS "num${i}"`,
      `count(*) FILTER (regexp_full_match(${numberText(raw, style)}, '[-+]?\\d{1,18}')) AS "int${i}"`,
      // Codes with a leading zero or plus sign (09001, +3188…) stay text.
      `count(*) FILTER (regexp_matches(${raw}, '^\\s*(0\\d|\\+)')) AS "code${i}"`,
      `count(${dateExpr(raw)}) AS "date${i}"`,
      `count(${periodExpr(raw)}) AS "period${i}"`,
    ]
  })
  return `SELECT ${parts.join(', ')} FROM ${quoteIdent(stage)} WHERE NOT "__blank"`
}

export function adhocTypeFrom(profile: Record<string, number>, i: number): AdhocType {
  const n = profile[`n${i}`] ?? 0
  if (n === 0) return 'VARCHAR'
  if ((profile[`code${i}`] ?? 0) > 0) return 'VARCHAR'
  if (profile[`int${i}`] === n) return 'BIGINT'
  if (profile[`num${i}`] === n) return 'DOUBLE'
  if (profile[`date${i}`] === n) return 'DATE'
  if (profile[`period${i}`] === n) return 'PERIOD'
  return 'VARCHAR'
}
