import type { FilterSet } from '../../queries/filters'
import { INDICATOR_ANCHOR } from '../../queries/indicators'
import { filterBar } from '../../specs/page'
import { catalog, sampleTablesIn } from '../../state/catalog'
import type { Coordinator } from '../../state/coordinator'
import { chipsOf } from '../filters/FilterChips'

/** The Chinese names of the tables a widget reads: its data source. */
export { sourceNames } from '../../specs/types'

/** Whether any of the tables is still the embedded synthetic sample (as WidgetFrame marks it). */
export function isSample(tables: readonly string[]): boolean {
  return sampleTablesIn(catalog.get(), tables).length > 0
}

/** The active filters as their chips read ("集群：高端装备"), with cluster and town names looked up. */
export async function filterTexts(coordinator: Coordinator, filters: FilterSet): Promise<string[]> {
  let labels = new Map<string, string>()
  if ((filters.clusters?.length ?? 0) + (filters.towns?.length ?? 0) > 0) {
    const r = await coordinator.query(filterBar(INDICATOR_ANCHOR).query({}))
    if (r.ok) labels = new Map(r.value.map((o) => [`${o.kind}:${o.value}`, o.label]))
  }
  return chipsOf(filters, labels).map((c) => c.text)
}
