import { describe, expect, it } from 'vitest'

import { TABLES } from '../src/datasets/registry'
import { pointRankingSql } from '../src/queries/clusters'
import { derivedTable } from '../src/queries/derived'
import { from, tablesRead } from '../src/queries/query'
import { LATEST } from '../src/queries/scope'
import { specQueries } from '../src/specs/page'
import { DESK_PAGES, WALL_PANELS } from '../src/specs/pages'
import type { Spec } from '../src/specs/types'

const registered = new Set(TABLES.map((t) => t.name))

describe('a query names the tables it reads', () => {
  it('finds every quoted table after FROM or JOIN, in the order read, and not CTEs or functions', () => {
    expect(
      tablesRead(`WITH s AS (SELECT max("period") FROM "point_indicators")
SELECT * FROM "observation_points" p JOIN "clusters" c USING ("cluster_id"), s, range(1, 13) r(m)
LEFT JOIN "observation_points" q ON TRUE`),
    ).toEqual(['point_indicators', 'observation_points', 'clusters'])
  })

  it('stands the tables a derived table is made from in for it', () => {
    const cube = derivedTable('cube_x', 'SELECT * FROM "point_indicators" JOIN "towns" USING ("town_id")')
    expect(cube.sources).toEqual(['point_indicators', 'towns'])
    expect(tablesRead(`SELECT * FROM "${cube.name}" k JOIN "clusters" USING ("cluster_id")`, [cube])).toEqual([
      'point_indicators',
      'towns',
      'clusters',
    ])
  })

  it('keeps the ranking of points current when a town is renamed: its cube reads the towns', () => {
    // The ranking's cube joins towns; a hand-kept list of the chart's tables had left them out.
    expect(from(pointRankingSql(LATEST)).tables).toContain('towns')
  })

  it('gives every view of every page and wall panel only tables the registry knows', () => {
    const specs: Spec[] = [...Object.values(DESK_PAGES).flatMap((p) => p.specs), ...Object.values(WALL_PANELS).flat()]
    for (const spec of specs)
      for (const q of specQueries(spec, LATEST, 240)) {
        expect(q.tables.length, spec.id).toBeGreaterThan(0)
        for (const t of q.tables) expect(registered.has(t), `${spec.id}: ${t}`).toBe(true)
      }
  })
})
