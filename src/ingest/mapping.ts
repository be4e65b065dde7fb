import { matchColumn, normalizeHeader } from '../datasets/headers'
import { TABLES } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'

/** For each column of the file, the registry column it fills (by name), or null to ignore it. */
export type ColumnMapping = readonly (string | null)[]

export interface TargetSuggestion {
  readonly table: TableDef
  readonly mapping: ColumnMapping
  /** Columns of the table the file fills. */
  readonly matched: number
  /** Required columns of the table the file does not fill. */
  readonly missingRequired: readonly string[]
}

/** Each header onto a column of `table` by the registry's aliases; a column is used once. */
export function mapHeaders(table: TableDef, headers: readonly string[]): ColumnMapping {
  const used = new Set<string>()
  return headers.map((h) => {
    const column = matchColumn(table, h)
    if (!column || used.has(column.name)) return null
    used.add(column.name)
    return column.name
  })
}

export function missingRequired(table: TableDef, mapping: ColumnMapping): string[] {
  return table.columns.filter((c) => c.required && !mapping.includes(c.name)).map((c) => c.name)
}

/**
 * The tables the headers could belong to, best first: most required columns filled, then
 * most columns matched. A table qualifies when at least half its required columns and two
 * columns match; otherwise the file is best kept as an ad-hoc table.
 */
export function suggestTargets(headers: readonly string[], fileName = ''): TargetSuggestion[] {
  const nameKey = normalizeHeader(fileName.replace(/\.[^.]*$/, ''))
  const out: (TargetSuggestion & { score: number })[] = []
  for (const table of TABLES) {
    const mapping = mapHeaders(table, headers)
    const matched = mapping.filter((m) => m !== null).length
    const missing = missingRequired(table, mapping)
    const required = table.columns.filter((c) => c.required).length
    if (matched < 2 || missing.length > required / 2) continue
    const named = [table.name, table.label, ...(table.aliases ?? [])].some((a) => nameKey.includes(normalizeHeader(a)))
    const score =
      (required - missing.length) * 10 +
      matched +
      (named ? 5 : 0) -
      missing.length * 20 +
      matched / table.columns.length
    out.push({ table, mapping, matched, missingRequired: missing, score })
  }
  return out.sort((a, b) => b.score - a.score)
}

/** The table a file goes to without asking: the best suggestion, if it fills every required column. */
export function automaticTarget(headers: readonly string[], fileName = ''): TargetSuggestion | undefined {
  const best = suggestTargets(headers, fileName)[0]
  return best && best.missingRequired.length === 0 ? best : undefined
}
