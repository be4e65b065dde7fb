/**
 * A table export reads every row page by page through DuckDB and leaves none of them in the
 * coordinator's cache, where the dashboards' answers live (it used to ask for up to
 * 1,048,575 rows in one cached query).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { browseSql, type ColumnFilter } from '../src/queries/browse'
import { catalog, nextRevision, setEngine, setTables } from '../src/state/catalog'
import { Coordinator } from '../src/state/coordinator'
import { EXPORT_PAGE_ROWS, exportAllRows } from '../src/widgets/grid/export-rows'
import { query } from './support/engine'

/** This file's own coordinator over the app's catalog store, as the app makes one at start-up. */
const coordinator = new Coordinator({ catalog })
const fetchUncached = (q: Parameters<Coordinator['fetchUncached']>[0], t: readonly string[]) =>
  coordinator.fetchUncached(q, t)

const N = 120_000
const T = '导出 <b>big</b>'
let engine: NodeEngine
beforeAll(async () => {
  engine = await startNodeEngine()
  await query(
    engine,
    `CREATE TABLE "${T}" AS SELECT printf('R%06d', i) AS id, (hash(i) % 1000)::INTEGER AS score, i % 7 = 0 AS flag FROM range(${N}) r(i)`,
  )
  setEngine({ status: 'ready', bundle: 'eh' })
  setTables({ [T]: { status: 'ready', rows: N, latestPeriod: null, source: 'upload', revision: nextRevision() } })
  coordinator.attach(engine.connector)
}, 60_000)
afterAll(async () => {
  coordinator.detach()
  await engine?.terminate()
})

const columns = [
  { key: 'id', label: '编号' },
  { key: 'score', label: '得分' },
]
const grid =
  (filters: ColumnFilter[] = []) =>
  (offset: number, limit: number) =>
    browseSql({ source: { table: T }, sort: [{ id: 'score', desc: true }], tiebreak: ['id'], filters, offset, limit })

describe('a table export', () => {
  it('has every row, in the grid’s order, and leaves the cache as it was', async () => {
    // A view's answer in the cache, as on any page.
    const view = await coordinator.query(`SELECT count(*) AS n FROM "${T}"`, [T])
    expect(view.ok).toBe(true)
    const before = coordinator.cachedRows()
    expect(before).toBe(1)

    const table = await exportAllRows(grid(), [T], columns, fetchUncached)
    expect(table.rows).toHaveLength(N)
    expect(new Set(table.rows.map((r) => r[0])).size).toBe(N)
    const expected = await query<{ id: string; score: number }>(
      engine,
      `SELECT id, score FROM "${T}" ORDER BY score DESC NULLS LAST, id ASC`,
    )
    expect(table.rows.map((r) => r[0])).toEqual(expected.map((r) => r.id))
    expect(table.columns).toEqual([
      { header: '编号', kind: 'text' },
      { header: '得分', kind: 'number' },
    ])
    // More than two pages went out, and none of their rows stayed in the cache.
    expect(N).toBeGreaterThan(2 * EXPORT_PAGE_ROWS)
    expect(coordinator.cachedRows()).toBe(before)
  }, 120_000)

  it('under a filter, has exactly the filtered rows', async () => {
    const filters: ColumnFilter[] = [{ id: 'score', kind: 'number', filter: { op: '>=', value: 900 } }]
    const table = await exportAllRows(grid(filters), [T], columns, fetchUncached)
    const [{ n }] = (await query<{ n: number }>(
      engine,
      `SELECT count(*)::INTEGER AS n FROM "${T}" WHERE score >= 900`,
    )) as [{ n: number }]
    expect(table.rows).toHaveLength(n)
    expect(table.rows.every((r) => (r[1] as number) >= 900)).toBe(true)
    expect(coordinator.cachedRows()).toBe(1)
  }, 60_000)
})
