import { formatNumber } from '../../lib/format'
import type { ReconciliationRow, ReportFigureRow } from '../../queries/supervision'

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

// The supervision narrative lives with its spec; tests import it from here too.
export { supervisionNarrative } from '../../specs/supervision'
