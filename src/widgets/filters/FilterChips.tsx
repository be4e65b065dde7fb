import type { FilterSet } from '../../queries/filters'

interface Chip {
  readonly key: keyof FilterSet
  readonly value?: string
  readonly text: string
}

const DIM_LABEL: Record<string, string> = {
  clusters: '集群',
  towns: '镇区',
  statuses: '状态',
  categories: '类别',
  types: '类型',
}
const KIND_OF: Record<string, string> = { clusters: 'cluster', towns: 'town' }

/** The chips an active filter set shows: what is filtered, each removable. */
export function chipsOf(filters: FilterSet, labels: ReadonlyMap<string, string>): Chip[] {
  const chips: Chip[] = []
  if (filters.year !== undefined) chips.push({ key: 'year', text: `年度：${filters.year}年` })
  if (filters.fromMonth !== undefined) chips.push({ key: 'fromMonth', text: `起：${filters.fromMonth}月` })
  if (filters.toMonth !== undefined) chips.push({ key: 'toMonth', text: `止：${filters.toMonth}月` })
  for (const dim of ['clusters', 'towns', 'statuses', 'categories', 'types'] as const) {
    for (const value of filters[dim] ?? []) {
      const label = labels.get(`${KIND_OF[dim] ?? dim}:${value}`) ?? value
      chips.push({ key: dim, value, text: `${DIM_LABEL[dim]}：${label}` })
    }
  }
  if (filters.german) chips.push({ key: 'german', text: '对德合作' })
  return chips
}

export function FilterChips({
  filters,
  labels,
  onRemove,
}: {
  readonly filters: FilterSet
  readonly labels: ReadonlyMap<string, string>
  readonly onRemove: (key: keyof FilterSet, value?: string) => void
}) {
  const chips = chipsOf(filters, labels)
  if (chips.length === 0) return null
  return (
    <ul className="chips" aria-label="已选筛选条件">
      {chips.map((chip) => (
        <li key={`${chip.key}:${chip.value ?? ''}`} className="chip" data-filter={chip.key} data-value={chip.value}>
          <span>{chip.text}</span>
          <button type="button" aria-label={`移除筛选 ${chip.text}`} onClick={() => onRemove(chip.key, chip.value)}>
            ×
          </button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button type="button" className="chips__clear" onClick={() => chips.forEach((c) => onRemove(c.key, c.value))}>
            清除全部
          </button>
        </li>
      )}
    </ul>
  )
}
