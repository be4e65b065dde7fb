import { useCallback, useMemo, useState } from 'react'

import { type DataColumn, type DataRow, DataTable, type SortingState, type WindowResult } from '../../ui/DataTable'

export interface ResultColumn {
  readonly name: string
  readonly numeric: boolean
}

/** A value as cell text, as DuckDB gives it (a console shows raw values); nested values as JSON. Never markup. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'zh-CN')
}

/**
 * The console's rows (at most the cap, already in memory) in the virtualised grid; a click
 * on a heading sorts them here, without running the query again.
 */
export function ResultGrid({
  columns,
  rows,
  label,
}: {
  readonly columns: readonly ResultColumn[]
  readonly rows: readonly DataRow[]
  readonly label: string
}) {
  const [sorting, setSorting] = useState<SortingState>([])
  const dataColumns = useMemo<DataColumn[]>(
    () =>
      columns.map((c) => ({
        id: c.name,
        header: c.name,
        title: c.name,
        align: c.numeric ? 'right' : 'left',
        width: Math.min(320, Math.max(90, c.name.length * 9 + 40)),
        format: cellText,
      })),
    [columns],
  )
  const sorted = useMemo(() => {
    if (sorting.length === 0) return rows
    const { id, desc } = sorting[0]!
    return [...rows].sort((a, b) => (desc ? -1 : 1) * compare(a[id], b[id]))
  }, [rows, sorting])
  const fetchWindow = useCallback(
    async (offset: number, limit: number): Promise<WindowResult> => ({
      ok: true,
      rows: sorted.slice(offset, offset + limit) as DataRow[],
    }),
    [sorted],
  )
  return (
    <DataTable
      label={label}
      columns={dataColumns}
      rowCount={sorted.length}
      fetchWindow={fetchWindow}
      sorting={sorting}
      onSortingChange={setSorting}
      height={380}
    />
  )
}
