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
}

/** Report figures pivoted: one line per measure, one column per report year, in the reports' order. */
export function pivotFigures(rows: readonly ReportFigureRow[]): { years: number[]; lines: FigureLine[] } {
  const years = [...new Set(rows.map((r) => r.year))].sort()
  const lines = new Map<string, { metricId: string; category: string; byYear: Map<number, ReportFigureRow> }>()
  for (const r of rows) {
    const line = lines.get(r.metric_id) ?? { metricId: r.metric_id, category: r.category, byYear: new Map() }
    line.byYear.set(r.year, r)
    lines.set(r.metric_id, line)
  }
  return { years, lines: [...lines.values()] }
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

const PHRASES: Record<string, (n: number) => string> = {
  常委会会议: (n) => `召开常委会会议${n}次`,
  主任会议: (n) => `主任会议${n}次`,
  视察: (n) => `开展视察${n}次`,
  执法检查: (n) => `执法检查${n}次`,
  专题询问: (n) => `专题询问${n}次`,
  专项工作报告: (n) => `听取审议专项工作报告${n}项`,
  决议决定: (n) => `作出决议决定${n}项`,
  专题调研: (n) => `开展专题调研${n}次`,
}

/** "2026年1—10月，召开常委会会议9次、主任会议13次，…；2026年代表建议141件，已办结130件，满意率100.0%；…" */
export function supervisionNarrative(r: SupervisionSummaryRow): string {
  if (!r.year || !r.start) return '监督工作台账中尚无记录。'
  const span = rangeLabel(r.start, r.through ?? r.start)
  const done = r.counts.filter((c) => c.n > 0).map((c) => (PHRASES[c.type] ?? ((n: number) => `${c.type}${n}次`))(c.n))
  const parts = [done.length ? `${span}，${done.join('、')}` : `${span}，台账中没有监督活动记录`]
  if (r.suggestions > 0) parts.push(`${r.year}年代表建议${r.suggestions}件，已办结${r.handled}件${r.satisfaction !== null ? `，满意率${formatPercent(r.satisfaction)}` : ''}`)
  if (r.micro_raised > 0) parts.push(`代表提出微建议${r.micro_raised}条，已解决${r.micro_resolved}条`)
  return `${parts.join('；')}。`
}
