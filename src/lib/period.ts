/** Monthly periods are 'YYYY-MM' strings throughout: they sort and compare as text. */
export type Period = string

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isPeriod(value: string): boolean {
  return PERIOD_RE.test(value)
}

export function parsePeriod(period: Period): { year: number; month: number } {
  const m = PERIOD_RE.exec(period)
  if (!m) throw new Error(`Not a YYYY-MM period: ${period}`)
  return { year: Number(m[1]), month: Number(m[2]) }
}

export function makePeriod(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

export function addMonths(period: Period, delta: number): Period {
  const { year, month } = parsePeriod(period)
  const index = year * 12 + (month - 1) + delta
  return makePeriod(Math.floor(index / 12), (index % 12) + 1)
}

/** Every period from `from` to `to`, inclusive. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = []
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p)
  return out
}

/** The last month that has ended on `today` (the month before today's month). */
export function latestCompleteMonth(today: Date): Period {
  return addMonths(makePeriod(today.getFullYear(), today.getMonth() + 1), -1)
}

/**
 * The Chinese statistical spelling of a year-to-date span: "1—10月", or "1月" alone.
 * The dash is an em dash (U+2014), as in official statistical releases.
 */
export function monthSpan(fromMonth: number, toMonth: number): string {
  return fromMonth === toMonth ? `${toMonth}月` : `${fromMonth}—${toMonth}月`
}

/** "2026年1—10月" for the year-to-date span that ends in `period`. */
export function ytdLabel(period: Period, withYear = true): string {
  const { year, month } = parsePeriod(period)
  return `${withYear ? `${year}年` : ''}${monthSpan(1, month)}`
}

/** "2026年10月" */
export function periodLabel(period: Period): string {
  const { year, month } = parsePeriod(period)
  return `${year}年${month}月`
}

/** "2026年1—10月", "2026年3—10月", "2026年10月": the span from `start` to `through` in one year. */
export function rangeLabel(start: Period, through: Period): string {
  const a = parsePeriod(start)
  const b = parsePeriod(through)
  if (a.year !== b.year) return `${a.year}年${a.month}月—${b.year}年${b.month}月`
  return `${b.year}年${monthSpan(a.month, b.month)}`
}
