import { formatNumber, formatValue, unitDigits } from '../lib/format'
import { periodOf } from './caption'

/** One series of a chart as a briefing reads it: its values, what it measures and in which unit. */
export interface SeriesFigures {
  /** The series' name as the legend shows it ("累计产值（亿元）"). */
  readonly name: string
  /** The measure without its unit ("累计产值"); empty when the series is unnamed. */
  readonly label: string
  /** "亿元", "%", "个"…; empty when the chart does not say. */
  readonly unit: string
  readonly type: 'bar' | 'line' | 'pie'
  readonly values: readonly (number | null)[]
}

/** What a chart shows: its categories (or slices) and each series' values. */
export interface ChartFigures {
  readonly kind: 'category' | 'pie'
  readonly categories: readonly string[]
  readonly series: readonly SeriesFigures[]
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])

/** A unit a figure is written with (what may follow a number in a caption or a label). */
const UNIT = /^(亿元|万元|元|万千瓦时|千瓦时|个百分点|人次|万人|%|[个项家件条次人户天分倍名处所场])$/
const asUnit = (s: unknown) => (typeof s === 'string' && UNIT.test(s.trim()) ? s.trim() : '')

function numberOf(item: unknown): number | null {
  const v = isObj(item) ? item.value : item
  if (typeof v === 'number' && Number.isFinite(v)) return v
  return null
}

/** The unit at the end of a formatted figure ("12.5%", "3项 滞后" → "项"). */
function unitAfterNumber(text: unknown): string {
  if (typeof text !== 'string') return ''
  const m = /^[+\-−]?[\d,.]+\s*(亿元|万元|元|万千瓦时|千瓦时|人次|%|[个项家件条次人户天分倍名])/.exec(text.trim())
  return m?.[1] ?? ''
}

/** What a formatter (a template string or a function) writes after a number. */
function formatterUnit(formatter: unknown, sample: unknown): string {
  if (typeof formatter === 'string')
    return unitAfterNumber(formatter.replace(/\{(value|c|c0|@\w+)\}/g, '50').replace(/\{[a-z]\}\n?/g, ''))
  if (typeof formatter !== 'function') return ''
  try {
    return unitAfterNumber((formatter as (p: unknown) => unknown)(sample))
  } catch {
    // A formatter that reads the builder's own rows by index may not take a made-up item.
    return ''
  }
}

/** The value axis a series is drawn against. */
function valueAxisOf(option: Obj, series: Obj, horizontal: boolean): Obj | undefined {
  const axes = arr(horizontal ? option.xAxis : option.yAxis).filter(isObj)
  const index = Number(horizontal ? (series.xAxisIndex ?? 0) : (series.yAxisIndex ?? 0))
  return axes[index]
}

/**
 * The unit a series' figures are in, from what the chart itself says: the series' name
 * ("累计产值（亿元）"), its value axis (name "亿元", labels "50%"), its labels ("{c}项"), or a
 * part of the subtitle that is a unit ("… · 个"). Never guessed: empty when none says.
 */
export function unitOfSeries(option: Obj, series: Obj, horizontal: boolean, subtitle?: string): string {
  const named = /（([^（）]+)）$/.exec(String(series.name ?? ''))
  const fromName = asUnit(named?.[1])
  if (fromName) return fromName
  if (series.type !== 'pie') {
    const axis = valueAxisOf(option, series, horizontal)
    if (axis) {
      // An axis label formatter is called with the tick's value.
      const fromAxis =
        asUnit(axis.name) || formatterUnit(isObj(axis.axisLabel) ? axis.axisLabel.formatter : undefined, 50)
      if (fromAxis) return fromAxis
    }
  }
  const label = isObj(series.label) ? series.label : undefined
  const first = arr(series.data)[0]
  const fromLabel = formatterUnit(label?.formatter, {
    value: 50,
    data: isObj(first) ? { ...first, value: 50 } : 50,
    dataIndex: 0,
    name: '',
    percent: 50,
  })
  if (fromLabel && !(series.type === 'pie' && fromLabel === '%')) return fromLabel
  for (const part of (subtitle ?? '').split(/\s*[·，,]\s*/)) if (asUnit(part)) return part.trim()
  return ''
}

/**
 * The figures an ECharts option draws, for bar, line and pie charts: the category axis (either
 * way round) and each series' values with its unit. Other kinds (maps, heat maps, timelines)
 * give none.
 */
