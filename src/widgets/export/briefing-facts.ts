import type { KeyFigure } from '../../export/document'
import { nameList } from '../../export/narrative'
import { describeYoY, formatPercent, formatValue, formatWan } from '../../lib/format'
import { periodLabel, ytdLabel } from '../../lib/period'
import type { WarningRow } from '../../queries/clusters'
import type {
  LivelihoodProgressRow,
  OutputYtdRow,
  PointsReportingRow,
  ProjectInvestmentRow,
  SuggestionsRow,
} from '../../queries/kpi'
import type { LivelihoodSummaryRow } from '../../queries/livelihood'
import type { ProjectsSummaryRow } from '../../queries/projects'
import {
  presentLivelihood,
  presentOutputYtd,
  presentPointsReporting,
  presentProjectInvestment,
  presentSuggestions,
} from '../kpi/present'

/**
 * The briefing's headline figures, their yardsticks, its cover sentence and its list of
 * what needs attention, written from query rows. Pure: a test computes the exact text from
 * the same SQL. (The figures' values and notes are the KPI cards' own wording.)
 */
export interface BriefingFacts {
  readonly points?: PointsReportingRow
  readonly output?: OutputYtdRow
  readonly projects?: ProjectInvestmentRow
  readonly projectsSummary?: ProjectsSummaryRow
  readonly livelihood?: LivelihoodProgressRow
  readonly livelihoodSummary?: LivelihoodSummaryRow
  readonly suggestions?: SuggestionsRow
  /** Points whose figures fell beyond the warning threshold, worst first. */
  readonly warnings?: readonly WarningRow[]
  /** The threshold, as a percentage (10 = falls of over 10%). */
  readonly warnPercent?: number
  /** Names of the key projects behind the plan spread over the year, furthest behind first. */
  readonly projectsBehind?: readonly string[]
}

const join = (lines: readonly string[]) => lines.filter(Boolean).join('；')

/** Each KPI card's figure, with what it is measured against beside it. */
export function keyFigures(f: BriefingFacts): KeyFigure[] {
  const out: KeyFigure[] = []
  const p = f.points
  if (p?.registered) {
    const t = presentPointsReporting(p)
    out.push({
      title: '观察点报送',
      value: t.value,
      unit: t.unit,
      yardsticks: [`报送率${formatPercent(p.reporting / p.registered)}`],
      note: join(t.lines),
    })
  }
  const o = f.output
  if (o?.through) {
    const t = presentOutputYtd(o)
    out.push({
      title: '观察点累计产值',
      value: t.value,
      unit: t.unit,
      yardsticks: [describeYoY(o.yoy)],
      note: `${ytdLabel(o.through)}累计，${o.points}家企业报送`,
    })
  }
  const j = f.projects
  if (j?.projects) {
    const t = presentProjectInvestment(j)
    const expected = f.projectsSummary?.expected
    out.push({
      title: '重点项目完成投资',
      value: t.value,
      unit: t.unit,
      yardsticks: [
        `完成年度计划${formatPercent(j.completion)}`,
        ...(expected !== null && expected !== undefined ? [`序时进度${formatPercent(expected)}`] : []),
      ],
      note: `${j.projects}个项目，年度计划${formatWan(j.plan)}`,
    })
  }
  const l = f.livelihood
  if (l?.items) {
    const t = presentLivelihood(l)
    const behind = f.livelihoodSummary?.behind
    out.push({
      title: '民生实事平均进度',
      value: t.value,
      unit: t.unit,
      yardsticks: [`已完成${l.completed}项`, ...(behind !== undefined ? [`滞后于序时${behind}项`] : [])],
      note: join([`${l.items}项代表票决项目`, l.through ? `截至${periodLabel(l.through)}` : '尚未报送进度']),
    })
  }
  const s = f.suggestions
  if (s?.total) {
    const t = presentSuggestions(s)
    out.push({
      title: '代表建议办结',
      value: t.value,
      unit: t.unit,
      yardsticks: [`办结率${formatPercent(s.handled / s.total)}`, `满意率${formatPercent(s.satisfaction)}`],
      note: `${s.year}年代表建议，重点督办${s.key}件`,
    })
  }
  return out
}

/**
 * The cover's one sentence: output and its growth, and investment against the plan and the
 * plan spread over the year — the two things a 主任会议 asks first.
 */
export function headlineOf(f: BriefingFacts): string | undefined {
  const parts: string[] = []
  const o = f.output
  if (o?.through && o.ytd_output !== null)
    parts.push(`${ytdLabel(o.through)}，观察点企业累计产值${formatWan(o.ytd_output)}，${describeYoY(o.yoy)}`)
  const j = f.projects
  if (j?.projects && j.completion !== null) {
    const expected = f.projectsSummary?.expected
    const against =
      expected !== null && expected !== undefined
        ? `，${j.completion < expected ? '低于' : '不低于'}序时进度${formatPercent(expected)}`
        : ''
    parts.push(`重点项目完成年度计划的${formatPercent(j.completion)}${against}`)
  }
  const l = f.livelihood
  if (l?.items && l.avg_progress !== null)
    parts.push(`民生实事平均进度${formatValue(l.avg_progress, '%')}，已完成${l.completed}项`)
  return parts.length ? `${parts.join('；')}。` : undefined
}

const METRICS: readonly [keyof WarningRow, string][] = [
  ['output_value_yoy', '产值'],
  ['tax_yoy', '纳税'],
  ['electricity_yoy', '用电量'],
  ['employees_yoy', '用工'],
]

/** What needs attention: points not reporting, early warnings, projects and livelihood items behind 序时. */
export function attentionOf(f: BriefingFacts): string[] {
  const items: string[] = []
  const p = f.points
  if (p?.period && p.registered > p.reporting)
    items.push(`${p.registered - p.reporting}家观察点企业未报送${periodLabel(p.period)}数据。`)
  const w = f.warnings ?? []
  if (w.length > 0) {
    const threshold = f.warnPercent ?? 10
    const named = w.map((r) => {
      const worst = METRICS.map(([k, label]) => [label, r[k]] as const)
        .filter((m): m is readonly [string, number] => typeof m[1] === 'number')
        .sort((a, b) => a[1] - b[1])[0]
      return worst ? `${r.name}（${worst[0]}${describeYoY(worst[1])}）` : r.name
    })
    const listed = w[0]!.listed
    const more = listed > named.length && named.length <= 6 ? '等' : ''
    items.push(`${listed}家企业主要指标同比降幅超过${threshold}%，列入经济运行预警：${nameList(named, '家')}${more}。`)
  }
  const behind = f.projectsSummary?.behind ?? 0
  if (behind > 0) {
    const names = f.projectsBehind ?? []
    items.push(`${behind}个重点项目完成投资滞后于序时进度${names.length ? `：${nameList(names, '个')}` : ''}。`)
  }
  const ls = f.livelihoodSummary
  if (ls && ls.behind > 0)
    items.push(
      `${ls.behind}项民生实事进度滞后于序时${ls.behind_names?.length ? `：${nameList(ls.behind_names)}` : ''}。`,
    )
  return items
}
