import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requireTable } from '../src/datasets/registry'
import { anyTableArrowStream, embeddedCsvToArrow, loadArrowTables, replaceTableFromArrow } from '../src/db/load-table'
import type { NodeEngine } from '../src/db/node'
import { basicAuthorization, writeFailure } from '../src/published/client'
import { manifestChanges, parseManifest } from '../src/published/manifest'
import { readDataFile } from './support/embedded'
import { must, query, startEngineWithSchema } from './support/engine'

const SHA_A = 'a'.repeat(64)
const SHA_B = 'b'.repeat(64)

const entry = (table: string, sha: string, extra: Record<string, unknown> = {}) => ({
  table,
  kind: 'registry',
  label: '观察点月度指标',
  file: `tables/${table}/${sha}.arrow`,
  sha256: sha,
  bytes: 1000,
  rows: 891,
  months: { from: '2023-01', to: '2026-11', count: 47 },
  publisher: '张敏',
  publishedAt: '2026-12-07T10:30:00.000Z',
  sources: ['观察点11月.csv'],
  replaces: null,
  version: 3,
  ...extra,
})

describe('the published data manifest', () => {
  it('reads a well-formed manifest', () => {
    const r = parseManifest(
      JSON.stringify({ version: 3, updatedAt: 'x', tables: { point_indicators: entry('point_indicators', SHA_A) } }),
    )
    expect(r.ok && r.value.manifest.tables.point_indicators?.months).toEqual({
      from: '2023-01',
      to: '2026-11',
      count: 47,
    })
    expect(r.ok && r.value.skipped).toEqual([])
  })

  it('leaves out an entry whose file could leave tables/ or does not match its hash, and says which', () => {
    const r = parseManifest(
      JSON.stringify({
        version: 4,
        tables: {
          point_indicators: entry('point_indicators', SHA_A, { file: `tables/../../etc/${SHA_A}.arrow` }),
          key_projects: entry('key_projects', SHA_A, { file: `tables/key_projects/${SHA_B}.arrow` }),
          towns: entry('towns', SHA_B, { months: { from: '2026-13', to: '2026-11' } }),
          clusters: entry('clusters', SHA_B),
        },
      }),
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(Object.keys(r.value.manifest.tables)).toEqual(['clusters'])
    expect(r.value.skipped).toEqual(['point_indicators', 'key_projects', 'towns'])
  })

  it('refuses text that is not a manifest, in Chinese', () => {
    expect(parseManifest('<html>')).toEqual({ ok: false, error: '发布数据清单不是有效的 JSON' })
    expect(parseManifest('{"version": -1, "tables": {}}')).toEqual({ ok: false, error: '发布数据清单格式不正确' })
  })

  it('names the tables whose version changed, came or went', () => {
    const parse = (tables: Record<string, unknown>, version: number) => {
      const r = parseManifest(JSON.stringify({ version, tables }))
      if (!r.ok) throw new Error(r.error)
      return r.value.manifest
    }
    const before = parse({ point_indicators: entry('point_indicators', SHA_A), towns: entry('towns', SHA_A) }, 3)
    const after = parse({ point_indicators: entry('point_indicators', SHA_B), clusters: entry('clusters', SHA_A) }, 5)
    expect(
      manifestChanges(before, after).map((c) => [c.table, c.previous?.sha256 ?? null, c.next?.sha256 ?? null]),
    ).toEqual([
      ['clusters', null, SHA_A],
      ['point_indicators', SHA_A, SHA_B],
      ['towns', SHA_A, null],
    ])
    expect(manifestChanges(after, after)).toEqual([])
  })
})

describe('the publish API as the app reads it', () => {
  it('sends a Chinese publisher name as UTF-8 in Basic credentials', () => {
    const header = basicAuthorization({ name: '张敏', passphrase: 'p:ss' })
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8')).toBe('张敏:p:ss')
  })

  it('turns each refusal into what the user can do about it', () => {
    expect(writeFailure(401, { error: '用户名或口令不正确' })).toEqual({ kind: 'auth', message: '用户名或口令不正确' })
    expect(writeFailure(429, null, '30').message).toBe('尝试次数过多，请在 30 秒后再试')
    expect(writeFailure(409, { error: '已有新版本', current: SHA_B })).toEqual({
      kind: 'conflict',
      message: '已有新版本',
      current: SHA_B,
    })
    const rejected = writeFailure(400, {
      error: '有 1 行数据有问题',
      problems: [
        { row: 15, column: 'point_id', kind: 'unknown-key', value: 'P99', message: '第15行 point_id：P99 不存在' },
      ],
    })
    expect(rejected.kind === 'rejected' && rejected.problems[0]?.message).toBe('第15行 point_id：P99 不存在')
    expect(writeFailure(404, null).kind).toBe('no-server')
  })
})

describe('a newer published version swapped into a loaded table', () => {
  let engine: NodeEngine
  const indicators = requireTable('point_indicators')
  let published: Uint8Array
  let october = 0

  beforeAll(async () => {
    engine = await startEngineWithSchema()
    const made = await embeddedCsvToArrow(engine.db, engine.connector, indicators, readDataFile('point_indicators.csv'))
    if (!made.ok) throw new Error(made.error.reason)
    // The "published" version: the embedded rows with October dropped, as another analyst might send.
    october = (
      await query<{ n: number }>(engine, "SELECT count(*) AS n FROM point_indicators WHERE period = '2026-10'")
    )[0]!.n
    await must(engine, `DELETE FROM point_indicators WHERE period = '2026-10'`)
    published = await anyTableArrowStream(engine.db, 'point_indicators', indicators)
    await loadArrowTables(engine.connector, [{ table: indicators, file: { ok: true, bytes: made.value } }])
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  const count = async () => (await query<{ n: number }>(engine, 'SELECT count(*) AS n FROM point_indicators'))[0]!.n

  it('replaces every row in one go and reports the new count and month', async () => {
    expect(await count()).toBe(872)
    const r = await replaceTableFromArrow(engine.connector, 'point_indicators', indicators, published)
    expect(october).toBeGreaterThan(10)
    expect(r).toEqual({ ok: true, value: { rows: 872 - october, latestPeriod: '2026-09' } })
    expect(await count()).toBe(872 - october)
    // Nothing is left behind from the swap.
    expect(
      await query(engine, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__observatory%'"),
    ).toEqual([])
  })

  it('leaves the table as it was when the stream is cut short or is another table', async () => {
    const before = await count()
    const cut = await replaceTableFromArrow(
      engine.connector,
      'point_indicators',
      indicators,
      published.slice(0, published.length - 9),
    )
    expect(cut.ok).toBe(false)
    const towns = await anyTableArrowStream(engine.db, 'towns', requireTable('towns'))
    const wrong = await replaceTableFromArrow(engine.connector, 'point_indicators', indicators, towns)
    expect(wrong.ok || wrong.error.reason).toMatch(/^列与数据模型不一致/)
    expect(await count()).toBe(before)
  })

  it('creates and replaces an ad-hoc table from its stream, with its own columns', async () => {
    await must(
      engine,
      `CREATE TABLE "上传_走访" AS SELECT * FROM (VALUES ('城厢镇', 3), ('浏河镇', 5)) t("镇区", "次数")`,
    )
    const stream = await anyTableArrowStream(engine.db, '上传_走访', null)
    await must(engine, 'DROP TABLE "上传_走访"')
    expect(await replaceTableFromArrow(engine.connector, '上传_走访', null, stream)).toEqual({
      ok: true,
      value: { rows: 2, latestPeriod: null },
    })
    expect(await query(engine, 'SELECT * FROM "上传_走访" ORDER BY "次数"')).toEqual([
      { 镇区: '城厢镇', 次数: 3 },
      { 镇区: '浏河镇', 次数: 5 },
    ])
  })
})