export function figuresOfOption(option: unknown, subtitle?: string): ChartFigures | null {
  if (!isObj(option)) return null
  const series = arr(option.series).filter(isObj)
  const first = series[0]
  if (!first) return null
  if (first.type === 'pie') {
    const data = arr(first.data)
    const name = String(first.name ?? '')
    return {
      kind: 'pie',
      categories: data.map((d) => (isObj(d) ? String(d.name ?? '') : '')),
      series: [
        {
          name,
          label: name.replace(/（[^（）]+）$/, ''),
          unit: unitOfSeries(option, first, false, subtitle),
          type: 'pie',
          values: data.map(numberOf),
        },
      ],
    }
  }
  const drawn = series.filter((s) => (s.type === 'bar' || s.type === 'line') && Array.isArray(s.data))
  if (drawn.length === 0 || drawn.length !== series.length) return null
  const category = (axis: unknown) =>
    arr(axis)
      .filter(isObj)
      .find((a) => a.type === 'category' && Array.isArray(a.data))
  const x = category(option.xAxis)
  const y = category(option.yAxis)
  const axis = x ?? y
  if (!axis) return null
  const horizontal = !x
  return {
    kind: 'category',
    categories: arr(axis.data).map((c) => (isObj(c) ? String(c.value ?? '') : String(c))),
    series: drawn.map((s) => {
      const name = String(s.name ?? '')
      return {
        name,
        label: name.replace(/（[^（）]+）$/, ''),
        unit: unitOfSeries(option, s, horizontal, subtitle),
        type: s.type as 'bar' | 'line',
        values: arr(s.data).map(numberOf),
      }
    }),
  }
}

/** A figure with its unit by the unit's decimals rule; without a unit, as precise as the figures need. */
export function figure(value: number, unit: string, integral = false): string {
  if (unit) return formatValue(value, unit)
  return formatNumber(value, integral ? 0 : unitDigits(unit))
}

/** Names as a list: "甲", "甲和乙", "甲、乙、丙"; more than six: "甲、乙、丙、丁、戊、己等8项". */
export function nameList(names: readonly string[], measure = '项'): string {
  if (names.length <= 1) return names[0] ?? ''
  if (names.length === 2) return `${names[0]}和${names[1]}`
  if (names.length <= 6) return names.join('、')
  return `${names.slice(0, 6).join('、')}等${names.length}${measure}`
}

interface Group {
  readonly names: string[]
  readonly value: number
  readonly text: string
}

/**
 * Equal figures, as a reader sees them (equal once written with the unit's decimals), in
 * one group each, highest first.
 */
export function rankGroups(pairs: readonly (readonly [string, number])[], unit: string): Group[] {
  const integral = pairs.every(([, v]) => Number.isInteger(v))
  const groups = new Map<string, Group>()
  for (const [name, value] of [...pairs].sort((a, b) => b[1] - a[1])) {
    const text = figure(value, unit, integral)
    const g = groups.get(text)
    if (g) g.names.push(name)
    else groups.set(text, { names: [name], value, text })
  }
  return [...groups.values()]
}

/**
 * Highest, next and lowest, with ties said as ties: "甲最高，为117.30亿元；其次为乙，为52.31亿元；
 * 丙最低，为8.05亿元" or "甲和乙并列最高，均为100.0%；丙最低，为60.0%".
 */
export function rankPhrase(pairs: readonly (readonly [string, number])[], unit: string, what = ''): string {
  const groups = rankGroups(pairs, unit)
  const [top, second] = groups
  if (!top) return ''
  const is = (g: Group) => (g.names.length > 1 ? '均为' : '为')
  if (groups.length === 1)
    return top.names.length === 1
      ? `${top.names[0]}${what}为${top.text}`
      : `${nameList(top.names)}${what}均为${top.text}`
  const high = top.names.length > 1 ? '并列最高' : '最高'
  const parts = [`${nameList(top.names)}${what}${high}，${is(top)}${top.text}`]
  if (groups.length > 2 && second) parts.push(`其次为${nameList(second.names)}，${is(second)}${second.text}`)
  const last = groups[groups.length - 1]!
  parts.push(`${nameList(last.names)}${last.names.length > 1 ? '并列最低' : '最低'}，${is(last)}${last.text}`)
  return parts.join('；')
}

const TIME = /^(\d{4}[-年])?\d{1,2}月$|^\d{4}-\d{2}$|^\d{4}年?$/
const pairsOf = (categories: readonly string[], values: readonly (number | null)[]) =>
  categories
    .map((c, i) => [c, values[i] ?? null] as const)
    .filter((p): p is readonly [string, number] => p[1] !== null && p[0] !== '')

