import type { BriefingFigure } from '../../export/pack'
import type { FilterSet } from '../../queries/filters'
import { KPIS } from '../../specs/kpis'
import { isEmptyRows, type KpiSpec, viewQuery } from '../../specs/types'
import type { Coordinator } from '../../state/coordinator'

/** The Overview's headline figures (the same specs as its KPI cards), for a briefing's key figures. */
export async function kpiFigures(coordinator: Coordinator, filters: FilterSet): Promise<BriefingFigure[]> {
  const specs = Object.values(KPIS) as KpiSpec<unknown>[]
  const answers = await Promise.all(specs.map((s) => coordinator.query(viewQuery(s, filters))))
  return specs.flatMap((s, i) => {
    const r = answers[i]!
    const row = r.ok ? r.value[0] : undefined
    if (row === undefined || isEmptyRows(s, [row])) return []
    const text = s.present(row)
    return [{ title: s.title, value: text.value, unit: text.unit, lines: text.lines }]
  })
}
