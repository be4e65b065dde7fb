import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requireTable } from '../src/datasets/registry'
import { loadCsvTable } from '../src/db/load-table'
import type { NodeEngine } from '../src/db/node'
import { integrityChecks } from '../src/queries/integrity'
import { corruptIndicatorsCsv, readDataFile } from './support/embedded'
import { query, startEngineWithSchema } from './support/engine'

let engine: NodeEngine
const encode = (s: string) => new TextEncoder().encode(s)
const clusters = requireTable('clusters')
const indicators = requireTable('point_indicators')

beforeAll(async () => {
  engine = await startEngineWithSchema()
})
afterAll(async () => {
  await engine?.terminate()
})

describe('loading an embedded CSV into its table', () => {
  it('loads a good file with its row count and latest period', async () => {
    const result = await loadCsvTable(engine.db, engine.connector, indicators, readDataFile('point_indicators.csv'))
    expect(result).toEqual({ ok: true, value: { rows: 872, latestPeriod: '2026-10' } })
  })

  it('names the line and the value when a number is corrupt', async () => {
    const result = await loadCsvTable(engine.db, engine.connector, indicators, corruptIndicatorsCsv())
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.reason).toContain('第15行')
      expect(result.error.reason).toContain('12O.5')
      expect(result.error.reason).toMatch(/^文件损坏/)
    }
    // The table is still there, empty, so SQL that joins it runs.
    expect(await query(engine, 'SELECT count(*) AS n FROM point_indicators')).toEqual([{ n: 0 }])
  })

  it('says which columns are missing when the header does not match the data model', async () => {
    const result = await loadCsvTable(engine.db, engine.connector, clusters, encode('cluster_id,name\nx,y\n'))
    expect(result).toEqual({ ok: false, error: { reason: '表头与数据模型不一致：缺少列 cluster_group、sort_order' } })
  })

  it('reports an empty file as empty', async () => {
    const result = await loadCsvTable(engine.db, engine.connector, clusters, new Uint8Array())
    expect(result).toEqual({ ok: false, error: { reason: '文件为空' } })
  })

  it('reports a row with too many cells', async () => {
    const result = await loadCsvTable(
      engine.db,
      engine.connector,
      clusters,
      encode('cluster_id,name,cluster_group,sort_order\na,高端装备,主导产业,1\nb,先进材料,主导产业,2,extra\n'),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.reason).toMatch(/第3行|列数/)
  })
})

describe('integrity checks catch what they promise', () => {
  it('finds a duplicate key, a dangling reference and a value out of range', async () => {
    await loadCsvTable(engine.db, engine.connector, clusters, readDataFile('clusters.csv'))
    await loadCsvTable(engine.db, engine.connector, requireTable('towns'), readDataFile('towns.csv'))
    const points = requireTable('observation_points')
    const csv = [
      points.columns.map((c) => c.name).join(','),
      'P01,甲公司,equipment,hitech,,2024-04-18,,民营,false,100',
      'P01,乙公司,equipment,hitech,,2024-04-18,,民营,false,100',
      'P02,丙公司,no_such_cluster,hitech,,2024-04-18,,民营,false,-5',
      'P03,丁公司,equipment,hitech,,2024-04-18,,集体,false,10',
    ].join('\n')
    const loaded = await loadCsvTable(engine.db, engine.connector, points, encode(csv + '\n'))
    expect(loaded.ok).toBe(true)
    const failures: string[] = []
    for (const check of integrityChecks(points)) {
      if ((await query(engine, check.sql)).length > 0) failures.push(`${check.column}:${check.rule}`)
    }
    expect(failures.sort()).toEqual([
      'cluster_id:引用的clusters不存在',
      'employees:数值超出范围',
      'ownership:取值不在允许范围',
      'point_id:主键重复',
    ])
  })
})
