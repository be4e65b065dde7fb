import { useMemo } from 'react'

import type { FilterSet } from '../../queries/filters'
import { type TableSpec, viewQuery } from '../../specs/types'
import type { DataColumn, DataRow } from '../../ui/DataTable'
import { QueryGrid } from './QueryGrid'

/** The rows of a spec's query for the page's filters, in a grid: the columns are the view's own. */
const sourceOf = (spec: TableSpec<unknown>, filters: FilterSet) => {
  const q = viewQuery(spec, filters)
  return { query: q.sql, derived: q.derived }
}

export function SpecTable({
  spec,
  filters,
  columns,
  onRowClick,
}: {
  readonly spec: TableSpec<unknown>
  readonly filters: FilterSet
  readonly columns: readonly DataColumn[]
  readonly onRowClick?: (row: DataRow) => void
}) {
  const source = useMemo(() => sourceOf(spec, filters), [spec, filters])
  const tables = useMemo(() => viewQuery(spec, filters).tables, [spec, filters])
  return (
    <QueryGrid
      id={spec.id}
      title={spec.title}
      tables={tables}
      source={source}
      prefetchSource={(f) => sourceOf(spec, f)}
      columns={columns}
      tiebreak={spec.order.tiebreak}
      initialSort={[...spec.order.sort]}
      {...(spec.height ? { height: spec.height } : {})}
      {...(onRowClick ? { onRowClick } : {})}
      {...(spec.emptyText ? { emptyText: spec.emptyText } : {})}
    />
  )
}
