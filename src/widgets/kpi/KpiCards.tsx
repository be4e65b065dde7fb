import type { ReactNode } from 'react'
import { Delta, Figure, ProgressBar, trendOf } from '../../ui/Figure'
import {
  livelihoodProgressSql,
  outputYtdSql,
  pointsReportingSql,
  projectInvestmentSql,
  suggestionsSql,
  type LivelihoodProgressRow,
  type OutputYtdRow,
  type PointsReportingRow,
  type ProjectInvestmentRow,
  type SuggestionsRow,
} from '../../queries/kpi'
import type { ScopeInput } from '../../queries/scope'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import {
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
  type KpiText,
} from './present'

interface KpiProps {
  /** null: the latest month in the data. */
  readonly scope: ScopeInput
}


function Lines({ text, emphasis }: { readonly text: KpiText; readonly emphasis?: (line: string, i: number) => ReactNode }) {
  return (
    <>
      {text.lines.map((line, i) => (
        <p key={i} className="figure__line">
          {emphasis ? emphasis(line, i) : line}
        </p>
      ))}
    </>
  )
}

const POINTS_TABLES = ['point_indicators', 'observation_points']
export function PointsReportingKpi({ scope }: KpiProps) {
  const data = useWidgetQuery<PointsReportingRow>({ tables: POINTS_TABLES, sql: pointsReportingSql(scope) }, (rows) => !rows[0]?.registered)
  const text = data.state === 'ready' ? presentPointsReporting(data.rows[0]!) : null
  const missing = data.state === 'ready' ? data.rows[0]!.registered - data.rows[0]!.reporting : 0
  return (
    <WidgetFrame id="kpi-points-reporting" title="观察点报送" state={data.state} tables={POINTS_TABLES} error={data.state === 'error' ? data.message : undefined} emptyText="尚未登记观察点">
      {text && (
        <Figure value={text.value} unit={text.unit}>
          <Lines text={text} emphasis={(line, i) => (i === 1 && missing > 0 ? <span className="warn">{line}</span> : line)} />
        </Figure>
      )}
    </WidgetFrame>
  )
}

const OUTPUT_TABLES = ['point_indicators']
export function OutputYtdKpi({ scope }: KpiProps) {
  const data = useWidgetQuery<OutputYtdRow>({ tables: OUTPUT_TABLES, sql: outputYtdSql(scope) }, (rows) => !rows[0]?.through)
  const row = data.state === 'ready' ? data.rows[0]! : null
  const text = row ? presentOutputYtd(row) : null
  return (
    <WidgetFrame id="kpi-output-ytd" title="观察点累计产值" state={data.state} tables={OUTPUT_TABLES} error={data.state === 'error' ? data.message : undefined} emptyText="本年尚无产值数据">
      {text && row && (
        <Figure value={text.value} unit={text.unit} title="同比按同口径计算：只比较两年都已报送的企业和月份">
          <Lines text={text} emphasis={(line, i) => (i === 1 ? <Delta text={line} trend={trendOf(row.yoy)} /> : line)} />
        </Figure>
      )}
    </WidgetFrame>
  )
}

const PROJECT_TABLES = ['key_projects', 'project_progress']
export function ProjectInvestmentKpi({ scope }: KpiProps) {
  const data = useWidgetQuery<ProjectInvestmentRow>({ tables: PROJECT_TABLES, sql: projectInvestmentSql(scope) }, (rows) => !rows[0]?.projects)
  const row = data.state === 'ready' ? data.rows[0]! : null
  const text = row ? presentProjectInvestment(row) : null
  return (
    <WidgetFrame id="kpi-project-investment" title="重点项目完成投资" state={data.state} tables={PROJECT_TABLES} error={data.state === 'error' ? data.message : undefined} emptyText="本年尚无重点项目清单">
      {text && row && (
        <Figure value={text.value} unit={text.unit}>
          <Lines text={text} />
          <ProgressBar ratio={row.completion ?? 0} label="年度计划完成率" />
        </Figure>
      )}
    </WidgetFrame>
  )
}

const LIVELIHOOD_TABLES = ['livelihood_items', 'livelihood_progress']
export function LivelihoodProgressKpi({ scope }: KpiProps) {
  const data = useWidgetQuery<LivelihoodProgressRow>({ tables: LIVELIHOOD_TABLES, sql: livelihoodProgressSql(scope) }, (rows) => !rows[0]?.items)
  const row = data.state === 'ready' ? data.rows[0]! : null
  const text = row ? presentLivelihood(row) : null
  return (
    <WidgetFrame id="kpi-livelihood-progress" title="民生实事平均进度" state={data.state} tables={LIVELIHOOD_TABLES} error={data.state === 'error' ? data.message : undefined} emptyText="本年尚无民生实事项目">
      {text && row && (
        <Figure value={text.value} unit={text.unit}>
          <Lines text={text} />
          <ProgressBar ratio={(row.avg_progress ?? 0) / 100} label="平均进度" />
        </Figure>
      )}
    </WidgetFrame>
  )
}

const SUGGESTION_TABLES = ['deputy_suggestions']
export function SuggestionsKpi({ scope }: KpiProps) {
  const data = useWidgetQuery<SuggestionsRow>({ tables: SUGGESTION_TABLES, sql: suggestionsSql(scope) }, (rows) => !rows[0]?.total)
  const text = data.state === 'ready' ? presentSuggestions(data.rows[0]!) : null
  return (
    <WidgetFrame id="kpi-suggestions" title="代表建议办结" state={data.state} tables={SUGGESTION_TABLES} error={data.state === 'error' ? data.message : undefined} emptyText="本年尚无代表建议">
      {text && (
        <Figure value={text.value} unit={text.unit}>
          <Lines text={text} />
        </Figure>
      )}
    </WidgetFrame>
  )
}

/** The Overview's headline row. */
export function KpiRow({ scope }: KpiProps) {
  return (
    <div className="kpi-row">
      <PointsReportingKpi scope={scope} />
      <OutputYtdKpi scope={scope} />
      <ProjectInvestmentKpi scope={scope} />
      <LivelihoodProgressKpi scope={scope} />
      <SuggestionsKpi scope={scope} />
    </div>
  )
}
