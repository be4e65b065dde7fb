import { useMemo } from 'react'
import { activitiesOption, microOption, suggestionsOption } from '../../charts/supervision'
import { formatNumber } from '../../lib/format'
import type { FilterSet } from '../../queries/filters'
import {
  activitiesByYearSql,
  ledgerSql,
  microByYearSql,
  reconciliationSql,
  reportFiguresSql,
  suggestionsByYearSql,
  supervisionSummarySql,
  type ActivityCountRow,
  type MicroYearRow,
  type ReconciliationRow,
  type ReportFigureRow,
  type SuggestionYearRow,
  type SupervisionSummaryRow,
} from '../../queries/supervision'
import { toggleFilter } from '../../state/filters'
import type { DataColumn } from '../../ui/DataTable'
import { ChartWidget } from '../ChartWidget'
import { QueryGrid } from '../grid/QueryGrid'
import { Narrative } from '../Narrative'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { figureText, pivotFigures, reconciliationText, supervisionNarrative } from './present'

const LEDGER = ['supervision_activities']
const NARRATIVE_TABLES = ['supervision_activities', 'deputy_suggestions', 'micro_suggestions']

interface Props {
  readonly filters: FilterSet
}

const monthsLabel = (f: FilterSet) =>
  f.fromMonth !== undefined || f.toMonth !== undefined ? `各年${f.fromMonth ?? 1}—${f.toMonth ?? 12}月` : '往年为全年，本年至最新月份'

export function SupervisionNarrative({ filters }: Props) {
  return <Narrative<SupervisionSummaryRow> id="supervision-narrative" tables={NARRATIVE_TABLES} sql={supervisionSummarySql(filters)} compose={supervisionNarrative} />
}

export function ActivitiesChart({ filters }: Props) {
  return (
    <ChartWidget<ActivityCountRow>
      id="supervision-activities"
      title="监督活动分年度分类型"
      subtitle={() => `监督工作台账 · ${monthsLabel(filters)} · 点击筛选类型`}
      tables={LEDGER}
      sql={activitiesByYearSql(filters)}
      option={activitiesOption}
      emptyText="台账中没有监督活动"
      selected={filters.types ?? []}
      onSelect={(s) => s.key && toggleFilter('types', s.key)}
    />
  )
}

/** The reports' figures as printed: one line per measure, one column per report, each with its words on hover. */
export function ReportFigures() {
  const data = useWidgetQuery<ReportFigureRow>({ tables: ['supervision_stats'], sql: reportFiguresSql() })
  const pivot = useMemo(() => (data.state === 'ready' ? pivotFigures(data.rows) : null), [data])
  return (
    <WidgetFrame
      id="supervision-report-figures"
      title="工作报告中的年度数字"
      subtitle="按原文列示，鼠标停留可见原文；数据来源见表头"
      state={data.state}
      tables={['supervision_stats']}
      error={data.state === 'error' ? data.message : undefined}
      emptyText="尚未载入工作报告数字"
      className="widget--figures"
    >
      {pivot && (
        <div className="figures-scroll">
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">类别</th>
                {pivot.years.map((y) => {
                  const source = data.state === 'ready' ? data.rows.find((r) => r.year === y)?.source : undefined
                  return (
                    <th scope="col" key={y} colSpan={2} title={source}>
                      {y}年
                      <span className="figures__source">{source?.replace(/，.*$/, '')}</span>
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {pivot.lines.map((line, i) => (
                <tr key={line.metricId} data-metric={line.metricId}>
                  <th scope="row">{i === 0 || pivot.lines[i - 1]!.category !== line.category ? line.category : ''}</th>
                  {pivot.years.map((y) => {
                    const f = line.byYear.get(y)
                    return f ? (
                      <FigureCells key={y} figure={f} />
                    ) : (
                      <td key={y} colSpan={2} className="muted">
                        —
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </WidgetFrame>
  )
}

function FigureCells({ figure }: { readonly figure: ReportFigureRow }) {
  const quote = `原文：“${figure.quote}”`
  return (
    <>
      <td className="figures__metric" title={quote}>
        {figure.metric}
      </td>
      <td className="figures__value" title={quote} data-year={figure.year}>
        {figureText(figure)}
      </td>
    </>
  )
}

/** Where the ledger and the report agree, and where they do not. */
export function Reconciliation() {
  const data = useWidgetQuery<ReconciliationRow>({ tables: ['supervision_stats', 'supervision_activities'], sql: reconciliationSql() })
  const rows = data.state === 'ready' ? data.rows : []
  const differing = rows.filter((r) => r.status === '不一致').length
  return (
    <WidgetFrame
      id="supervision-reconciliation"
      title="台账与工作报告核对"
      subtitle={data.state === 'ready' ? (differing ? `${differing}处不一致，请核实台账或报告` : '台账与报告所列数字全部一致') : undefined}
      state={data.state}
      tables={['supervision_stats', 'supervision_activities']}
      error={data.state === 'error' ? data.message : undefined}
      emptyText="没有可核对的报告年度"
    >
      <table className="reconcile">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">类型</th>
            <th scope="col">报告</th>
            <th scope="col">台账</th>
            <th scope="col">核对</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.status !== '报告未列')
            .map((r) => (
              <tr key={`${r.year}:${r.type}`} className={`reconcile--${r.status}`} data-status={r.status}>
                <td>{r.year}</td>
                <td>{r.metric ?? r.type}</td>
                <td className="num">{r.reported === null ? '—' : `${formatNumber(r.reported)}${r.unit}`}</td>
                <td className="num">{r.covered ? `${r.ledger}${r.unit ?? ''}` : '—'}</td>
                <td>
                  <span className={`tag ${r.status === '一致' ? 'tag--report' : 'tag--sample'}`}>{r.status}</span>
                  {r.status !== '一致' && <span className="reconcile__note">{reconciliationText(r)}</span>}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </WidgetFrame>
  )
}

export function SuggestionsChart({ filters }: Props) {
  return (
    <ChartWidget<SuggestionYearRow>
      id="supervision-suggestions"
      title="代表建议办理"
      subtitle={() => '按人代会年度 · 满意率为满意和基本满意占已测评的比例'}
      tables={['deputy_suggestions', 'supervision_activities']}
      sql={suggestionsByYearSql(filters)}
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
      tables={['micro_suggestions', 'supervision_activities']}
      sql={microByYearSql(filters)}
      option={microOption}
      emptyText="没有微建议记录"
      height={280}
    />
  )
}

const COLUMNS: DataColumn[] = [
  { id: 'activity_id', header: '编号', width: 90, filter: 'text' },
  { id: 'date', header: '日期', width: 110, filter: 'text' },
  { id: 'type', header: '类型', width: 120, filter: 'text' },
  { id: 'title', header: '议题', width: 420, filter: 'text' },
  { id: 'area', header: '领域', width: 100, filter: 'text' },
  { id: 'deputies_count', header: '参加代表（人次）', width: 140, align: 'right', filter: 'number' },
]

export function LedgerTable({ filters }: Props) {
  const source = useMemo(() => ({ query: ledgerSql(filters) }), [filters])
  return <QueryGrid id="supervision-table" title="监督工作台账" tables={LEDGER} source={source} columns={COLUMNS} tiebreak={['activity_id']} initialSort={[{ id: 'date', desc: true }]} height={360} emptyText="所选范围内台账没有记录" />
}
