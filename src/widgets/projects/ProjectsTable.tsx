import { formatNumber, MISSING } from '../../lib/format'
import type { FilterSet } from '../../queries/filters'
import { BEHIND_MARGIN } from '../../queries/projects'
import { PROJECTS_TABLE } from '../../specs/projects'
import type { DataColumn } from '../../ui/DataTable'
import { behind, money } from '../grid/columns'
import { SpecTable } from '../grid/SpecTable'

const oneDecimal = (v: unknown) => (v === null || v === undefined ? MISSING : formatNumber(v as number, 1))

const COLUMNS: DataColumn[] = [
  { id: 'project_id', header: '编号', width: 100, filter: 'text' },
  { id: 'name', header: '项目名称', width: 220, filter: 'text' },
  { id: 'level', header: '层级', width: 80, filter: 'text' },
  { id: 'category', header: '类别', width: 80, filter: 'text' },
  { id: 'cluster', header: '产业集群', width: 84, filter: 'text' },
  { id: 'town', header: '镇区', width: 92, filter: 'text' },
  { id: 'german', header: '对德合作', width: 72, align: 'center', filter: 'text' },
  { id: 'status', header: '状态', width: 64, filter: 'text' },
  { id: 'total_investment', header: '总投资（万元）', width: 128, align: 'right', format: money, filter: 'number' },
  {
    id: 'year_plan_investment',
    header: '年度计划（万元）',
    width: 124,
    align: 'right',
    format: money,
    filter: 'number',
  },
  {
    id: 'completed',
    header: '完成投资（万元）',
    title: '所选月份内完成的投资',
    width: 124,
    align: 'right',
    format: money,
    filter: 'number',
  },
  {
    id: 'completion_pct',
    header: '完成率（%）',
    width: 96,
    align: 'right',
    format: oneDecimal,
    filter: 'number',
    cellClass: behind,
  },
  { id: 'progress', header: '形象进度（%）', width: 116, align: 'right', format: oneDecimal, filter: 'number' },
  {
    id: 'behind',
    header: '序时',
    title: `完成率低于序时进度${formatNumber(BEHIND_MARGIN * 100)}个百分点以上为“滞后”`,
    width: 56,
    align: 'center',
    format: (v) => (v === null ? MISSING : v ? '滞后' : '正常'),
    cellClass: behind,
  },
  { id: 'start_date', header: '开工日期', width: 96, filter: 'text' },
  { id: 'planned_finish', header: '计划竣工', width: 96, filter: 'text' },
  { id: 'owner_unit', header: '建设单位', width: 130, filter: 'text' },
]

/** Every project of the year under the page's filters; sorted and filtered by the database. */
export function ProjectsTable({ filters }: { readonly filters: FilterSet }) {
  return <SpecTable spec={PROJECTS_TABLE} filters={filters} columns={COLUMNS} />
}
