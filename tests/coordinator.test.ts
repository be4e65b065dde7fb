import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connector } from '../src/db/connector'
import type { NodeEngine } from '../src/db/node'
import { derivedTable } from '../src/queries/derived'
import { type CatalogSnapshot, nextRevision } from '../src/state/catalog'
import { Coordinator } from '../src/state/coordinator'
import { Store } from '../src/state/store'
import { insertRows, startEngineWithSchema } from './support/engine'

let engine: NodeEngine
let coordinator: Coordinator
/** Every statement the coordinator sends, in the order it sends them. */
const sent: string[] = []

beforeAll(async () => {
  engine = await startEngineWithSchema()
  await insertRows(engine, 'clusters', [
    { cluster_id: 'a', name: '甲', sort_order: 1 },
    { cluster_id: 'b', name: '乙', sort_order: 2 },
  ])
  const recording: Connector = {
    query: (sql, params) => {
      sent.push(sql)
      return engine.connector.query(sql, params)
    },
  }
  // A coordinator of this test's own, over a catalog of its own.
  const catalog = new Store<CatalogSnapshot>({
    engine: { status: 'ready', bundle: 'eh' },
    tables: {
      clusters: { status: 'ready', rows: 2, latestPeriod: null, source: 'embedded', revision: nextRevision() },
    },
    dataReady: true,
    epoch: 0,
  })
  coordinator = new Coordinator({ catalog, connector: recording })
})
afterAll(async () => {
  coordinator?.dispose()
  await engine?.terminate()
})

describe('the query coordinator', () => {
  it('sends a query over a derived table right behind the table’s creation, not a round trip later', async () => {
    const ranked = derivedTable('cube_test', 'SELECT cluster_id, sort_order * 10 AS score FROM clusters', ['clusters'])
    sent.length = 0
    const plain = coordinator.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM clusters', ['clusters'])
    const derived = coordinator.query<{ cluster_id: string; score: number }>(
      { sql: `SELECT cluster_id, score FROM "${ranked.name}" ORDER BY score DESC`, derived: [ranked] },
      ['clusters'],
    )
    const later = coordinator.query<{ n: number }>('SELECT max(sort_order)::INTEGER AS n FROM clusters', ['clusters'])
    // All four statements are out before any answer has come back, in the order asked for.
    expect(sent).toHaveLength(4)
    expect(sent[0]).toMatch(/^SELECT count\(\*\)/)
    expect(sent[1]).toBe(`CREATE OR REPLACE TEMP TABLE "${ranked.name}" AS ${ranked.sql}`)
    expect(sent[2]).toMatch(/^SELECT cluster_id, score FROM/)
    expect(sent[3]).toMatch(/^SELECT max\(sort_order\)/)
    expect(await plain).toEqual({ ok: true, value: [{ n: 2 }] })
    expect(await derived).toEqual({
      ok: true,
      value: [
        { cluster_id: 'b', score: 20 },
        { cluster_id: 'a', score: 10 },
      ],
    })
    expect(await later).toEqual({ ok: true, value: [{ n: 2 }] })
  })

  it('answers a query whose derived table cannot be made with the reason it cannot', async () => {
    const broken = derivedTable('cube_broken', 'SELECT no_such_column FROM clusters', ['clusters'])
    const r = await coordinator.query({ sql: `SELECT * FROM "${broken.name}"`, derived: [broken] }, ['clusters'])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('no_such_column')
    // The other tables and queries are untouched by it.
    expect(
      await coordinator.query('SELECT count(*)::INTEGER AS n FROM clusters WHERE sort_order > 1', ['clusters']),
    ).toEqual({ ok: true, value: [{ n: 1 }] })
  })
})
