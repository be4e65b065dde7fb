import type { FilterSet } from '../../queries/filters'
import { LEDGER } from '../../specs/supervision'
import type { DataColumn } from '../../ui/DataTable'
import { SpecTable } from '../grid/SpecTable'

// Widths fit a 7-of-12 column at 1920 px; the topic takes what is left.
const COLUMNS: DataColumn[] = [
  { id: 'activity_id', header: '编号', width: 84, filter: 'text' },
  { id: 'date', header: '日期', width: 104, filter: 'text' },
  { id: 'type', header: '类型', width: 112, filter: 'text' },
  { id: 'title', header: '议题', width: 470, filter: 'text' },
  { id: 'area', header: '领域', width: 90, filter: 'text' },
  { id: 'deputies_count', header: '参加代表（人次）', width: 130, align: 'right', filter: 'number' },
]

export function LedgerTable({ filters }: { readonly filters: FilterSet }) {
  return <SpecTable spec={LEDGER} filters={filters} columns={COLUMNS} />
}
