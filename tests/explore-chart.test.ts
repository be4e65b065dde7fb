import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { builtChartOption, type BuiltChartRow } from '../src/charts/builder'
import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { LIVE_COLUMNS_SQL, type LiveColumn, queryColumnsSql } from '../src/explore/catalog-sql'
import type { ChartSpec } from '../src/explore/chart-spec'
import { chartSql, tablesRead } from '../src/explore/chart-sql'

const HOSTILE = '<img src=x onerror=alert(1)>'
const T = `t"${HOSTILE}`

let engine: NodeEngine
beforeAll(async () => {
  engine = await startNodeEngine()
  const r = await engine.connector.query(
    `CREATE TABLE "t""${HOSTILE}" AS SELECT * FROM (VALUES
      ('镇A', '2024', 10.5::DECIMAL(18,2), 1), ('镇A', '2025', 20::DECIMAL(18,2), 2), ('镇B', '2024', 5::DECIMAL(18,2), 3),
      ('镇B', '2025', NULL, 4), ('${HOSTILE}', '2025', 7::DECIMAL(18,2), 5), (NULL, '2025', 100::DECIMAL(18,2), 6)
    ) v("${HOSTILE}", "year", "output", "n")`,
  )
  if (!r.ok) throw new Error(r.error.message)
})
afterAll(async () => {
  await engine?.terminate()
})

const spec = (over: Partial<ChartSpec>): ChartSpec => ({
  source: { kind: 'table', table: T },
  x: HOSTILE,
  y: 'output',
  agg: 'sum',
  series: null,
  type: 'bar',
  title: 't',
  ...over,
})
async function rows(s: ChartSpec): Promise<BuiltChartRow[]> {
  const sql = chartSql(s)
  if (!sql.ok) throw new Error(sql.error)
  // A built chart's SQL holds text from the user or from storage: it runs only read-only.
  expect(sql.value.userText).toBe(true)
  const r = await engine.connector.readOnly<BuiltChartRow>(sql.value.sql)
  if (!r.ok) throw new Error(`${r.error.message}\n${sql.value.sql}`)
  return r.value
}

describe('chart builder SQL, run against DuckDB with hostile table and column names', () => {
  it('sums by category, skipping rows without one, in category order', async () => {
    expect(await rows(spec({}))).toEqual([
      { x: HOSTILE, value: 7 },
      { x: '镇A', value: 30.5 },
      { x: '镇B', value: 5 },
    ])
  })

  it('averages, counts rows or values, takes min and max', async () => {
    expect((await rows(spec({ agg: 'avg' }))).find((r) => r.x === '镇A')?.value).toBe(15.25)
    expect((await rows(spec({ agg: 'count', y: null }))).find((r) => r.x === '镇B')?.value).toBe(2)
    expect((await rows(spec({ agg: 'count' }))).find((r) => r.x === '镇B')?.value).toBe(1)
    expect((await rows(spec({ agg: 'max' }))).find((r) => r.x === '镇A')?.value).toBe(20)
    expect((await rows(spec({ agg: 'min' }))).find((r) => r.x === '镇A')?.value).toBe(10.5)
  })

  it('splits by series', async () => {
    expect(await rows(spec({ series: 'year', agg: 'sum' }))).toEqual([
      { x: HOSTILE, series: '2025', value: 7 },
      { x: '镇A', series: '2024', value: 10.5 },
      { x: '镇A', series: '2025', value: 20 },
      { x: '镇B', series: '2024', value: 5 },
      { x: '镇B', series: '2025', value: null },
    ])
  })

  it('draws raw points for a scatter without aggregate', async () => {
    const r = await rows(spec({ type: 'scatter', agg: 'none', x: 'n', y: 'output' }))
    expect(r.map((p) => [p.x, p.value])).toEqual([
      [1, 10.5],
      [2, 20],
      [3, 5],
      [5, 7],
      [6, 100],
    ])
  })

  it("reads the console's query as a subquery, and refuses a query that writes", async () => {
    const q = spec({
      source: { kind: 'query', sql: `SELECT "${HOSTILE}" AS town, output FROM "t""${HOSTILE}" WHERE n < 4 -- note` },
      x: 'town',
    })
    expect(await rows(q)).toEqual([
      { x: '镇A', value: 30.5 },
      { x: '镇B', value: 5 },
    ])
    const bad = chartSql(spec({ source: { kind: 'query', sql: `DROP TABLE "t""${HOSTILE}"` } }))
    expect(bad.ok).toBe(false)
  })

  it("lists the query's columns, and the live catalog lists the table", async () => {
    const described = queryColumnsSql(`SELECT n, "${HOSTILE}" FROM "t""${HOSTILE}"`)
    expect(described.userText).toBe(true)
    const cols = await engine.connector.readOnly<{ column: string }>(described.sql)
    expect(cols.ok && cols.value.map((c) => c.column)).toEqual(['n', HOSTILE])
    // The dashboards' cubes are temporary tables: not offered.
    await engine.connector.query('CREATE TEMP TABLE cube_x AS SELECT 1 AS a')
    const live = await engine.connector.query<LiveColumn>(LIVE_COLUMNS_SQL)
    expect(live.ok && live.value.filter((c) => c.table === T).map((c) => c.column)).toEqual([
      HOSTILE,
      'year',
      'output',
      'n',
    ])
    expect(live.ok && live.value.some((c) => c.table === 'cube_x')).toBe(false)
  })

  it('knows which registry tables a chart reads', () => {
    expect(tablesRead({ kind: 'table', table: 'point_indicators' }, ['point_indicators', 'towns'])).toEqual([
      'point_indicators',
    ])
    expect(tablesRead({ kind: 'table', table: 'upload_1' }, ['point_indicators'])).toEqual([])
    expect(
      tablesRead({ kind: 'query', sql: 'select * from Point_Indicators join towns using (town_id)' }, [
        'point_indicators',
        'towns',
        'projects',
      ]),
    ).toEqual(['point_indicators', 'towns'])
  })
})

