import type { SqlQuery } from '../queries/derived'
import type { FilterSet } from '../queries/filters'
import { usePrefetchSql } from '../state/prefetch'
import { useNarrativeExport } from './export/narratives'
import { useWidgetQuery } from './useWidgetQuery'
import { WidgetFrame } from './WidgetFrame'

export interface NarrativeProps<R> {
  readonly id: string
  readonly tables: readonly string[]
  readonly sql: string | SqlQuery | null
  /** Formal Chinese from the query's one row: every figure comes from the SQL. */
  readonly compose: (row: R) => string
  /** The SQL for any filters (the same builder as `sql`), for prefetching a likely next click. */
  readonly prefetch?: (filters: FilterSet) => string | SqlQuery | null
}

/** A page's opening sentences, written from the same data as its charts. */
export function Narrative<R>({ id, tables, sql, compose, prefetch }: NarrativeProps<R>) {
  usePrefetchSql(tables, prefetch)
  const data = useWidgetQuery<R>({ tables, sql })
  const text =
    data.state === 'ready'
      ? compose(data.rows[0]!)
      : data.state === 'loading' && data.stale
        ? compose(data.stale[0]!)
        : null
  useNarrativeExport(id, tables, text)
  return (
    <WidgetFrame
      id={id}
      title="综述"
      state={data.state}
      tables={tables}
      className="widget--narrative"
      showStale={text !== null}
      error={data.state === 'error' ? data.message : undefined}
      emptyText="所选范围内尚无数据，无法生成综述。"
    >
      <p className="narrative" data-testid="narrative">
        {text}
      </p>
    </WidgetFrame>
  )
}