/**
 * One or two sentences about a chart for a briefing, as staff would write them: the period,
 * then what stands out — highest, next and lowest, ties said as ties, every figure with its
 * unit. E.g. "2026年1—10月，从累计产值看，先进材料最高，为117.30亿元；其次为高端装备，为
 * 52.31亿元；现代物贸最低，为8.05亿元。"
 */
export function chartSentence(title: string, subtitle: string | undefined, figures: ChartFigures | null): string {
  const period = periodOf(subtitle)
  const lead = period ? `${period}，` : ''
  const plain = `${lead}${title}如下图所示。`
  const withValues = figures?.series.filter((s) => s.values.some((v) => v !== null)) ?? []
  const main = withValues[0]
  if (!figures || !main) return plain
  const topic = (s: SeriesFigures) => s.label || title

  if (figures.kind === 'pie') {
    const pairs = pairsOf(figures.categories, main.values).filter(([, v]) => v > 0)
    const total = pairs.reduce((s, [, v]) => s + v, 0)
    if (pairs.length === 0 || total <= 0) return plain
    if (pairs.length === 1) return `${lead}${topic(main)}全部为${pairs[0]![0]}。`
    const shares = pairs.map(([c, v]) => [c, (v / total) * 100] as const)
    return `${lead}从${topic(main)}看，${rankPhrase(shares, '%', '占比')}。`
  }

  const time = figures.categories.length > 1 && figures.categories.every((c) => TIME.test(c))
  /** "2026年10月" from the period's year and a month, or the period then the category. */
  const when = (at: string) => {
    const year = /^(\d{4})年/.exec(period ?? '')?.[1]
    if (/^\d{4}/.test(at)) return `${at}，`
    return year && /^\d{1,2}月$/.test(at) ? `${year}年${at}，` : `${lead}${at}，`
  }
  const sameMeasure = withValues.every((s) => s.type === main.type && s.unit === main.unit && s.name)
  if (time && withValues.length > 2 && sameMeasure) {
    // One measure split by series over months (a line per cluster): compare them at the latest month.
    const lastIndex = Math.max(...withValues.map((s) => s.values.findLastIndex((v) => v !== null)))
    const pairs = withValues
      .map((s) => [s.name, s.values[lastIndex] ?? null] as const)
      .filter((p): p is readonly [string, number] => p[1] !== null)
    return `${when(figures.categories[lastIndex]!)}从${title}看，${rankPhrase(pairs, main.unit)}。`
  }
  if (time) {
    // Measures over months: where each of the first two stands at the latest month, and its highest and
    // lowest when they fall elsewhere.
    const sentences = withValues.slice(0, 2).map((s) => {
      const pairs = pairsOf(figures.categories, s.values)
      const [at, value] = pairs[pairs.length - 1]!
      const integral = pairs.every(([, v]) => Number.isInteger(v))
      const groups = rankGroups(pairs, s.unit)
      const clauses = [`${topic(s)}${at}为${figure(value, s.unit, integral)}`]
      const top = groups[0]!
      const low = groups[groups.length - 1]!
      const is = (g: Group) => (g.names.length > 1 ? '均为' : '为')
      if (groups.length > 1 && !top.names.includes(at))
        clauses.push(`${nameList(top.names)}${top.names.length > 1 ? '并列最高' : '最高'}，${is(top)}${top.text}`)
      if (groups.length > 1 && !low.names.includes(at))
        clauses.push(`${nameList(low.names)}${low.names.length > 1 ? '并列最低' : '最低'}，${is(low)}${low.text}`)
      return clauses.join('，')
    })
    return `${lead}${sentences.join('；')}。`
  }

  const pairs = pairsOf(figures.categories, main.values)
  if (pairs.length === 0) return plain
  const parts = [`从${topic(main)}看，${rankPhrase(pairs, main.unit)}`]
  // A second measure in another unit (同比 beside 产值) gets its own clause: highest and lowest.
  const other = withValues.find((s) => s !== main && (s.unit !== main.unit || s.type !== main.type))
  if (other) {
    const more = pairsOf(figures.categories, other.values)
    if (more.length > 0)
      parts.push(`从${topic(other)}看，${rankPhrase(more, other.unit).replace(/；其次为[^；]*/, '')}`)
  }
  return `${lead}${parts.join('。')}。`
}
