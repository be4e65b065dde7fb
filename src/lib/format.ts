/**
 * Chinese number style for figures in 万元 and rates: 12.34亿元, 8,765.4万元, 同比 +5.2%.
 * Every function takes null for a missing value and returns the dash that reports use.
 */

export const MISSING = '—'

const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

const formatters = new Map<number, Intl.NumberFormat>()
/** 1234567.8 → "1,234,567.80" (fixed decimals, thousands separators). */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  let f = formatters.get(digits)
  if (!f) formatters.set(digits, (f = grouped(digits)))
  // Avoid "-0.0" for tiny negatives that round to zero.
  const out = f.format(value)
  return /^-0(\.0+)?$/.test(out) ? out.slice(1) : out
}

/**
 * Builds the formatters figures use (0, 1 and 2 decimals) now. The first Intl.NumberFormat a
 * page makes costs tens of milliseconds (the locale's data is loaded); at start-up that is
 * better spent while the data engine starts than when the first answers are drawn.
 */
export function prepareNumberFormats(): void {
  for (const digits of [0, 1, 2]) formatNumber(0, digits)
}

export interface Amount {
  /** The number as shown, e.g. "12.34". */
  readonly text: string
  /** "亿元" or "万元". */
  readonly unit: string
}

/**
 * A money amount given in 万元, scaled the way reports write it: at or above 1亿 (10,000万)
 * in 亿元 with two decimals, otherwise in 万元 with one decimal.
 */
export function scaleWan(valueWan: number | null | undefined): Amount {
  if (valueWan === null || valueWan === undefined || !Number.isFinite(valueWan)) return { text: MISSING, unit: '' }
  if (Math.abs(valueWan) >= 10_000) return { text: formatNumber(valueWan / 10_000, 2), unit: '亿元' }
  return { text: formatNumber(valueWan, 1), unit: '万元' }
}

/** "12.34亿元" / "8,765.4万元" */
export function formatWan(valueWan: number | null | undefined): string {
  const a = scaleWan(valueWan)
  return a.text + a.unit
}

/** "亿元" scale for a series, so every figure in one chart shares a unit. */
export function wanScaleFor(maxAbsWan: number): { unit: '亿元' | '万元'; divisor: number } {
  return maxAbsWan >= 10_000 ? { unit: '亿元', divisor: 10_000 } : { unit: '万元', divisor: 1 }
}

/** A ratio (0.052) as "+5.2%"; the sign is always shown, zero is "0.0%". Uses the true minus sign. */
export function formatSignedPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING
  const pct = ratio * 100
  const text = formatNumber(Math.abs(pct), digits)
  if (Number(text.replace(/,/g, '')) === 0) return `${formatNumber(0, digits)}%`
  return `${pct > 0 ? '+' : '−'}${text}%`
}

/** A ratio (0.853) as "85.3%". */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING
  return `${formatNumber(ratio * 100, digits)}%`
}

/** "同比 +5.2%" for a card. */
export function formatYoY(ratio: number | null | undefined): string {
  return `同比 ${formatSignedPercent(ratio)}`
}

/**
 * The formal wording of a change for narrative sentences: "同比增长5.2%", "同比下降3.1%",
 * "与上年同期持平" when it rounds to zero, "同比无可比数据" when there is no base.
 */
export function describeYoY(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '同比无可比数据'
  const text = formatNumber(Math.abs(ratio * 100), digits)
  if (Number(text.replace(/,/g, '')) === 0) return '与上年同期持平'
  return `同比${ratio > 0 ? '增长' : '下降'}${text}%`
}

/** An integer count with its measure word: "19家", "1,234件". */
export function formatCount(value: number | null | undefined, measure = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  return `${formatNumber(value, 0)}${measure}`
}

/**
 * Decimals per unit, one rule for every figure an export writes: money as the KPI cards
 * show it (亿元 two places, 万元 one), rates one place, counts none.
 */
const UNIT_DIGITS: Readonly<Record<string, number>> = {
  亿元: 2,
  万元: 1,
  元: 2,
  '%': 1,
  个百分点: 1,
  万千瓦时: 1,
  千瓦时: 0,
  分: 1,
  倍: 1,
  万人: 1,
}
const COUNT_UNITS = new Set(['个', '项', '家', '件', '条', '次', '人', '人次', '名', '户', '天', '处', '所', '场'])

/** How many decimals a figure in `unit` is written with (a count none, an unknown unit one). */
export function unitDigits(unit: string): number {
  return UNIT_DIGITS[unit] ?? (COUNT_UNITS.has(unit) ? 0 : 1)
}

/** A figure with its unit, decimals by the unit's rule: (117.3, '亿元') → "117.30亿元", (5.42, '%') → "5.4%". */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  return `${formatNumber(value, unitDigits(unit))}${unit}`
}