describe('chart builder option', () => {
  const look = { title: HOSTILE, xName: HOSTILE, valueName: '产值（求和）' }
  const data: BuiltChartRow[] = [
    { x: HOSTILE, series: '2024', value: 1 },
    { x: '镇A', series: '2024', value: 2 },
    { x: '镇A', series: HOSTILE, value: 3 },
  ]

  it('aligns series on the categories, gaps as null', () => {
    const o = builtChartOption(data, { ...look, type: 'bar' }, { theme: 'light' }) as {
      xAxis: { data: string[] }
      series: { name: string; type: string; data: (number | null)[] }[]
    }
    expect(o.xAxis.data).toEqual([HOSTILE, '镇A'])
    expect(o.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['2024', 'bar', [1, 2]],
      [HOSTILE, 'bar', [null, 3]],
    ])
    const line = builtChartOption(data, { ...look, type: 'line' }, { theme: 'light' }) as { series: { type: string }[] }
    expect(line.series.every((s) => s.type === 'line')).toBe(true)
  })

  it('escapes hostile names in tooltips', () => {
    const o = builtChartOption(data, { ...look, type: 'bar' }, { theme: 'light' }) as {
      tooltip: { formatter: (p: unknown) => string }
    }
    const html = o.tooltip.formatter([{ axisValue: HOSTILE, seriesName: HOSTILE, value: 3, color: '#000' }])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const pie = builtChartOption(
      [
        { x: HOSTILE, value: 2 },
        { x: 'b', value: 6 },
      ],
      { ...look, type: 'pie' },
      { theme: 'light' },
    ) as { tooltip: { formatter: (p: unknown) => string }; series: { data: { name: string; value: number }[] }[] }
    expect(pie.series[0]!.data.map((d) => [d.name, d.value])).toEqual([
      [HOSTILE, 2],
      ['b', 6],
    ])
    const tip = pie.tooltip.formatter({ name: HOSTILE, value: 2 })
    expect(tip).not.toContain('<img')
    expect(tip).toContain('25.0%')
  })

  it('puts numeric x on a value axis for a scatter', () => {
    const o = builtChartOption(
      [
        { x: 1, value: 2 },
        { x: 3, value: 4 },
      ],
      { ...look, type: 'scatter' },
      { theme: 'light' },
    ) as { xAxis: { type: string }; series: { data: unknown[] }[] }
    expect(o.xAxis.type).toBe('value')
    expect(o.series[0]!.data).toEqual([
      [1, 2],
      [3, 4],
    ])
  })
})
