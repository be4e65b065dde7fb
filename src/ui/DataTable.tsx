import {
  type ColumnDef,
  columnSizingFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react'

export type { SortingState }

export type DataRow = Record<string, unknown>

export interface DataColumn {
  readonly id: string
  readonly header: string
  /** Tooltip on the header: the column's name, type, unit. */
  readonly title?: string
  readonly align?: 'left' | 'right' | 'center'
  readonly width?: number
  /** Cell text. Values are always rendered as text, never as markup. */
  readonly format?: (value: unknown, row: DataRow) => string
  /** Offer a filter box under the header: contains-text, or a numeric expression. */
  readonly filter?: 'text' | 'number'
  /** The value is a ratio (0.053, shown as 5.3%): exports write it as a percentage number under a "（%）" header. */
  readonly percent?: boolean
  /** Extra class for a cell, e.g. to flag a value. */
  readonly cellClass?: (value: unknown, row: DataRow) => string | undefined
}

export type WindowResult = { ok: true; rows: DataRow[] } | { ok: false; error: string }

export interface DataTableProps {
  readonly columns: readonly DataColumn[]
  /** Total rows for the current sorting and filters; null while unknown. */
  readonly rowCount: number | null
  /**
   * Rows [offset, offset + limit) in the current order. A new function (new sorting or
   * filters) resets the table to its top.
   */
  readonly fetchWindow: (offset: number, limit: number) => Promise<WindowResult>
  /** The same rows if they are already at hand (a cache), so a new order or filter shows its rows in the render that asks, without a placeholder frame. */
  readonly peekWindow?: (offset: number, limit: number) => WindowResult | undefined
  readonly sorting: SortingState
  readonly onSortingChange: (sorting: SortingState) => void
  readonly label: string
  readonly height?: number
  readonly rowHeight?: number
  /** The filter boxes' text by column id, and where it changes (debounced by the caller or not). */
  readonly filterText?: Readonly<Record<string, string>>
  readonly onFilterTextChange?: (id: string, text: string) => void
  /** Columns whose filter text is not understood (shown in red with a hint). */
  readonly invalidFilters?: ReadonlySet<string>
  readonly onRowClick?: (row: DataRow) => void
}

const features = tableFeatures({ rowSortingFeature, columnSizingFeature })
const WINDOW = 240
/** The rows asked for first (the top of the grid), for prefetching. */
export const FIRST_WINDOW = WINDOW
const defaultText = (v: unknown) => (v === null || v === undefined ? '—' : String(v))

/** Where the window around the rows on screen starts. */
const windowOffset = (first: number, rowCount: number) => Math.max(0, Math.min(first - WINDOW / 4, rowCount - WINDOW))

interface LoadedWindow {
  readonly offset: number
  readonly rows: DataRow[]
  readonly source: DataTableProps['fetchWindow']
}

/**
 * A virtualised grid over any number of rows. Only the rows around the viewport are
 * fetched (a window of a few hundred), so a million-row table scrolls like a small one.
 * Sorting is owned by the caller (the database sorts), the table renders what it gets.
 */
export function DataTable({
  columns,
  rowCount,
  fetchWindow,
  peekWindow,
  sorting,
  onSortingChange,
  label,
  height = 420,
  rowHeight = 32,
  filterText,
  onFilterTextChange,
  invalidFilters,
  onRowClick,
}: DataTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [loaded, setLoaded] = useState<LoadedWindow | null>(null)
  const [error, setError] = useState<{ message: string; source: DataTableProps['fetchWindow'] } | null>(null)
  const requested = useRef<{ offset: number; source: DataTableProps['fetchWindow'] } | null>(null)
  const currentError = error?.source === fetchWindow ? error.message : null

  const count = rowCount ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  // A window fetched for an older order is stale: treat it as not loaded. A window the
  // caller already has for the new order is used at once.
  const fresh = loaded?.source === fetchWindow ? loaded : null
  const offset = rowCount ? windowOffset(first, rowCount) : 0
  // A window taken from the cache is kept for its order, like a fetched one: scrolling
  // inside it must not lose it when the window around the viewport moves.
  const kept = useRef<LoadedWindow | null>(null)
  const peeked = useMemo((): LoadedWindow | null => {
    if (fresh || !peekWindow || !rowCount) return null
    if (kept.current?.source === fetchWindow) return kept.current
    const r = peekWindow(offset, WINDOW)
    return r?.ok ? { offset, rows: r.rows, source: fetchWindow } : null
  }, [fresh, peekWindow, fetchWindow, rowCount, offset])
  if (peeked) kept.current = peeked
  const current = fresh ?? peeked

  const columnDefs = useMemo<ColumnDef<typeof features, DataRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        accessorFn: (row: DataRow) => row[c.id],
        header: c.header,
        size: c.width ?? 140,
        // The text in a span of its own: a flex cell cannot end its text in an ellipsis, and the
        // tooltip shows a value too long for its column in full.
        cell: (info) => {
          const text = (c.format ?? defaultText)(info.getValue(), info.row.original)
          return (
            <span className="data-table__text" title={text}>
              {text}
            </span>
          )
        },
      })),
    [columns],
  )
  const data = useMemo(() => current?.rows ?? [], [current])

  const table = useTable({
    features,
    columns: columnDefs,
    data,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
  })

  // A new order starts at the top. Only a grid scrolled away from it is moved: asking the
  // element to scroll makes the browser lay the page out there and then.
  const scrolledDown = useRef(false)
  useEffect(() => {
    if (scrolledDown.current) scrollRef.current?.scrollTo({ top: 0 })
  }, [fetchWindow])

  useEffect(() => {
    if (rowCount === null || rowCount === 0) return
    const inside = current && first >= current.offset && last < current.offset + current.rows.length
    if (inside) return
    const req = requested.current
    if (req && req.source === fetchWindow && Math.abs(req.offset - offset) < WINDOW / 8) return
    requested.current = { offset, source: fetchWindow }
    let cancelled = false
    void fetchWindow(offset, WINDOW).then((result) => {
      if (cancelled) return
      if (result.ok) setLoaded({ offset, rows: result.rows, source: fetchWindow })
      else setError({ message: result.error, source: fetchWindow })
    })
    return () => {
      cancelled = true
      if (requested.current?.offset === offset) requested.current = null
    }
  }, [first, last, offset, rowCount, fetchWindow, current])

  const totalWidth = table.getTotalSize()
  const rows = table.getRowModel().rows
  const rowStyle = (start: number): CSSProperties => ({
    transform: `translateY(${start}px)`,
    height: rowHeight,
    width: totalWidth,
  })

  return (
    <div className="data-table" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div
        className="data-table__scroll"
        ref={scrollRef}
        style={{ height }}
        onScroll={(e) => (scrolledDown.current = e.currentTarget.scrollTop > 0)}
      >
        <div className="data-table__head" role="rowgroup" style={{ width: totalWidth }}>
          {table.getHeaderGroups().map((group) => (
            <div className="data-table__row data-table__row--head" role="row" key={group.id}>
              {group.headers.map((header) => {
                const col = columns.find((c) => c.id === header.column.id)
                const sorted = header.column.getIsSorted()
                return (
                  <button
                    type="button"
                    role="columnheader"
                    key={header.id}
                    className={`data-table__cell data-table__cell--${col?.align ?? 'left'}`}
                    style={{ width: header.getSize() }}
                    title={col?.title}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {col?.header}
                    <span className="data-table__sort" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                )
              })}
            </div>
          ))}
          {onFilterTextChange && columns.some((c) => c.filter) && (
            <div className="data-table__row data-table__row--filters" role="row">
              {table.getHeaderGroups()[0]!.headers.map((header) => {
                const col = columns.find((c) => c.id === header.column.id)
                return (
                  <div role="cell" key={header.id} className="data-table__cell" style={{ width: header.getSize() }}>
                    {col?.filter && (
                      <input
                        type="search"
                        className={`data-table__filter${invalidFilters?.has(col.id) ? ' data-table__filter--invalid' : ''}`}
                        aria-label={`筛选 ${col.header}`}
                        aria-invalid={invalidFilters?.has(col.id) ?? false}
                        placeholder={col.filter === 'number' ? '>100、10~20' : '包含…'}
                        title={invalidFilters?.has(col.id) ? '无法识别：可输入 100、>100、>=100、<5、10~20' : undefined}
                        value={filterText?.[col.id] ?? ''}
                        onChange={(e) => onFilterTextChange(col.id, e.target.value)}
                      />
                    )}
                  </div>
                )
              })}
            </div>
          )}
        </div>
        <div
          className="data-table__body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize(), width: totalWidth }}
        >
          {items.map((item) => {
            const row = current && item.index >= current.offset ? rows[item.index - current.offset] : undefined
            return (
              <div
                className={`data-table__row${onRowClick && row ? ' data-table__row--clickable' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                key={item.key}
                style={rowStyle(item.start)}
                tabIndex={onRowClick && row ? 0 : undefined}
                onClick={onRowClick && row ? () => onRowClick(row.original) : undefined}
                onKeyDown={onRowClick && row ? (e) => e.key === 'Enter' && onRowClick(row.original) : undefined}
              >
                {row ? (
                  row.getAllCells().map((cell) => {
                    const col = columns.find((c) => c.id === cell.column.id)
                    return (
                      <div
                        role="cell"
                        key={cell.id}
                        className={`data-table__cell data-table__cell--${col?.align ?? 'left'} ${col?.cellClass?.(cell.getValue(), row.original) ?? ''}`}
                        style={{ width: cell.column.getSize() }}
                      >
                        <table.FlexRender cell={cell} />
                      </div>
                    )
                  })
                ) : (
                  <div role="cell" className="data-table__cell data-table__cell--placeholder">
                    …
                  </div>
                )}
              </div>
            )
          })}
        </div>
        {rowCount === 0 && <p className="data-table__note">没有符合条件的行</p>}
        {currentError && (
          <p className="data-table__note data-table__note--error" role="alert">
            读取数据失败：{currentError}
          </p>
        )}
      </div>
    </div>
  )
}
