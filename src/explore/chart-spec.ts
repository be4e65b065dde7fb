/** A chart the user built: what it reads and how it draws. Stored as is in localStorage. */
export type ChartSource =
  { readonly kind: 'table'; readonly table: string } | { readonly kind: 'query'; readonly sql: string }

export const AGGREGATES = ['sum', 'avg', 'count', 'min', 'max', 'none'] as const
export type Aggregate = (typeof AGGREGATES)[number]

export const CHART_TYPES = ['bar', 'line', 'pie', 'scatter'] as const
export type ChartType = (typeof CHART_TYPES)[number]

export const AGGREGATE_LABEL: Record<Aggregate, string> = {
  sum: '求和',
  avg: '平均',
  count: '计数',
  min: '最小',
  max: '最大',
  none: '不汇总',
}
export const CHART_TYPE_LABEL: Record<ChartType, string> = {
  bar: '柱状图',
  line: '折线图',
  pie: '饼图',
  scatter: '散点图',
}

export interface ChartSpec {
  readonly source: ChartSource
  /** Category (bar, line, pie) or x value (scatter). */
  readonly x: string
  /** The measured column; null with `count` counts rows. */
  readonly y: string | null
  readonly agg: Aggregate
  /** One line or bar colour per value of this column. */
  readonly series: string | null
  readonly type: ChartType
  readonly title: string
}

/** The columns a spec reads from its source. */
export function columnsOf(spec: ChartSpec): string[] {
  return [spec.x, spec.y, spec.series].filter((c): c is string => c !== null && c !== '')
}

/** A title when the user gives none: "各 town 的 output（求和）". */
export function defaultTitle(spec: Omit<ChartSpec, 'title'>): string {
  const what = spec.y ? `${spec.y}（${AGGREGATE_LABEL[spec.agg]}）` : '行数'
  return `按 ${spec.x}${spec.series ? ` 和 ${spec.series}` : ''} 的 ${what}`
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string'

/** A spec read back from storage, or null if it is not one (an old or edited entry). */
export function parseSpec(value: unknown): ChartSpec | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const s = v.source as Record<string, unknown> | undefined
  const source: ChartSource | null =
    s?.kind === 'table' && isString(s.table)
      ? { kind: 'table', table: s.table }
      : s?.kind === 'query' && isString(s.sql)
        ? { kind: 'query', sql: s.sql }
        : null
  if (!source || !isString(v.x) || !isNullableString(v.y) || !isNullableString(v.series) || !isString(v.title))
    return null
  if (!AGGREGATES.includes(v.agg as Aggregate) || !CHART_TYPES.includes(v.type as ChartType)) return null
  return {
    source,
    x: v.x,
    y: v.y,
    agg: v.agg as Aggregate,
    series: v.series,
    type: v.type as ChartType,
    title: v.title,
  }
}
