import { useMemo, useState } from 'react'

import { isNumericType } from '../../explore/catalog-sql'
import {
  type Aggregate,
  AGGREGATE_LABEL,
  AGGREGATES,
  CHART_TYPE_LABEL,
  CHART_TYPES,
  type ChartSpec,
  type ChartType,
  defaultTitle,
} from '../../explore/chart-spec'
import { href } from '../../state/router'
import { BuiltChart } from './BuiltChart'
import type { ConsoleQuery } from './SqlConsole'
import { pinActions } from './stores'
import { useLiveCatalog } from './useLiveCatalog'

interface FieldOption {
  readonly name: string
  readonly numeric: boolean
}

const QUERY = '\u0000query'

function Select({
  label,
  value,
  onChange,
  options,
  name,
}: {
  readonly label: string
  readonly value: string
  readonly onChange: (v: string) => void
  readonly options: readonly (readonly [string, string])[]
  readonly name: string
}) {
  return (
    <label className="builder-field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * Point-and-click charts over any table (uploaded ones too) or the console's last query:
 * x, y, aggregate, optional series and chart type; a preview, and a pin to 我的看板.
 */
export function ChartBuilder({ consoleQuery }: { readonly consoleQuery: ConsoleQuery | null }) {
  const live = useLiveCatalog()
  const tableNames = useMemo(() => (live.status === 'ready' ? [...live.tables.keys()] : []), [live])
  const [source, setSource] = useState('point_indicators')
  const [x, setX] = useState('')
  const [y, setY] = useState('')
  const [agg, setAgg] = useState<Aggregate>('sum')
  const [series, setSeries] = useState('')
  const [type, setType] = useState<ChartType>('bar')
  const [title, setTitle] = useState('')
  const [pinned, setPinned] = useState<string | null>(null)

  const fields: FieldOption[] = useMemo(() => {
    if (source === QUERY)
      return consoleQuery ? consoleQuery.columns.map((c) => ({ name: c.name, numeric: c.numeric })) : []
    return live.status === 'ready'
      ? (live.tables.get(source) ?? []).map((c) => ({ name: c.column, numeric: isNumericType(c.type) }))
      : []
  }, [source, consoleQuery, live])
  const has = (name: string) => fields.some((f) => f.name === name)
  // Choices that no longer fit the source fall back to the first sensible column.
  const xField = has(x) ? x : (fields.find((f) => !f.numeric)?.name ?? fields[0]?.name ?? '')
  const numeric = fields.filter((f) => f.numeric)
  const yChoices = agg === 'min' || agg === 'max' || agg === 'count' ? fields : numeric
  const yField = y === '' && agg === 'count' ? '' : yChoices.some((f) => f.name === y) ? y : (yChoices[0]?.name ?? '')
  const seriesField = has(series) ? series : ''

  const spec: ChartSpec | null = useMemo(() => {
    if (!xField || (agg !== 'count' && !yField)) return null
    const base = {
      source:
        source === QUERY
          ? { kind: 'query' as const, sql: consoleQuery?.sql ?? '' }
          : { kind: 'table' as const, table: source },
      x: xField,
      y: yField || null,
      agg,
      series: seriesField || null,
      type,
    }
    return { ...base, title: title.trim() || defaultTitle(base) }
  }, [source, consoleQuery, xField, yField, agg, seriesField, type, title])

  const sourceOptions: [string, string][] = [
    ...tableNames.map((t): [string, string] => [t, `表 ${t}`]),
    ...(consoleQuery ? [[QUERY, '控制台的当前查询'] as [string, string]] : []),
  ]
  if (!sourceOptions.some(([v]) => v === source))
    sourceOptions.unshift([source, source === QUERY ? '控制台的当前查询（尚未执行）' : `表 ${source}`])

  return (
    <section className="widget chart-builder" data-widget="chart-builder" data-state={spec ? 'ready' : 'empty'}>
      <header className="widget__head">
        <h3 className="widget__title">图表生成器</h3>
        <span className="muted">选择数据和字段，预览后可固定到“我的看板”</span>
      </header>
      <div className="builder-form">
        <Select name="source" label="数据" value={source} onChange={setSource} options={sourceOptions} />
        <Select
          name="type"
          label="图表类型"
          value={type}
          onChange={(v) => setType(v as ChartType)}
          options={CHART_TYPES.map((t) => [t, CHART_TYPE_LABEL[t]])}
        />
        <Select
          name="x"
          label={type === 'scatter' ? '横轴' : '分类（横轴）'}
          value={xField}
          onChange={setX}
          options={fields.map((f) => [f.name, f.name])}
        />
        <Select
          name="agg"
          label="汇总方式"
          value={agg}
          onChange={(v) => setAgg(v as Aggregate)}
          options={AGGREGATES.map((a) => [a, AGGREGATE_LABEL[a]])}
        />
        <Select
          name="y"
          label="数值（纵轴）"
          value={yField}
          onChange={setY}
          options={[
            ...(agg === 'count' ? [['', '（行数）'] as [string, string]] : []),
            ...yChoices.map((f): [string, string] => [f.name, f.name]),
          ]}
        />
        <Select
          name="series"
          label="系列（可选）"
          value={seriesField}
          onChange={setSeries}
          options={[
            ['', '（无）'],
            ...fields.filter((f) => f.name !== xField).map((f): [string, string] => [f.name, f.name]),
          ]}
        />
        <label className="builder-field builder-field--wide">
          <span>标题</span>
          <input
            name="title"
            value={title}
            placeholder={spec?.title ?? '图表标题'}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <div className="builder-pin">
          <button
            type="button"
            className="button button--primary"
            data-action="pin"
            disabled={!spec}
            onClick={() => {
              if (!spec) return
              pinActions.add(spec)
              setPinned(spec.title)
            }}
          >
            固定到我的看板
          </button>
          {pinned && (
            <span role="status" data-pinned>
              已固定“{pinned}”，<a href={href('/board')}>查看我的看板</a>
            </span>
          )}
        </div>
      </div>
      {spec ? (
        <BuiltChart id="chart-builder-preview" spec={spec} />
      ) : (
        <p className="widget__message">{fields.length ? '请选择横轴和数值列' : '所选数据没有可用的列'}</p>
      )}
    </section>
  )
}
