import { useMemo } from 'react'
import { categoryBudgetOption, categoryShareOption, itemsProgressOption, livelihoodMonthlyOption, satisfactionOption, votesOption } from '../../charts/livelihood'
import { formatNumber, formatPercent, MISSING } from '../../lib/format'
import { periodLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import {
  livelihoodCategorySql,
  livelihoodItemsSql,
  livelihoodMonthlySql,
  livelihoodSummarySql,
  type ItemRow,
  type LivelihoodCategoryRow,
  type LivelihoodMonthRow,
  type LivelihoodSummaryRow,
} from '../../queries/livelihood'
import { toggleFilter } from '../../state/filters'
import type { DataColumn } from '../../ui/DataTable'
import { ChartWidget } from '../ChartWidget'
import { QueryGrid } from '../grid/QueryGrid'
import { Narrative } from '../Narrative'
import { livelihoodNarrative } from './narrative'

const TABLES = ['livelihood_items', 'livelihood_progress']

interface Props {
  readonly filters: FilterSet
}

const pickCategory = (s: { key: string }) => s.key && toggleFilter('categories', s.key)
const asOf = (rows: readonly ItemRow[]) => {
  const latest = rows.map((r) => r.period).filter(Boolean).sort().pop()
  return latest ? `截至${periodLabel(latest)}` : '尚未报送进度'
}

export function LivelihoodNarrative({ filters }: Props) {
  return <Narrative<LivelihoodSummaryRow> id="livelihood-narrative" tables={TABLES} sql={livelihoodSummarySql(filters)} compose={livelihoodNarrative} />
}

export function LivelihoodProgress({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="livelihood-progress"
      title="项目进度与序时进度"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年 · ${asOf(rows)} · 橙色为低于序时进度15个百分点以上`}
      tables={TABLES}
      sql={livelihoodItemsSql(filters)}
      option={itemsProgressOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={520}
    />
  )
}

export function LivelihoodMonthly({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodMonthRow>
      id="livelihood-monthly"
      title="平均进度走势"
      subtitle={(rows) => (rows[0] ? `${rows[0].period.slice(0, 4)}年 · 序时进度：2月起按月平均推进至12月完成` : '')}
      tables={TABLES}
      sql={livelihoodMonthlySql(filters)}
      option={livelihoodMonthlyOption}
      emptyText="所选范围内还没有进度报送"
      height={260}
    />
  )
}

export function LivelihoodBudget({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodCategoryRow>
      id="livelihood-budget"
      title="分类别预算与支出"
      subtitle={() => '预算与累计支出 · 点击筛选类别'}
      tables={TABLES}
      sql={livelihoodCategorySql(filters)}
      option={categoryBudgetOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={260}
    />
  )
}

export function LivelihoodCategories({ filters }: Props) {
  return (
    <ChartWidget<LivelihoodCategoryRow>
      id="livelihood-category"
      title="项目类别"
      subtitle={() => '项目数 · 点击筛选类别'}
      tables={TABLES}
      sql={livelihoodCategorySql(filters)}
      option={categoryShareOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={260}
    />
  )
}

export function LivelihoodVotes({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="livelihood-votes"
      title="代表票决结果"
      subtitle={(rows) => `赞成票 / 投票数 · ${rows[0]?.year ?? ''}年人民代表大会票决`}
      tables={TABLES}
      sql={livelihoodItemsSql(filters)}
      option={votesOption}
      emptyText="所选年度没有民生实事项目"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={520}
    />
  )
}

export function LivelihoodSatisfaction({ filters }: Props) {
  return (
    <ChartWidget<ItemRow>
      id="livelihood-satisfaction"
      title="年末满意度测评"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年12月测评`}
      tables={TABLES}
      sql={livelihoodItemsSql(filters)}
      option={satisfactionOption}
      isEmpty={(rows) => rows.every((r) => r.satisfaction === null)}
      emptyText="年末满意度测评尚未进行（每年12月测评）"
      selected={filters.categories ?? []}
      onSelect={pickCategory}
      height={520}
    />
  )
}

const money = (v: unknown) => (v === null || v === undefined ? MISSING : formatNumber(v as number, 2))
const pct = (v: unknown) => (v === null || v === undefined ? MISSING : `${formatNumber(v as number, 1)}%`)
const COLUMNS: DataColumn[] = [
  { id: 'item_id', header: '编号', width: 104, filter: 'text' },
  { id: 'name', header: '项目', width: 260, filter: 'text' },
  { id: 'category', header: '类别', width: 90, filter: 'text' },
  { id: 'responsible_unit', header: '责任单位', width: 120, filter: 'text' },
  { id: 'votes_for', header: '赞成票', width: 80, align: 'right', filter: 'number' },
  { id: 'votes_cast', header: '投票数', width: 80, align: 'right' },
  { id: 'vote_rate', header: '得票率', width: 84, align: 'right', format: (v) => formatPercent(v as number | null) },
  { id: 'budget', header: '预算（万元）', width: 120, align: 'right', format: money, filter: 'number' },
  { id: 'spent', header: '已支出（万元）', width: 124, align: 'right', format: money, filter: 'number' },
  { id: 'spend_rate', header: '支出率', width: 84, align: 'right', format: (v) => formatPercent(v as number | null) },
  { id: 'progress', header: '累计进度', width: 90, align: 'right', format: pct, filter: 'number', cellClass: (_, row) => (row.behind ? 'num-down' : undefined) },
  { id: 'expected', header: '序时进度', width: 90, align: 'right', format: pct },
  { id: 'behind', header: '进度', width: 70, format: (v) => (v ? '滞后' : '正常'), cellClass: (v) => (v ? 'num-down' : undefined) },
  { id: 'satisfaction', header: '满意度', width: 84, align: 'right', format: pct, filter: 'number' },
  { id: 'target', header: '目标任务', width: 260, filter: 'text' },
]

export function LivelihoodTable({ filters }: Props) {
  const source = useMemo(() => ({ query: livelihoodItemsSql(filters) }), [filters])
  return <QueryGrid id="livelihood-table" title="民生实事项目明细" tables={TABLES} source={source} columns={COLUMNS} tiebreak={['item_id']} initialSort={[{ id: 'progress', desc: false }]} height={380} emptyText="所选年度没有民生实事项目" />
}
