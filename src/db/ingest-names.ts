import { columnHeading } from '../datasets/registry'
import type { TableDef } from '../datasets/schema'
import type { ColumnMapping } from '../ingest/mapping'
import { describeCandidates, nameResolver, type Resolution } from '../ingest/names'
import {
  applyNamesSql,
  type ColumnResolution,
  nameColumnOf,
  referenceLabel,
  referenceRowsSql,
  unknownValuesSql,
} from '../ingest/resolve-sql'
import { checkedForeignKeys } from '../ingest/stage-sql'
import { err, ok, type Result } from '../lib/result'
import type { IngestSession } from './ingest'

async function run(session: IngestSession, sql: string): Promise<Result<Record<string, unknown>[], string>> {
  const r = await session.connector.query(sql)
  return r.ok ? ok(r.value as Record<string, unknown>[]) : err(r.error.message)
}

/**
 * Names instead of codes: in each checked reference column, the distinct values that are not
 * ids are resolved by name against the table in use (embedded or uploaded); those that resolve
 * to one id are replaced by it. The rest stay, and are reported with their closest candidates.
 */
export async function resolveNames(
  session: IngestSession,
  table: TableDef,
  mapping: ColumnMapping,
): Promise<Result<ColumnResolution[], string>> {
  const out: ColumnResolution[] = []
  for (const fk of checkedForeignKeys(table, mapping)) {
    const nameColumn = nameColumnOf(fk)
    if (!nameColumn) continue
    const unknown = await run(session, unknownValuesSql(fk))
    if (!unknown.ok) return err(`核对名称失败：${unknown.error.split('\n')[0]}`)
    if (unknown.value.length === 0) continue
    const refs = await run(session, referenceRowsSql(fk, nameColumn))
    if (!refs.ok) return err(`核对名称失败：${refs.error.split('\n')[0]}`)
    const resolve = nameResolver(refs.value.map((r) => ({ id: String(r.id), name: String(r.name ?? r.id) })))
    const resolved: { from: string; to: string }[] = []
    const unresolved = new Map<string, Resolution>()
    for (const row of unknown.value) {
      const value = String(row.raw)
      const r = resolve(value)
      if (r.kind === 'id') resolved.push({ from: value, to: r.id })
      else unresolved.set(value, r)
    }
    if (resolved.length) {
      for (const sql of applyNamesSql(
        session.stageTable,
        fk.column,
        resolved.map((r) => [r.from, r.to]),
      )) {
        const applied = await run(session, sql)
        if (!applied.ok) return err(`按名称对应编号失败：${applied.error.split('\n')[0]}`)
      }
    }
    out.push({ column: fk.column, references: fk.references.table, resolved, unresolved })
  }
  return ok(out)
}

/** The report's line for a reference value that stays unknown or ambiguous. */
export function unresolvedProblem(value: string, resolution: Resolution, references: string): string {
  const where = referenceLabel(references)
  if (resolution.kind === 'ambiguous')
    return `「${value}」与${where}中的多个名称相符：${describeCandidates(resolution.candidates)}；请改填编号或全称`
  const closest = resolution.kind === 'unknown' ? resolution.candidates : []
  return `在${where}中找不到这个编号或名称${closest.length ? `；最接近的：${describeCandidates(closest)}` : ''}`
}

/** One line per reference column whose names were replaced by ids. */
export function resolutionNotes(names: readonly ColumnResolution[], table: TableDef): string[] {
  return names
    .filter((n) => n.resolved.length > 0)
    .map((n) => {
      const def = table.columns.find((c) => c.name === n.column)
      const shown = n.resolved
        .slice(0, 5)
        .map((r) => `${r.from} → ${r.to}`)
        .join('、')
      return `「${def ? columnHeading(def) : n.column}」列中的 ${n.resolved.length} 个名称已按${referenceLabel(n.references)}换成编号：${shown}${n.resolved.length > 5 ? ' 等' : ''}`
    })
}
