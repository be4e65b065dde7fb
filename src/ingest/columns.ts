/**
 * Names for what a file brings: column names made unique and legal, and a name for an
 * ad-hoc table. Identifiers are always quoted in SQL, so "legal" means: no control
 * characters, not empty, not too long, and distinct without regard to case (DuckDB
 * compares identifiers case-insensitively).
 */

const MAX_NAME = 60

function clean(name: string): string {
  return Array.from(
    name
      // Control characters (NUL included) never belong in a name.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .slice(0, MAX_NAME)
    .join('')
}

/** Unique, non-empty column names: empty ones become 列3, repeats get _2, _3 (skipping names already taken). */
export function uniqueColumnNames(headers: readonly string[]): string[] {
  const cleaned = headers.map((h, i) => clean(h) || `列${i + 1}`)
  const taken = new Set<string>()
  const counts = new Map<string, number>()
  for (const c of cleaned) counts.set(c.toLowerCase(), (counts.get(c.toLowerCase()) ?? 0) + 1)
  // Names that occur once keep their spelling; repeats are numbered around them.
  for (const c of cleaned) if (counts.get(c.toLowerCase()) === 1) taken.add(c.toLowerCase())
  const seen = new Set<string>()
  return cleaned.map((c) => {
    const key = c.toLowerCase()
    if (counts.get(key) === 1) return c
    if (!seen.has(key) && !taken.has(key)) {
      seen.add(key)
      taken.add(key)
      return c
    }
    let n = 2
    while (taken.has(`${key}_${n}`)) n++
    taken.add(`${key}_${n}`)
    return `${c}_${n}`
  })
}

/** An ad-hoc table's name from a file name: "上传_月报" style, distinct from every existing table. */
export function adhocTableName(fileName: string, existing: Iterable<string>): string {
  const base =
    clean(
      fileName
        .replace(/\.(csv|tsv|txt)(\.gz)?$/i, '')
        .replace(/[^\p{L}\p{N}_]+/gu, '_')
        .replace(/^_+|_+$/g, ''),
    ) || '数据'
  const stem = `上传_${base}`.slice(0, MAX_NAME)
  const taken = new Set([...existing].map((n) => n.toLowerCase()))
  if (!taken.has(stem.toLowerCase())) return stem
  let n = 2
  while (taken.has(`${stem}_${n}`.toLowerCase())) n++
  return `${stem}_${n}`
}

/** A user-typed table name, made legal; null when nothing usable is left. */
export function legalTableName(name: string): string | null {
  const c = clean(name)
  return c === '' ? null : c
}
