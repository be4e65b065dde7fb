import { useMemo } from 'react'

import {
  activitiesOption,
  microOption,
  microTownsOption,
  suggestionCategoriesOption,
  suggestionsOption,
} from '../../charts/supervision'
import { rangeLabel } from '../../lib/period'
import type { FilterSet } from '../../queries/filters'
import {
  activitiesByYearSql,
  type ActivityCountRow,
  ledgerSql,
  microByTownSql,
  microByYearSql,
  type MicroTownRow,
  type MicroYearRow,
  suggestionCategoriesSql,
  type SuggestionCategoryRow,
  suggestionsByYearSql,
  type SuggestionYearRow,
  type SupervisionSummaryRow,
  supervisionSummarySql,
} from '../../queries/supervision'
import { toggleFilter } from '../../state/filters'
import type { DataColumn } from '../../ui/DataTable'
import { ChartWidget } from '../ChartWidget'
import { QueryGrid } from '../grid/QueryGrid'
import { Narrative } from '../Narrative'
import { supervisionNarrative } from './present'

// Every query's scope finds "latest" in the ledger, so each lists it among the tables it reads.
const LEDGER = ['supervision_activities']
const NARRATIVE_TABLES = ['supervision_activities', 'deputy_suggestions', 'micro_suggestions']
const SUGGESTIONS = ['deputy_suggestions', 'supervision_activities']
const MICRO = ['micro_suggestions', 'supervision_activities']
const MICRO_TOWNS = ['micro_suggestions', 'towns', 'supervision_activities']

interface Props {
  readonly filters: FilterSet
}

const monthsLabel = (f: FilterSet) =>
  f.fromMonth !== undefined || f.toMonth !== undefined
    ? `各年${f.fromMonth ?? 1}—${f.toMonth ?? 12}月`
    : '往年为全年，本年至最新月份'

export function SupervisionNarrative({ filters }: Props) {
  return (
    <Narrative<SupervisionSummaryRow>
      id="supervision-narrative"
      tables={NARRATIVE_TABLES}
      sql={supervisionSummarySql(filters)}
      prefetch={supervisionSummarySql}
      compose={supervisionNarrative}
    />
  )
}

export function ActivitiesChart({ filters }: Props) {
  return (
    <ChartWidget<ActivityCountRow>
      id="supervision-activities"
      title="监督活动分年度分类型"
      subtitle={() => `监督工作台账 · ${monthsLabel(filters)} · 点击筛选类型`}
      tables={LEDGER}
      sql={activitiesByYearSql(filters)}
      prefetch={activitiesByYearSql}
      option={activitiesOption}
      emptyText="台账中没有监督活动"
      selected={filters.types ?? []}
      onSelect={(s) => s.key && toggleFilter('types', s.key)}
      height={430}
    />
  )
}

export function SuggestionsChart({ filters }: Props) {
  return (
    <ChartWidget<SuggestionYearRow>
      id="supervision-suggestions"
      title="代表建议办理"
      subtitle={() => '按人代会年度 · 满意率为满意和基本满意占已测评的比例'}
      tables={SUGGESTIONS}
      sql={suggestionsByYearSql(filters)}
      prefetch={suggestionsByYearSql}
      option={suggestionsOption}
      emptyText="没有代表建议记录"
      height={280}
    />
  )
}

export function MicroChart({ filters }: Props) {
  return (
    <ChartWidget<MicroYearRow>
      id="supervision-micro"
      title="代表微建议"
      subtitle={() => `网格化履职中提出的微建议及解决情况 · ${monthsLabel(filters)}`}
      tables={MICRO}
      sql={microByYearSql(filters)}
      prefetch={microByYearSql}
      option={microOption}
      emptyText="没有微建议记录"
      height={280}
    />
  )
}

/** The scope year's suggestions by category: in a year still under way, where answers are outstanding. */
export function SuggestionCategoriesChart({ filters }: Props) {
  return (
    <ChartWidget<SuggestionCategoryRow>
      id="supervision-suggestion-categories"
      title="本年度建议分类别办理"
      subtitle={(rows) => `${rows[0]?.year ?? ''}年 · 按建议类别 · 件`}
      tables={SUGGESTIONS}
      sql={suggestionCategoriesSql(filters)}
      prefetch={suggestionCategoriesSql}
      option={suggestionCategoriesOption}
      emptyText="该年度没有代表建议记录"
      height={280}
    />
  )
}

/** Micro-suggestions of the scope (year and months) by town: the one place a town matters on this page. */
export function MicroTownsChart({ filters }: Props) {
  return (
    <ChartWidget<MicroTownRow>
      id="supervision-micro-towns"
      title="微建议分镇区"
      subtitle={(rows) => (rows[0] ? `${rangeLabel(rows[0].start, rows[0].through)}提出 · 按所在镇区 · 条` : '')}
      tables={MICRO_TOWNS}
      sql={microByTownSql(filters)}
      prefetch={microByTownSql}
      option={microTownsOption}
      emptyText="所选范围内没有微建议"
      height={372}
    />
  )
}

// Widths fit a 7-of-12 column at 1920 px; the topic takes what is left.
const COLUMNS: DataColumn[] = [
  { id: 'activity_id', header: '编号', width: 84, filter: 'text' },
  { id: 'date', header: '日期', width: 104, filter: 'text' },
  { id: 'type', header: '类型', width: 112, filter: 'text' },
  { id: 'title', header: '议题', width: 470, filter: 'text' },
  { id: 'area', header: '领域', width: 90, filter: 'text' },
  { id: 'deputies_count', header: '参加代表（人次）', width: 130, align: 'right', filter: 'number' },
]

const ledgerSource = (filters: FilterSet) => ({ query: ledgerSql(filters) })

export function LedgerTable({ filters }: Props) {
  const source = useMemo(() => ledgerSource(filters), [filters])
  return (
    <QueryGrid
      id="supervision-table"
      title="监督工作台账"
      tables={LEDGER}
      source={source}
      prefetchSource={ledgerSource}
      columns={COLUMNS}
      tiebreak={['activity_id']}
      initialSort={[{ id: 'date', desc: true }]}
      height={360}
      emptyText="所选范围内台账没有记录"
    />
  )
}
