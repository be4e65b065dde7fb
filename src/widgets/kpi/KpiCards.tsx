import type { ReactNode } from 'react'

import type { FilterSet } from '../../queries/filters'
import {
  type LivelihoodProgressRow,
  livelihoodProgressSql,
  type OutputYtdRow,
  outputYtdSql,
  type PointsReportingRow,
  pointsReportingSql,
  type ProjectInvestmentRow,
  projectInvestmentSql,
  type SuggestionsRow,
  suggestionsSql,
} from '../../queries/kpi'
import { usePrefetchSql } from '../../state/prefetch'
import { Delta, Figure, ProgressBar, trendOf } from '../../ui/Figure'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import {
  type KpiText,
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
} from './present'

/** One headline figure: its query, how it reads, and what it adds under the caption lines. */
interface KpiSpec<R> {
  readonly id: string
  readonly title: string
  readonly tables: readonly string[]
  readonly sql: (filters: FilterSet) => string
  /** The single row means "no data" (e.g. no items this year) rather than zero. */
  readonly isEmpty: (row: R | undefined) => boolean
  readonly emptyText: string
  readonly present: (row: R) => KpiText
  readonly hint?: string
  /** Marks up caption line `i` (e.g. colours a change). */
  readonly emphasis?: (row: R, line: string, i: number) => ReactNode
  readonly extra?: (row: R) => ReactNode
}

function KpiCard<R>({ spec, filters }: { readonly spec: KpiSpec<R>; readonly filters: FilterSet }) {
  const data = useWidgetQuery<R>({ tables: spec.tables, sql: spec.sql(filters) }, (rows) => spec.isEmpty(rows[0]))
  usePrefetchSql(spec.tables, spec.sql)
  const row = data.state === 'ready' ? data.rows[0]! : null
  const text = row ? spec.present(row) : null
  return (
    <WidgetFrame
      id={spec.id}
      title={spec.title}
      state={data.state}
      tables={spec.tables}
      error={data.state === 'error' ? data.message : undefined}
      emptyText={spec.emptyText}
    >
      {row && text && (
        <Figure value={text.value} unit={text.unit} title={spec.hint}>
          {text.lines.map((line, i) => (
            <p key={i} className="figure__line">
              {spec.emphasis ? spec.emphasis(row, line, i) : line}
            </p>
          ))}
          {spec.extra?.(row)}
        </Figure>
      )}
    </WidgetFrame>
  )
}

const pointsReporting: KpiSpec<PointsReportingRow> = {
  id: 'kpi-points-reporting',
  title: '观察点报送',
  tables: ['point_indicators', 'observation_points'],
  sql: pointsReportingSql,
  isEmpty: (row) => !row?.registered,
  emptyText: '尚未登记观察点',
  present: presentPointsReporting,
  emphasis: (row, line, i) => (i === 1 && row.registered > row.reporting ? <span className="warn">{line}</span> : line),
}

const outputYtd: KpiSpec<OutputYtdRow> = {
  id: 'kpi-output-ytd',
  title: '观察点累计产值',
  tables: ['point_indicators', 'observation_points'],
  sql: outputYtdSql,
  isEmpty: (row) => !row?.through,
  emptyText: '本年尚无产值数据',
  present: presentOutputYtd,
  hint: '同比按同口径计算：只比较两年都已报送的企业和月份',
  emphasis: (row, line, i) => (i === 1 ? <Delta text={line} trend={trendOf(row.yoy)} /> : line),
}

const projectInvestment: KpiSpec<ProjectInvestmentRow> = {
  id: 'kpi-project-investment',
  title: '重点项目完成投资',
  tables: ['key_projects', 'project_progress'],
  sql: projectInvestmentSql,
  isEmpty: (row) => !row?.projects,
  emptyText: '本年尚无重点项目清单',
  present: presentProjectInvestment,
  extra: (row) => <ProgressBar ratio={row.completion ?? 0} label="年度计划完成率" />,
}

const livelihoodProgress: KpiSpec<LivelihoodProgressRow> = {
  id: 'kpi-livelihood-progress',
  title: '民生实事平均进度',
  tables: ['livelihood_items', 'livelihood_progress'],
  sql: livelihoodProgressSql,
  isEmpty: (row) => !row?.items,
  emptyText: '本年尚无民生实事项目',
  present: presentLivelihood,
  extra: (row) => <ProgressBar ratio={(row.avg_progress ?? 0) / 100} label="平均进度" />,
}

const suggestions: KpiSpec<SuggestionsRow> = {
  id: 'kpi-suggestions',
  title: '代表建议办结',
  tables: ['deputy_suggestions'],
  sql: suggestionsSql,
  isEmpty: (row) => !row?.total,
  emptyText: '本年尚无代表建议',
  present: presentSuggestions,
}

/** The Overview's headline row. Without a year or months in the filters, each figure shows its latest month. */
export function KpiRow({ filters }: { readonly filters: FilterSet }) {
  return (
    <div className="kpi-row">
      <KpiCard spec={pointsReporting} filters={filters} />
      <KpiCard spec={outputYtd} filters={filters} />
      <KpiCard spec={projectInvestment} filters={filters} />
      <KpiCard spec={livelihoodProgress} filters={filters} />
      <KpiCard spec={suggestions} filters={filters} />
    </div>
  )
}
