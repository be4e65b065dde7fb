import { formatNumber, formatPercent, MISSING } from '../../lib/format'
import type { FilterSet } from '../../queries/filters'
import { BEHIND_POINTS } from '../../queries/livelihood'
import { LIVELIHOOD_TABLE } from '../../specs/livelihood'
import type { DataColumn } from '../../ui/DataTable'
import { behind, money } from '../grid/columns'
import { SpecTable } from '../grid/SpecTable'

const pct = (v: unknown) => (v === null || v === undefined ? MISSING : `${formatNumber(v as number, 1)}%`)
const ratio = (v: unknown) => formatPercent(v as number | null)

// What staff check first (progress against schedule, money) comes before the votes and the reference columns.
const COLUMNS: DataColumn[] = [
  { id: 'name', header: '项目', width: 230, filter: 'text' },
  { id: 'category', header: '类别', width: 76, filter: 'text' },
  { id: 'progress', header: '累计进度', width: 84, align: 'right', format: pct, filter: 'number', cellClass: behind },
  { id: 'expected', header: '序时进度', width: 76, align: 'right', format: pct },
  {
    id: 'status',
    header: '状态',
    title: `累计进度低于序时进度${BEHIND_POINTS}个百分点以上为“滞后”`,
    width: 64,
    align: 'center',
    filter: 'text',
    cellClass: behind,
  },
  { id: 'budget', header: '预算（万元）', width: 104, align: 'right', format: money, filter: 'number' },
  { id: 'spent', header: '已支出（万元）', width: 110, align: 'right', format: money, filter: 'number' },
  { id: 'spend_rate', header: '支出率', width: 70, align: 'right', format: ratio, percent: true },
  { id: 'votes_for', header: '赞成票', width: 70, align: 'right', filter: 'number' },
  { id: 'votes_cast', header: '投票数', width: 70, align: 'right' },
  { id: 'vote_rate', header: '得票率', width: 70, align: 'right', format: ratio, percent: true },
  {
    id: 'satisfaction',
    header: '满意度',
    title: '年末（12月）满意度测评',
    width: 70,
    align: 'right',
    format: pct,
    filter: 'number',
  },
  { id: 'responsible_unit', header: '责任单位', width: 110, filter: 'text' },
  { id: 'target', header: '目标任务', width: 240, filter: 'text' },
  { id: 'item_id', header: '编号', width: 100, filter: 'text' },
]

/** Every item under the page's filters, least advanced first; sorted and filtered by the database. */
export function LivelihoodTable({ filters }: { readonly filters: FilterSet }) {
  return <SpecTable spec={LIVELIHOOD_TABLE} filters={filters} columns={COLUMNS} />
}
