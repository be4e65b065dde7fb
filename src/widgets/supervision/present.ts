import { formatNumber, formatPercent } from '../../lib/format'
import { rangeLabel } from '../../lib/period'
import type { ReconciliationRow, ReportFigureRow, SupervisionSummaryRow } from '../../queries/supervision'

/** How a report printed a figure: "7次", "1000余人次". */
export function figureText(r: Pick<ReportFigureRow, 'value' | 'unit' | 'qualifier'>): string {
  return `${formatNumber(r.value, Number.isInteger(r.value) ? 0 : 1).replace(/,/g, '')}${r.qualifier ?? ''}${r.unit}`
}

export interface FigureLine {
  readonly metricId: string
  readonly category: string
  /** One cell per report year, as that year's report has it. */
  readonly byYear: ReadonlyMap<number, ReportFigureRow>
  /** The measure's wording in each report; more than one when the reports word it differently (视察, 专题视察). */
  readonly wordings: readonly { readonly text: string; readonly years: readonly number[] }[]
}

export interface FigureGroup {
  readonly category: string
  readonly lines: readonly FigureLine[]
}

export interface FigurePivot {
  readonly years: readonly number[]
  /** Each year's report, as the rows name it (normally one per year). */
  readonly sources: readonly { readonly year: number; readonly sources: readonly string[] }[]
  /** One group per category, one line per measure, in the order of the rows (category, then the report's order). */
  readonly groups: readonly FigureGroup[]
}

/** Report figures pivoted: one line per measure, one column per report year, grouped by category. */
export function pivotFigures(rows: readonly ReportFigureRow[]): FigurePivot {
  const years = [...new Set(rows.map((r) => r.year))].sort()
  const lines = new Map<string, { metricId: string; category: string; byYear: Map<number, ReportFigureRow> }>()
  for (const r of rows) {
    const line = lines.get(r.metric_id) ?? { metricId: r.metric_id, category: r.category, byYear: new Map() }
    line.byYear.set(r.year, r)
    lines.set(r.metric_id, line)
  }
  const groups = new Map<string, FigureLine[]>()
  for (const line of lines.values()) {
    const wordings = new Map<string, number[]>()
    for (const [year, f] of [...line.byYear].sort((a, b) => a[0] - b[0]))
      wordings.set(f.metric, [...(wordings.get(f.metric) ?? []), year])
    const group = groups.get(line.category) ?? []
    group.push({ ...line, wordings: [...wordings].map(([text, ys]) => ({ text, years: ys })) })
    groups.set(line.category, group)
  }
  const sources = years.map((year) => ({
    year,
    sources: [...new Set(rows.filter((r) => r.year === year).map((r) => r.source))],
  }))
  return { years, sources, groups: [...groups].map(([category, ls]) => ({ category, lines: ls })) }
}

/** What the reconciliation says about one type in one year, in a sentence. */
export function reconciliationText(r: ReconciliationRow): string {
  switch (r.status) {
    case '一致':
      return `台账与报告一致：${r.ledger}${r.unit ?? ''}`
    case '不一致': {
      const diff = r.ledger - r.reported!
      return `台账记录${r.ledger}${r.unit}，报告为${r.reported}${r.unit}，${diff > 0 ? '多' : '少'}${Math.abs(diff)}${r.unit}`
    }
    case '台账未覆盖':
      return `报告为${r.reported}${r.unit}，台账未记录该年度`
    default:
      return `报告未单列，台账记录${r.ledger}项`
  }
}

/**
 * How the work report words each kind of activity: meetings are "召开", supervision visits
 * "开展", reports "听取审议", resolutions "作出". Clauses of one verb are joined with "、",
 * clauses of different verbs with "，".
 */
const CLAUSES: readonly { readonly verb: string; readonly types: readonly string[]; readonly measure: string }[] = [
  { verb: '召开', types: ['常委会会议', '主任会议'], measure: '次' },
  { verb: '开展', types: ['视察', '执法检查', '专题询问', '专题调研'], measure: '次' },
  { verb: '听取审议', types: ['专项工作报告'], measure: '项' },
  { verb: '作出', types: ['决议决定'], measure: '项' },
]

/** "召开常委会会议9次、主任会议13次，开展视察7次、执法检查4次，…" from the ledger counts (zeros left out). */
export function activitiesClause(counts: SupervisionSummaryRow['counts']): string {
  const done = counts.filter((c) => c.n > 0)
  const known = new Set(CLAUSES.flatMap((c) => c.types))
  const clauses = CLAUSES.map(({ verb, types, measure }) => {
    const items = types.flatMap((t) => done.filter((c) => c.type === t).map((c) => `${c.type}${c.n}${measure}`))
    return items.length ? `${verb}${items.join('、')}` : ''
  }).filter(Boolean)
  // A type the vocabulary may gain later still gets said, plainly.
  const others = done.filter((c) => !known.has(c.type)).map((c) => `${c.type}${c.n}项`)
  return [...clauses, ...others].join('，')
}

/**
 * "2026年1—10月，召开常委会会议9次、主任会议13次，开展视察7次……。2026年代表建议141件，其中重点督办10件，
 * 已办结130件，满意率100.0%；代表提出微建议300条，已解决262条。"
 */
export function supervisionNarrative(r: SupervisionSummaryRow): string {
  if (!r.year || !r.start) return '监督工作台账中尚无记录。'
  // A whole year reads as the report words it, "2024年"; part of one as "2026年1—10月".
  const through = r.through ?? r.start
  const wholeYear = r.start.endsWith('-01') && through === `${r.year}-12`
  const span = wholeYear ? `${r.year}年` : rangeLabel(r.start, through)
  const done = activitiesClause(r.counts)
  const first = `${span}，${done || '台账中没有监督活动记录'}。`
  const rest: string[] = []
  if (r.suggestions > 0) {
    const key = r.key > 0 ? `，其中重点督办${r.key}件` : ''
    const handled = r.handled === r.suggestions ? '已全部办结' : r.handled === 0 ? '尚在办理中' : `已办结${r.handled}件`
    const satisfaction = r.satisfaction !== null ? `，满意率${formatPercent(r.satisfaction)}` : ''
    rest.push(`${r.year}年代表建议${r.suggestions}件${key}，${handled}${satisfaction}`)
  }
  if (r.micro_raised > 0) {
    // A past year counts what was resolved within it, as the reports do; a year under way, what is resolved so far.
    const when = wholeYear ? '当年' : '已'
    rest.push(
      `代表提出微建议${r.micro_raised}条，${r.micro_resolved === r.micro_raised ? `${when}全部解决` : `${when}解决${r.micro_resolved}条`}`,
    )
  }
  return rest.length ? `${first}${rest.join('；')}。` : first
}
