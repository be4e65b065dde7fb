/**
 * What a user types in a numeric column filter: "100", ">100", ">= 1,000", "<5%", "10~20",
 * "10-20" (a range), with full-width characters accepted. Returns null when it is not one of those.
 */
export type NumericFilter =
  | { readonly op: '=' | '>' | '>=' | '<' | '<='; readonly value: number }
  | { readonly op: 'between'; readonly low: number; readonly high: number }

const NUM = String.raw`[-+]?\d+(?:\.\d+)?`

export function parseNumericFilter(input: string): NumericFilter | null {
  const text = input
    .normalize('NFKC')
    .replace(/[,\s%]/g, '')
    .replace(/[～〜]/g, '~')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
  if (!text) return null
  const range = new RegExp(`^(${NUM})(?:~|-(?=\\d))(${NUM})$`).exec(text)
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])]
    return { op: 'between', low: Math.min(a, b), high: Math.max(a, b) }
  }
  const cmp = new RegExp(`^(>=|<=|>|<|=)?(${NUM})$`).exec(text)
  if (!cmp) return null
  return { op: (cmp[1] ?? '=') as '=' | '>' | '>=' | '<' | '<=', value: Number(cmp[2]) }
}
