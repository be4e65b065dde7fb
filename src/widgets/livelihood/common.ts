import type { FilterSet } from '../../queries/filters'
import { toggleFilter } from '../../state/filters'

/** Every livelihood widget reads these two tables. */
export const TABLES = ['livelihood_items', 'livelihood_progress']

export interface Props {
  readonly filters: FilterSet
}

/** A click on a category (a bar, a slice, an item keyed by its category) toggles the category filter. */
export const pickCategory = (s: { key: string }) => {
  if (s.key) toggleFilter('categories', s.key)
}
