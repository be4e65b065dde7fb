import { formatNumber, formatSignedPercent } from '../../lib/format'
import type { FilterSet } from '../../queries/filters'
import { POINTS_TABLE } from '../../specs/clusters'
import { setParam } from '../../state/filters'
import type { DataColumn } from '../../ui/DataTable'
import { money } from '../grid/columns'
import { SpecTable } from '../grid/SpecTable'

const rate = (v: unknown) => formatSignedPercent(v as number | null)
const growthClass = (v: unknown) =>
  typeof v === 'number' ? (v < 0 ? 'num-down' : v > 0 ? 'num-up' : undefined) : undefined

const COLUMNS: DataColumn[] = [
  { id: 'point_id', header: '编号', width: 70, filter: 'text' },
  { id: 'name', header: '企业名称', width: 230, filter: 'text' },
  { id: 'cluster', header: '产业集群', width: 100, filter: 'text' },
  { id: 'town', header: '镇区', width: 100, filter: 'text' },
  { id: 'ytd_output', header: '累计产值（万元）', align: 'right', width: 140, format: money, filter: 'number' },
  {
    id: 'output_yoy',
    header: '产值同比',
    align: 'right',
    width: 96,
    format: rate,
    filter: 'number',
    cellClass: growthClass,
    percent: true,
  },
  { id: 'ytd_tax', header: '累计纳税（万元）', align: 'right', width: 130, format: money, filter: 'number' },
  { id: 'tax_yoy', header: '纳税同比', align: 'right', width: 96, format: rate, cellClass: growthClass, percent: true },
  { id: 'ytd_electricity', header: '用电量（万千瓦时）', align: 'right', width: 150, format: money, filter: 'number' },
  {
    id: 'electricity_yoy',
    header: '用电同比',
    align: 'right',
    width: 96,
    format: rate,
    cellClass: growthClass,
    percent: true,
  },
  {
    id: 'avg_employees',
    header: '月均用工（人）',
    align: 'right',
    width: 120,
    format: (v) => formatNumber(v as number | null),
    filter: 'number',
  },
  { id: 'months_reported', header: '报送月数', align: 'right', width: 90, filter: 'number' },
  { id: 'open_issues', header: '未办结问题', align: 'right', width: 100, filter: 'number' },
]

/** Every point with its figures for the scope; rates are like-for-like. Click a row for the point's detail. */
export function PointsTable({ filters }: { readonly filters: FilterSet }) {
  return (
    <SpecTable
      spec={POINTS_TABLE}
      filters={filters}
      columns={COLUMNS}
      onRowClick={(row) => setParam('point', String(row.point_id))}
    />
  )
}
