import { RecordBatch, Table, tableFromIPC, tableToIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requireTable, TABLES } from '../src/datasets/registry'
import {
  ARROW_ROWS_KEY,
  embeddedCsvToArrow,
  loadArrowTables,
  loadCsvTable,
  readEmbeddedArrow,
  tableArrowStream,
} from '../src/db/load-table'
import type { NodeEngine } from '../src/db/node'
import { corruptIndicatorsCsv, readDataFile } from './support/embedded'
import { must, query, startEngineWithSchema } from './support/engine'
import { disableTestHooks, enableTestHooks } from './support/hooks'

let source: NodeEngine
let target: NodeEngine
const encode = (s: string) => new TextEncoder().encode(s)
const indicators = requireTable('point_indicators')

beforeAll(async () => {
  ;[source, target] = await Promise.all([startEngineWithSchema(), startEngineWithSchema()])
})
afterAll(async () => {
  await Promise.all([source?.terminate(), target?.terminate()])
})

async function arrowOf(tableName: string, csv = readDataFile(`${tableName}.csv`)) {
  const r = await embeddedCsvToArrow(source.db, source.connector, requireTable(tableName), csv)
  if (!r.ok) throw new Error(r.error.reason)
  return r.value
}

describe('the embedded data as Arrow streams', () => {
  it('loads every table with the same rows and types as reading its CSV', async () => {
    const files = await Promise.all(
      TABLES.map(async (table) => ({ table, file: { ok: true as const, bytes: await arrowOf(table.name) } })),
    )
    const kept = files.map((f) => f.file.bytes.slice())
    const results = await loadArrowTables(target.connector, files)
    for (const table of TABLES) {
      const [{ n }] = (await query<{ n: number }>(source, `SELECT count(*) AS n FROM "${table.name}"`)) as [
        { n: number },
      ]
      expect(results.get(table.name), table.name).toEqual({
        ok: true,
        value: { rows: n, latestPeriod: table.periodColumn ? expect.stringMatching(/^\d{4}-\d\d$/) : null },
      })
      // Same column types, and not one row differs.
      const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table.name}' ORDER BY ordinal_position`
      expect(await query(target, types), table.name).toEqual(await query(source, types))
      const rows = await query(source, `SELECT * FROM "${table.name}" ORDER BY ALL`)
      expect(await query(target, `SELECT * FROM "${table.name}" ORDER BY ALL`), table.name).toEqual(rows)
    }
    expect(results.get('point_indicators')).toEqual({ ok: true, value: { rows: 872, latestPeriod: '2026-10' } })
    // The caller's bytes are left whole, for an engine that restarts.
    files.forEach((f, i) => expect(f.file.bytes).toEqual(kept[i]))
  })

  it('lists what it asks the engine, in order, only when the benchmark asks for the list', async () => {
    const hooks = enableTestHooks()
    const files = async () => [
      { table: requireTable('clusters'), file: { ok: true as const, bytes: await arrowOf('clusters') } },
      { table: requireTable('towns'), file: { ok: true as const, bytes: await arrowOf('towns') } },
    ]
    const batch = await files()
    hooks.statements = []
    try {
      await loadArrowTables(target.connector, batch)
      const log = hooks.statements as { kind: string; sql?: string; table?: string; at: number }[]
      // bench/engine.ts replays exactly this: the tables created, each file inserted, the rows counted.
      expect(log.map((e) => (e.kind === 'insert' ? `insert ${e.table}` : e.sql!.split(' (')[0]))).toEqual([
        'CREATE OR REPLACE TABLE "clusters"',
        'insert clusters',
        'insert towns',
        expect.stringMatching(/^SELECT 'clusters' AS "name"/),
      ])
      expect(log.every((e, i) => i === 0 || e.at >= log[i - 1]!.at)).toBe(true)
    } finally {
      delete hooks.statements
    }
    const again = await files()
    try {
      await loadArrowTables(target.connector, again)
      expect(hooks.statements).toBeUndefined()
    } finally {
      disableTestHooks()
    }
  })

  it('is the same bytes every time it is made from the same CSV', async () => {
    expect(await arrowOf('key_projects')).toEqual(await arrowOf('key_projects'))
  })

  it('names the line and the value of a corrupt cell when the stream is made', async () => {
    const r = await embeddedCsvToArrow(source.db, source.connector, indicators, corruptIndicatorsCsv())
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.reason).toMatch(/^文件损坏.*第15行.*12O\.5/)
  })

  it('reports a missing, empty, foreign or truncated file on its own table, and loads the others', async () => {
    const good = await arrowOf('clusters')
    const truncated = (await arrowOf('point_indicators')).slice(0, 20_000)
    const results = await loadArrowTables(target.connector, [
      { table: requireTable('clusters'), file: { ok: true, bytes: good } },
      { table: requireTable('towns'), file: { ok: false, reason: '文件缺失（HTTP 404）' } },
      { table: requireTable('key_projects'), file: { ok: true, bytes: new Uint8Array() } },
      { table: requireTable('observation_points'), file: { ok: true, bytes: encode('point_id,name\nP01,甲\n') } },
      { table: indicators, file: { ok: true, bytes: truncated } },
    ])
    expect(results.get('clusters')).toEqual({ ok: true, value: { rows: 6, latestPeriod: null } })
    expect(results.get('towns')).toEqual({ ok: false, error: { reason: '文件缺失（HTTP 404）' } })
    expect(results.get('key_projects')).toEqual({ ok: false, error: { reason: '文件为空' } })
    expect(results.get('observation_points')).toEqual({
      ok: false,
      error: { reason: '文件损坏：不是有效的 Arrow 数据' },
    })
    expect(results.get('point_indicators')).toEqual({ ok: false, error: { reason: '文件不完整：数据在结尾之前中断' } })
    // Every failed table is there, empty, so SQL that joins it still runs.
    for (const name of ['towns', 'key_projects', 'observation_points', 'point_indicators']) {
      expect(await query(target, `SELECT count(*) AS n FROM "${name}"`), name).toEqual([{ n: 0 }])
    }
  })

  it('refuses a stream whose columns are not the data model’s, by name, order or type', async () => {
    const clusters = requireTable('clusters')
    await must(
      source,
      `CREATE OR REPLACE TABLE reordered AS SELECT name, cluster_id, cluster_group, sort_order FROM clusters`,
    )
    const reordered = await tableArrowStream(source.db, {
      ...clusters,
      name: 'reordered',
      columns: [1, 0, 2, 3].map((i) => clusters.columns[i]!),
    })
    expect(readEmbeddedArrow(clusters, reordered)).toEqual({
      ok: false,
      error: '列与数据模型不一致：列的顺序与数据模型不同',
    })
    await must(
      source,
      `CREATE OR REPLACE TABLE as_text AS SELECT cluster_id, name, cluster_group, CAST(sort_order AS VARCHAR) AS sort_order FROM clusters`,
    )
    const asText = await tableArrowStream(source.db, { ...clusters, name: 'as_text' })
    expect(readEmbeddedArrow(clusters, asText)).toEqual({
      ok: false,
      error: '列的类型与数据模型不一致：sort_order 应为 INTEGER，文件中为 Utf8',
    })
    await loadCsvTable(source.db, source.connector, clusters, readDataFile('clusters.csv'))
    expect(readEmbeddedArrow(clusters, await tableArrowStream(source.db, clusters))).toEqual({
      ok: true,
      value: { rows: 6 },
    })
  })

  it('catches a file cut short, at any byte, and one that holds fewer rows than it says', async () => {
    const whole = await arrowOf('project_progress')
    for (const at of [whole.length - 1, whole.length - 8, Math.floor(whole.length / 2), 900]) {
      expect(readEmbeddedArrow(requireTable('project_progress'), whole.slice(0, at)).ok, `cut at ${at}`).toBe(false)
    }
    // A well-formed stream whose schema says 1,106 rows but that holds only its first batch.
    const table = tableFromIPC(whole)
    expect(table.batches.length).toBeGreaterThan(0)
    const half = new Table(table.schema, [new RecordBatch(table.schema, table.batches[0]!.data).slice(0, 100)])
    const short = tableToIPC(half, 'stream')
    expect(half.schema.metadata.get(ARROW_ROWS_KEY)).toBe('1106')
    const results = await loadArrowTables(target.connector, [
      { table: requireTable('project_progress'), file: { ok: true, bytes: short } },
    ])
    expect(results.get('project_progress')).toEqual({
      ok: false,
      error: { reason: '文件不完整：应有 1106 行，只读到 100 行' },
    })
    expect(await query(target, 'SELECT count(*) AS n FROM project_progress')).toEqual([{ n: 0 }])
  })
})
