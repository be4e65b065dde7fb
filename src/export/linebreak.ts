/**
 * Line breaking for Chinese text we lay out ourselves (PDF pages, captions in images), by the
 * rules of Chinese typesetting (GB/T 15834 and the W3C's clreq): Chinese breaks between any
 * two characters, except that closing punctuation never starts a line, opening punctuation
 * never ends one, and a number (with its decimal point, sign, % and unit) is never split.
 */

/** Never at the start of a line: closing marks, pauses and stops, Chinese and Western. */
export const NO_START = new Set([...'，。、；：？！）」』》〉】〕｝”’…—·・％%‰,.;:?!)]}>'])
/** Never at the end of a line: opening marks. */
export const NO_END = new Set([...'（「『《〈【〔｛“‘([{<'])

/**
 * A run that stays whole: a number ("117.30", "-2.5%", "1—10月" counts as "1—10" then 月) or
 * a Latin word, with a unit that follows it directly ("117.30亿元", "19家", "5.4%").
 */
const UNIT_AFTER = '(?:亿元|万元|万千瓦时|千瓦时|个百分点|人次|[元%％‰个项家件条次人户天年月日倍])?'
const TOKEN = new RegExp(`[+\\-−]?[0-9][0-9.,:/—–\\-]*[0-9%％‰]?${UNIT_AFTER}|[A-Za-z][A-Za-z0-9_\\-]*|[^]`, 'gu')

/** The text cut into the pieces a line may break between. */
export function breakUnits(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0)!)
const lastChar = (s: string) => [...s].pop() ?? ''

/** Whether a line may end before `units[i]` (and the next start with it). */
function canBreakBefore(units: readonly string[], i: number): boolean {
  if (i <= 0 || i >= units.length) return false
  return !NO_START.has(firstChar(units[i]!)) && !NO_END.has(lastChar(units[i - 1]!))
}

/**
 * Breaks `text` into lines no wider than `max` (by `measure`, in any unit), hard breaks at
 * "\n". When the character that overflows may not start a line, the break moves back to the
 * last place it may go; with no such place (one long number), a closing mark hangs past the
 * edge, and a run longer than the whole line is cut by character as a last resort.
 */
export function breakLines(text: string, max: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    const units = breakUnits(paragraph)
    if (units.length === 0) {
      out.push('')
      continue
    }
    let start = 0
    let width = 0
    for (let i = 0; i < units.length; i++) {
      const w = measure(units[i]!)
      if (i > start && width + w > max) {
        let at = i
        while (at > start && !canBreakBefore(units, at)) at--
        if (at === start) {
          // Nowhere to break inside this line: hang a closing mark, else break here.
          if (NO_START.has(firstChar(units[i]!))) {
            width += w
            continue
          }
          at = i
        }
        out.push(units.slice(start, at).join(''))
        start = at
        width = units.slice(start, i).reduce((s, u) => s + measure(u), 0)
      }
      if (i === start && w > max && units[i]!.length > 1) {
        // A single run wider than the line: cut it by character (never happens with real figures).
        const chars = [...units[i]!]
        units.splice(i, 1, ...chars)
        i--
        continue
      }
      width += w
    }
    out.push(units.slice(start).join(''))
  }
  return out
}

/** Whether no line starts with a closing mark or ends with an opening one: the check the tests make. */
export function badBreaks(lines: readonly string[]): string[] {
  return lines.filter((l, i) => {
    const t = l.trim()
    if (!t) return false
    return (i > 0 && NO_START.has(firstChar(t))) || NO_END.has(lastChar(t))
  })
}
