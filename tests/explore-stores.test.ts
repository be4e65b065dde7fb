import {
  type Completion,
  CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from '@codemirror/autocomplete'
import { PostgreSQL, sql } from '@codemirror/lang-sql'
import { ensureSyntaxTree } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'

import { TABLES } from '../src/datasets/registry'
import type { LiveColumn } from '../src/explore/catalog-sql'
import { type ChartSpec, parseSpec } from '../src/explore/chart-spec'
import { completionSchema } from '../src/explore/completion'
import { addToHistory, HISTORY_KEY, type HistoryEntry, loadHistory, saveHistory } from '../src/explore/history'
import { missingColumns, missingTableOrColumns } from '../src/explore/pin-check'
import { addPin, loadPins, movePin, PINS_KEY, removePin, renamePin, savePins } from '../src/explore/pins'
import type { KeyValueStore } from '../src/explore/storage'

const HOSTILE = '<img src=x onerror=alert(1)>'

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>()
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.map.set(k, v)
  }
}

describe('query history', () => {
  const entry = (sql: string, rows: number | null = 1): HistoryEntry => ({ sql, at: '2026-12-01T01:00:00Z', rows })

  it('keeps the most recent first, moves a repeated query to the top, and is capped', () => {
    let list = addToHistory([], entry('SELECT 1'))
    list = addToHistory(list, entry('SELECT 2'))
    list = addToHistory(list, entry('  SELECT 1  ', 5))
    expect(list.map((e) => [e.sql, e.rows])).toEqual([
      ['SELECT 1', 5],
      ['SELECT 2', 1],
    ])
    for (let i = 0; i < 80; i++) list = addToHistory(list, entry(`SELECT ${i + 10}`))
    expect(list).toHaveLength(50)
    expect(list[0]!.sql).toBe('SELECT 89')
  })

  it('survives a round trip through storage and ignores garbage', () => {
    const store = new MemoryStore()
    saveHistory(store, [entry(`SELECT '${HOSTILE}'`, null)])
    expect(loadHistory(store)).toEqual([entry(`SELECT '${HOSTILE}'`, null)])
    store.setItem(HISTORY_KEY, '{not json')
    expect(loadHistory(store)).toEqual([])
    store.setItem(HISTORY_KEY, JSON.stringify([{ sql: 1 }, entry('ok')]))
    expect(loadHistory(store).map((e) => e.sql)).toEqual(['ok'])
    expect(loadHistory(null)).toEqual([])
  })
})

describe('pins', () => {
  const spec = (title: string, over: Partial<ChartSpec> = {}): ChartSpec => ({
    source: { kind: 'table', table: 'point_indicators' },
    x: 'period',
    y: 'output_value',
    agg: 'sum',
    series: null,
    type: 'line',
    title,
    ...over,
  })

  it('add, reorder, rename, remove, and persist', () => {
    let pins = addPin([], spec('A'), 'a')
    pins = addPin(pins, spec('B'), 'b')
    pins = addPin(pins, spec('C'), 'c')
    pins = movePin(pins, 'c', -1)
    expect(pins.map((p) => p.id)).toEqual(['a', 'c', 'b'])
    expect(movePin(pins, 'a', -1).map((p) => p.id)).toEqual(['a', 'c', 'b'])
    pins = renamePin(pins, 'c', `  ${HOSTILE} `)
    expect(pins[1]!.spec.title).toBe(HOSTILE)
    expect(renamePin(pins, 'c', '   ')[1]!.spec.title).toBe(HOSTILE)
    pins = removePin(pins, 'a')
    const store = new MemoryStore()
    savePins(store, pins)
    expect(loadPins(store)).toEqual(pins)
  })

  it('drops stored entries that are not specs', () => {
    const store = new MemoryStore()
    store.setItem(
      PINS_KEY,
      JSON.stringify([
        { id: 'x', spec: { ...spec('ok'), agg: 'median' } },
        { id: 'y', spec: spec('ok') },
        { id: 'y', spec: spec('dup') },
        null,
      ]),
    )
    expect(loadPins(store).map((p) => p.spec.title)).toEqual(['ok'])
    expect(parseSpec({ ...spec('q'), source: { kind: 'query', sql: 'SELECT 1' } })?.source).toEqual({
      kind: 'query',
      sql: 'SELECT 1',
    })
  })

  it('says which table or column is missing', () => {
    const live = new Map([['point_indicators', [{ column: 'period' }, { column: 'revenue' }]]])
    expect(missingTableOrColumns(spec('x'), live)).toBe(
      '表“point_indicators”中已没有列：“output_value”，无法绘制这张图。',
    )
    expect(missingTableOrColumns(spec('x', { source: { kind: 'table', table: 'upload_7' } }), live)).toContain(
      '表“upload_7”已不存在',
    )
    expect(missingTableOrColumns(spec('x', { y: 'revenue' }), live)).toBeNull()
    expect(missingColumns(spec('x', { series: 'year' }), ['period', 'output_value'])).toBe(
      '查询结果中已没有列：“year”，无法绘制这张图。',
    )
  })
})

describe('completion from the registry and the live catalog', () => {
  const live: LiveColumn[] = [
    { table: 'point_indicators', column: 'period', type: 'VARCHAR' },
    { table: 'point_indicators', column: 'output_value', type: 'DECIMAL(18,2)' },
    { table: 'upload_sales', column: HOSTILE, type: 'VARCHAR' },
    { table: 'upload_sales', column: 'amount', type: 'DOUBLE' },
  ]
  const schema = completionSchema(TABLES, live)

  it('labels registry columns in Chinese with units, lists uploaded tables, keeps unloaded registry tables', () => {
    expect(schema.point_indicators!.self.detail).toBe(TABLES.find((t) => t.name === 'point_indicators')!.label)
    expect(schema.point_indicators!.children.find((c) => c.label === 'output_value')?.detail).toBe(
      '产值（万元） · DECIMAL(18,2)',
    )
    expect(schema.upload_sales!.self.detail).toBe('上传的表')
    expect(schema.upload_sales!.children.map((c) => c.label)).toEqual([HOSTILE, 'amount'])
    expect(Object.keys(schema)).toEqual(expect.arrayContaining(TABLES.map((t) => t.name)))
  })

  async function complete(doc: string): Promise<readonly Completion[]> {
    const state = EditorState.create({ doc, extensions: [sql({ dialect: PostgreSQL, schema, defaultSchema: 'main' })] })
    // The parser works to a time budget; on a loaded machine it may not reach the end by itself.
    ensureSyntaxTree(state, doc.length, 10_000)
    const sources = state.languageDataAt<CompletionSource>('autocomplete', doc.length)
    const results: CompletionResult[] = []
    for (const source of sources) {
      const r = await source(new CompletionContext(state, doc.length, true))
      if (r) results.push(r)
    }
    return results.flatMap((r) => r.options)
  }

  it('completes table names after FROM, uploaded ones too', async () => {
    const labels = (await complete('SELECT * FROM upl')).map((c) => c.label)
    expect(labels).toContain('upload_sales')
    expect(labels).toContain('point_indicators')
  })

  it("completes a table's columns after its name and a dot, quoting a hostile name", async () => {
    const options = await complete('SELECT upload_sales.')
    const labels = options.map((c) => c.label)
    expect(labels).toContain('amount')
    const hostile = options.find((c) => c.label.includes('onerror'))
    expect(hostile).toBeDefined()
    // Inserted as a quoted identifier, so the SQL it makes is valid and inert.
    expect(typeof hostile!.apply === 'string' ? hostile!.apply : hostile!.label).toBe(`"${HOSTILE}"`)
  })
})
