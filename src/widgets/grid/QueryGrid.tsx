import { useCallback, useEffect, useMemo, useState } from 'react'

import type { QueryResult, Row } from '../../db/connector'
import { parseNumericFilter } from '../../lib/filter-expr'
import { type BrowseSource, browseSql, type ColumnFilter, countSql } from '../../queries/browse'
import type { FilterSet } from '../../queries/filters'
import { from } from '../../queries/query'
import { useCoordinator } from '../../state/coordinator-context'
import { usePrefetchQueries } from '../../state/prefetch'
import {
  type DataColumn,
  type DataRow,
  DataTable,
  FIRST_WINDOW,
  type SortingState,
  type WindowResult,
} from '../../ui/DataTable'
import { TableExportMenu } from '../export/TableExportMenu'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { exportAllRows } from './export-rows'

export interface QueryGridProps {
  readonly id: string
  readonly title: string
  readonly subtitle?: string
  readonly tables: readonly string[]
  readonly source: BrowseSource
  readonly columns: readonly DataColumn[]
  /** Columns that make the order unique, for stable paging. */
  readonly tiebreak: readonly string[]
  readonly initialSort?: SortingState
  readonly height?: number
  readonly onRowClick?: (row: DataRow) => void
  readonly emptyText?: string
  /** The source for any page filters (the builder of `source`): a likely next click's first rows are fetched ahead. */
  readonly prefetchSource?: (filters: FilterSet) => BrowseSource
}

const DEBOUNCE_MS = 250

const windowResult = (r: QueryResult<Row>): WindowResult =>
  r.ok ? { ok: true, rows: r.value } : { ok: false, error: r.error.message }

/** Typed filter text → SQL filters; text that is not a valid number expression is reported, not applied. */
export function toColumnFilters(
  columns: readonly DataColumn[],
  text: Readonly<Record<string, string>>,
): { filters: ColumnFilter[]; invalid: Set<string> } {
  const filters: ColumnFilter[] = []
  const invalid = new Set<string>()
  for (const col of columns) {
    const raw = text[col.id]?.trim()
    if (!raw || !col.filter) continue
    if (col.filter === 'text') filters.push({ id: col.id, kind: 'text', text: raw })
    else {
      const parsed = parseNumericFilter(raw)
      if (parsed) filters.push({ id: col.id, kind: 'number', filter: parsed })
      else invalid.add(col.id)
    }
  }
  return { filters, invalid }
}

/**
 * A widget showing the rows of a table or query in a virtualised grid. Sorting and column
 * filters run in the database, so it stays fast whatever the row count.
 */
export function QueryGrid({
  id,
  title,
  subtitle,
  tables,
  source,
  columns,
  tiebreak,
  initialSort = [],
  height = 420,
  onRowClick,
  emptyText,
  prefetchSource,
}: QueryGridProps) {
  const coordinator = useCoordinator()
  const [sorting, setSorting] = useState<SortingState>(initialSort)
  const [text, setText] = useState<Record<string, string>>({})
  const [applied, setApplied] = useState<Record<string, string>>({})
  useEffect(() => {
    const t = setTimeout(() => setApplied(text), DEBOUNCE_MS)
    return () => clearTimeout(t)
  }, [text])
  const { filters, invalid } = useMemo(() => toColumnFilters(columns, applied), [columns, applied])
  // The source's columns: one named rowid hides DuckDB's row id, which paging then does without.
  const tableColumns = useMemo(() => columns.map((c) => c.id), [columns])
  const sourceKey = 'table' in source ? source.table : source.query
  const stableSource = useMemo(() => source, [sourceKey]) // eslint-disable-line react-hooks/exhaustive-deps

  const count = useWidgetQuery<{ rows: number }>({ tables, sql: countSql(stableSource, filters) }, () => false)
  // What the grid asks first for another view: its row count and the top window, in the current order.
  usePrefetchQueries((f) => {
    if (!prefetchSource) return []
    const next = prefetchSource(f)
    return [
      { ...from(countSql(next, filters)), tables },
      {
        ...from(
          browseSql({ source: next, sort: sorting, tiebreak, tableColumns, filters, offset: 0, limit: FIRST_WINDOW }),
        ),
        tables,
      },
    ]
  })
  const windowSql = useCallback(
    (offset: number, limit: number) =>
      browseSql({ source: stableSource, sort: sorting, tiebreak, tableColumns, filters, offset, limit }),
    [stableSource, sorting, tiebreak, tableColumns, filters],
  )
  const fetchWindow = useCallback(
    async (offset: number, limit: number): Promise<WindowResult> =>
      windowResult(await coordinator.query(windowSql(offset, limit), tables)),
    [coordinator, windowSql, tables],
  )
  const peekWindow = useCallback(
    (offset: number, limit: number): WindowResult | undefined => {
      const r = coordinator.peek(windowSql(offset, limit), tables)
      return r && windowResult(r)
    },
    [coordinator, windowSql, tables],
  )
  // An export is every row in the current order and filters, not only the window on screen:
  // read page by page, never through the cache (see export-rows.ts).
  const fetchTable = useCallback(
    () =>
      exportAllRows(
        (offset, limit) =>
          from(browseSql({ source: stableSource, sort: sorting, tiebreak, tableColumns, filters, offset, limit })),
        tables,
        columns.map((c) => ({ key: c.id, label: c.header, ...(c.percent ? { percent: true } : {}) })),
        (q, t) => coordinator.fetchUncached(q, t),
      ),
    [coordinator, stableSource, sorting, tiebreak, tableColumns, filters, tables, columns],
  )
  const rowCount =
    count.state === 'ready'
      ? count.rows[0]!.rows
      : count.state === 'loading' && count.stale
        ? count.stale[0]!.rows
        : null
  const state = count.state === 'ready' && count.rows[0]!.rows === 0 && filters.length === 0 ? 'empty' : count.state
  return (
    <WidgetFrame
      id={id}
      title={title}
      subtitle={subtitle ?? (rowCount !== null ? `${rowCount.toLocaleString('en-US')}行` : undefined)}
      state={state}
      tables={tables}
      error={count.state === 'error' ? count.message : undefined}
      emptyText={emptyText}
      showStale={rowCount !== null}
      actions={
        rowCount ? (
          <TableExportMenu id={id} title={title} {...(subtitle ? { subtitle } : {})} fetchTable={fetchTable} />
        ) : undefined
      }
    >
      <DataTable
        label={title}
        columns={columns}
        rowCount={rowCount}
        fetchWindow={fetchWindow}
        peekWindow={peekWindow}
        sorting={sorting}
        onSortingChange={setSorting}
        height={height}
        filterText={text}
        onFilterTextChange={(col, value) => setText((t) => ({ ...t, [col]: value }))}
        invalidFilters={invalid}
        {...(onRowClick ? { onRowClick } : {})}
      />
    </WidgetFrame>
  )
}
