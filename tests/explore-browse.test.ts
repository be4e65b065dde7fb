import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { type BrowseRequest, browseSql, DEEP_OFFSET, ROW_POSITION } from '../src/queries/browse'
import { query } from './support/engine'

// Deep windows of a big table come through a row-order index; they must be the very rows
// ORDER BY … OFFSET gives, for every order and filter.
let engine: NodeEngine
// More than one DuckDB row group (122,880 rows), so the order has to survive across them.
const N = 130_000
beforeAll(async () => {
  engine = await startNodeEngine()
  await query(
    engine,
    `CREATE TABLE "big <b>t</b>" AS SELECT printf('%04d-%02d', 2023 + (i % 4), 1 + (i % 12)) AS period, printf('B%06d', i) AS point_id,
       CASE WHEN i % 97 = 0 THEN NULL ELSE (hash(i) % 100000)::DECIMAL(18,2) END AS "产值", i % 500 AS employees FROM range(${N}) r(i)`,
  )
})
afterAll(async () => {
  await engine?.terminate()
})

const plain = (req: BrowseRequest) =>
  // The same window the old way: the top-N path, whatever the offset.
  browseSql({ ...req, source: { query: `SELECT * FROM "big <b>t</b>"` } })

describe('deep windows of a big table', () => {
  const cases: Omit<BrowseRequest, 'offset' | 'limit'>[] = [
    { source: { table: 'big <b>t</b>' }, sort: [], tiebreak: ['period', 'point_id'] },
    { source: { table: 'big <b>t</b>' }, sort: [{ id: '产值', desc: true }], tiebreak: ['period', 'point_id'] },
    {
      source: { table: 'big <b>t</b>' },
      sort: [{ id: 'employees', desc: false }],
      tiebreak: ['period', 'point_id'],
      filters: [{ id: 'point_id', kind: 'text', text: '1' }],
    },
  ]
  for (const c of cases) {
    it(`match ORDER BY … OFFSET: ${JSON.stringify(c.sort)} ${JSON.stringify(c.filters ?? [])}`, async () => {
      for (const offset of c.filters ? [DEEP_OFFSET, 50_000] : [DEEP_OFFSET, 125_000]) {
        const req = { ...c, offset, limit: 240 }
        const deep = browseSql(req)
        expect(deep.derived).toHaveLength(1)
        const fast = await query<Record<string, unknown>>(engine, deep)
        const slow = await query<Record<string, unknown>>(engine, plain(req))
        expect(fast).toEqual(slow)
        expect(fast.length).toBeGreaterThan(0)
      }
    })
  }

  it('keeps the top-N sort near the top and for queries', () => {
    expect(browseSql({ source: { table: 'x' }, sort: [], tiebreak: ['id'], offset: 0, limit: 240 }).derived).toEqual([])
    expect(
      browseSql({ source: { query: 'SELECT 1 AS id' }, sort: [], tiebreak: ['id'], offset: 50_000, limit: 240 })
        .derived,
    ).toEqual([])
  })
})

// An uploaded table may have a column named rowid (or ROWID): DuckDB then reads the column, not
// the row's position, so neither the deep index nor the tiebreak may rely on it.
describe('a table whose own column is named rowid', () => {
  const R = 20_000
  const T = '上传_with rowid'
  const columns = ['ROWID', 'name', 'value', '__browse_n']
  beforeAll(async () => {
    await query(
      engine,
      `CREATE TABLE "${T}" AS SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 7919) % 1000 END AS "ROWID",
         printf('行%05d', i) AS name, (hash(i) % 50)::INTEGER AS value, i % 3 AS "__browse_n" FROM range(${R}) r(i)`,
    )
  })
  const scan = (offset: number, limit: number) =>
    query<Record<string, unknown>>(engine, `SELECT * FROM "${T}" LIMIT ${limit} OFFSET ${offset}`)

  it('shows the rows in upload order at every depth, and the last row is reachable', async () => {
    const base = { source: { table: T }, sort: [], tiebreak: [ROW_POSITION], tableColumns: columns }
    for (const offset of [0, 9_900, DEEP_OFFSET, 15_000, R - 100]) {
      const window = await query<Record<string, unknown>>(engine, browseSql({ ...base, offset, limit: 240 }))
      expect(window, `offset ${offset}`).toEqual(await scan(offset, 240))
    }
    const last = await query<Record<string, unknown>>(engine, browseSql({ ...base, offset: R - 100, limit: 240 }))
    expect(last).toHaveLength(100)
    expect(last.at(-1)!.name).toBe('行19999')
  })

  it('a sorted deep window equals ORDER BY … OFFSET', async () => {
    const req = {
      source: { table: T },
      sort: [{ id: 'value', desc: true }],
      tiebreak: [ROW_POSITION],
      tableColumns: columns,
    }
    for (const offset of [DEEP_OFFSET, R - 240]) {
      const deep = await query<Record<string, unknown>>(engine, browseSql({ ...req, offset, limit: 240 }))
      const slow = await query<Record<string, unknown>>(
        engine,
        `SELECT * EXCLUDE (p) FROM (SELECT row_number() OVER () AS p, * FROM "${T}") ORDER BY value DESC NULLS LAST, p LIMIT 240 OFFSET ${offset}`,
      )
      expect(deep).toEqual(slow)
      expect(new Set(deep.map((r) => r.name)).size).toBe(240)
    }
  })

  it('keeps DuckDB’s row id where no column hides it', () => {
    const sql = browseSql({
      source: { table: 'plain' },
      sort: [],
      tiebreak: [ROW_POSITION],
      tableColumns: ['a'],
      offset: 50_000,
      limit: 10,
    })
    expect(sql.derived[0]!.sql).toContain('rowid AS "r"')
    expect(
      browseSql({
        source: { table: 'plain' },
        sort: [],
        tiebreak: [ROW_POSITION],
        tableColumns: ['RowId'],
        offset: 0,
        limit: 10,
      }).sql,
    ).toContain('"__browse_position"')
  })
})
