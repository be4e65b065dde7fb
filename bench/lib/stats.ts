/** Summary statistics for benchmark samples, rounded to 0.1. */
export interface Summary {
  readonly median: number
  readonly p95: number
  readonly min: number
  readonly max: number
  readonly n: number
  readonly values: number[]
}

export const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : v)

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
  // p95 by nearest rank.
  const p95 = n === 0 ? NaN : sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!
  return {
    median: round(median),
    p95: round(p95),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[n - 1] ?? NaN),
    n,
    values: values.map(round),
  }
}

/** "1234.5ms (1100.2–1400.8)" */
export function describe(s: Summary, unit = 'ms'): string {
  return `${s.median}${unit} (${s.min}–${s.max})`
}
