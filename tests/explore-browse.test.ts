import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { type BrowseRequest, browseSql, DEEP_OFFSET } from '../src/queries/browse'
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
