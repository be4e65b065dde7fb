/**
 * Money units in headers and unit lines. The registry keeps money in 万元; a report in 亿元
 * or 元 says so in a header (产值（亿元）) or in a line above the table (单位：亿元), and its
 * figures are converted, never loaded as if they were 万元.
 */

/** How many 万元 one of each unit is. */
export const MONEY_UNITS: Readonly<Record<string, number>> = {
  元: 0.0001,
  千元: 0.1,
  万元: 1,
  百万元: 100,
  亿元: 10000,
}

const UNIT_PATTERN = Object.keys(MONEY_UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|')
const BRACKETED = new RegExp(`^(.*?)\\s*[（(]\\s*(${UNIT_PATTERN})\\s*[）)]\\s*$`)
const SLASHED = new RegExp(`^(.*?)\\s*[/_]\\s*(${UNIT_PATTERN})\\s*$`)

/** A header's own money unit: 产值（亿元） → { base: 产值, unit: 亿元 }; null when it names none. */
export function headerMoneyUnit(header: string): { base: string; unit: string } | null {
  const m = BRACKETED.exec(header) ?? SLASHED.exec(header)
  return m ? { base: m[1]!, unit: m[2]! } : null
}

/** The unit a line such as 单位：亿元, 金额单位：万元 or （单位：元） gives a whole table; null if none. */
export function unitLine(text: string): string | null {
  const m = new RegExp(`(?:计量|金额)?单位\\s*[:：]\\s*(${UNIT_PATTERN})(?![\\u4e00-\\u9fff])`).exec(text)
  return m ? m[1]! : null
}

/** The factor from a money unit to 万元 (1 when it is 万元 or unknown). */
export function toWanYuan(unit: string | null | undefined): number {
  return (unit && MONEY_UNITS[unit]) || 1
}

/**
 * Headers as mapping should see them: a money unit other than 万元 becomes 万元, so
 * 产值（亿元） maps onto 产值 like 产值（万元）does, and the factor is kept per column.
 */
export function headersInWanYuan(
  headers: readonly string[],
  defaultUnit: string | null = null,
): { headers: string[]; units: (string | null)[] } {
  const units: (string | null)[] = []
  const out = headers.map((h) => {
    const own = headerMoneyUnit(h)
    units.push(own ? own.unit : defaultUnit)
    return own && own.unit !== '万元' ? `${own.base}（万元）` : h
  })
  return { headers: out, units }
}
