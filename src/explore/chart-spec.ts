import { err, ok, type Result } from '../lib/result'

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

/** What a stored spec may hold: names up to 256 characters, a title up to 200, a query up to 100,000. */
export const SPEC_LIMITS = { name: 256, title: 200, sql: 100_000 } as const

const SPEC_KEYS = ['source', 'x', 'y', 'agg', 'series', 'type', 'title']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasOnly = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k))
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= SPEC_LIMITS.name
const isNullableName = (v: unknown): v is string | null => v === null || isName(v)

/**
 * A spec read back from storage, checked against its schema (exact keys, known values, bounded
 * lengths), or the reason it is not one. Storage is shared with every page of the origin, so
 * anything else is refused rather than drawn.
 */
export function validateSpec(value: unknown): Result<ChartSpec, string> {
  if (!isObject(value) || !hasOnly(value, SPEC_KEYS)) return err('不是图表设置')
  const s = value.source
  let source: ChartSource
  if (isObject(s) && s.kind === 'table' && hasOnly(s, ['kind', 'table']) && isName(s.table))
    source = { kind: 'table', table: s.table }
  else if (isObject(s) && s.kind === 'query' && hasOnly(s, ['kind', 'sql']) && typeof s.sql === 'string') {
    if (s.sql.length > SPEC_LIMITS.sql) return err('查询过长')
    source = { kind: 'query', sql: s.sql }
  } else return err('数据来源不是表或查询')
  if (!isName(value.x) || !isNullableName(value.y) || !isNullableName(value.series)) return err('列名不合格式')
  if (typeof value.title !== 'string' || value.title.length > SPEC_LIMITS.title) return err('标题不合格式')
  if (!AGGREGATES.includes(value.agg as Aggregate)) return err('汇总方式未知')
  if (!CHART_TYPES.includes(value.type as ChartType)) return err('图表类型未知')
  return ok({
    source,
    x: value.x,
    y: value.y,
    agg: value.agg as Aggregate,
    series: value.series,
    type: value.type as ChartType,
    title: value.title,
  })
}

/** A spec read back from storage, or null if it is not one (an old or edited entry). */
export function parseSpec(value: unknown): ChartSpec | null {
  const r = validateSpec(value)
  return r.ok ? r.value : null
}
