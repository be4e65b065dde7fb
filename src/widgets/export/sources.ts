import { getTable } from '../../datasets/registry'
import type { FilterSet } from '../../queries/filters'
import { type FilterOptionsRow, filterOptionsSql } from '../../queries/options'
import { catalog, sampleTablesIn } from '../../state/catalog'
import { coordinator } from '../../state/coordinator'
import { chipsOf } from '../filters/FilterChips'

/** The Chinese names of the tables a widget reads: its data source. */
export const sourceNames = (tables: readonly string[]) => tables.map((t) => getTable(t)?.label ?? t)

/** Whether any of the tables is still the embedded synthetic sample (as WidgetFrame marks it). */
export function isSample(tables: readonly string[]): boolean {
  return sampleTablesIn(catalog.get(), tables).length > 0
}

const LABEL_TABLES = ['clusters', 'towns', 'point_indicators']

/** The active filters as their chips read ("集群：高端装备"), with cluster and town names looked up. */
export async function filterTexts(filters: FilterSet): Promise<string[]> {
  let labels = new Map<string, string>()
  if ((filters.clusters?.length ?? 0) + (filters.towns?.length ?? 0) > 0) {
    const r = await coordinator.query<FilterOptionsRow>(
      filterOptionsSql({ table: 'point_indicators', period: 'period' }),
      LABEL_TABLES,
    )
    if (r.ok) labels = new Map(r.value.map((o) => [`${o.kind}:${o.value}`, o.label]))
  }
  return chipsOf(filters, labels).map((c) => c.text)
}
