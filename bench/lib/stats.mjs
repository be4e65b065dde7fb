/** Summary statistics for benchmark samples. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  // p95 by nearest rank.
  const p95 = n === 0 ? NaN : sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]
  return { median: round(median), p95: round(p95), min: round(sorted[0]), max: round(sorted[n - 1]), n, values: values.map(round) }
}

export const round = (v) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : v)

/** "1234.5 (1100.2–1400.8)" */
export function describe(s, unit = 'ms') {
  return `${s.median}${unit} (${s.min}–${s.max})`
}
