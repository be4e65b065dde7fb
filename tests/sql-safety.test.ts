/**
 * User SQL can only read. Every text below — writes, and writes hidden behind every quoting
 * trick we know — goes down each path user text takes (a pin on 我的看板 read back from
 * storage and drawn, the chart builder, the console), and after each one every table must be
 * exactly as it was: the same rows (a hash of each), the same catalog, the same settings.
 */
import { readdirSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { QuerySession, Row } from '../src/db/connector'
import { databaseFingerprint, type Fingerprint } from '../src/db/fingerprint'
import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { queryColumnsSql } from '../src/explore/catalog-sql'
import type { ChartSpec } from '../src/explore/chart-spec'
import { chartSql, tablesRead } from '../src/explore/chart-sql'
import { parsePins, readPins } from '../src/explore/pins'
import { checkStatement, scanSql } from '../src/explore/statement'
import { catalog, nextRevision, setEngine, setTables } from '../src/state/catalog'
import { Coordinator } from '../src/state/coordinator'
import { runConsoleQuery } from '../src/widgets/explore/console-run'
import { loadEmbeddedData } from './support/embedded'
import { corpus, ISSUE_PINS, TRICKS, WRITES } from './support/sql-attacks'

/** This file's own coordinator over the app's catalog store, as the app makes one at start-up. */
const coordinator = new Coordinator({ catalog })

const CORPUS = corpus()

let engine: NodeEngine
let baseline: Fingerprint
let session: QuerySession
const fingerprint = () => databaseFingerprint((sql) => engine.connector.query<Row>(sql))
/** What the other connections see of their own settings (a SET would be local to them). */
const readerSettings = async () => {
  const viaReader = await engine.connector.readOnly('SELECT name, value FROM duckdb_settings() ORDER BY name')
  const viaSession = await session.read('SELECT name, value FROM duckdb_settings() ORDER BY name').result
  return { viaReader, viaSession: viaSession.ok ? viaSession.value.rows : viaSession }
}
let baselineSettings: Awaited<ReturnType<typeof readerSettings>>
/** DuckDB's Node build reads and writes the real working directory: COPY or EXPORT would leave files here. */
const files = () => readdirSync(process.cwd()).sort()
let baselineFiles: string[]
let loaded: string[]

beforeAll(async () => {
  engine = await startNodeEngine()
  await loadEmbeddedData(engine)
  for (const sql of [
    'CREATE SEQUENCE fixture_seq',
    'CREATE TABLE "上传_<b>表</b>" AS SELECT range AS rowid, range * 2 AS "n;" FROM range(50)',
  ]) {
    const r = await engine.connector.query(sql)
    if (!r.ok) throw new Error(r.error.message)
  }
  loaded = ['clusters', 'observation_points', 'point_issues', 'key_projects', '上传_<b>表</b>']
  setEngine({ status: 'ready', bundle: 'eh' })
  setTables(
    Object.fromEntries(
      loaded.map((t) => [
        t,
        { status: 'ready', rows: 1, latestPeriod: null, source: 'embedded', revision: nextRevision() },
      ]),
    ),
  )
  coordinator.attach(engine.connector)
  session = await engine.connector.openSession()
  baseline = await fingerprint()
  baselineSettings = await readerSettings()
  baselineFiles = files()
}, 120_000)
afterAll(async () => {
  coordinator.detach()
  await session?.close()
  await engine?.terminate()
})

const spec = (sql: string): ChartSpec => ({
  source: { kind: 'query', sql },
  x: 'a',
  y: null,
  agg: 'count',
  series: null,
  type: 'bar',
  title: '看板图表',
})

/** What 我的看板 does with what it reads from storage: take the pins, describe each query pin, draw it. */
async function boardDraws(stored: unknown) {
  for (const pin of parsePins(stored)) {
    const source = pin.spec.source
    if (source.kind !== 'query') continue
    const tables = tablesRead(source, loaded)
    const checked = checkStatement(source.sql)
    if (checked.ok) await coordinator.query(queryColumnsSql(checked.sql), tables)
    const chart = chartSql(pin.spec)
    if (chart.ok) await coordinator.query(chart.value, tables)
  }
}

describe('a pin read back from storage cannot write', () => {
  it('the issue’s pin, on the board’s path: no table, no catalog entry changes', async () => {
    for (const sql of ISSUE_PINS) {
      await boardDraws([{ id: 'pin-attack', spec: spec(sql) }])
      expect(await fingerprint(), sql).toEqual(baseline)
    }
  })

  it('every text of the corpus, on the board’s path', async () => {
    for (const sql of CORPUS) {
      await boardDraws([{ id: 'pin-attack', spec: spec(sql) }])
      expect(await fingerprint(), JSON.stringify(sql)).toEqual(baseline)
    }
    expect(files()).toEqual(baselineFiles)
  }, 600_000)

  it('refuses the issue’s pin when reading storage, and says why in Chinese', () => {
    const read = readPins([
      { id: 'ok', spec: spec('SELECT 1 AS a') },
      { id: 'pin-attack', spec: spec(ISSUE_PINS[0]!) },
      { id: 'extra', spec: spec('SELECT 1 AS a'), run: 'DELETE FROM point_issues' },
      { id: 'bad id <b>', spec: spec('SELECT 1 AS a') },
      'DELETE FROM point_issues',
    ])
    expect(read.pins.map((p) => p.id)).toEqual(['ok'])
    expect(read.rejected.map((r) => [r.place, r.reason])).toEqual([
      [2, '查询未通过只读检查：一次只能执行一条语句：请删去分号后面的语句后再执行'],
      [3, '含有未知的字段'],
      [4, '编号不合格式'],
      [5, '不是图表'],
    ])
  })
})

describe('the statement check reads semicolons as DuckDB’s own lexer does', () => {
  it('finds exactly the statement-ending semicolons DuckDB’s tokenizer finds, in every text', async () => {
    for (const text of CORPUS) {
      // DuckDB's tokenizer only lexes (nothing is bound or run); its offsets are UTF-8 bytes.
      const tokens = await engine.db.tokenize(text)
      const bytes = new TextEncoder().encode(text)
      const decoder = new TextDecoder()
      const duckdb = tokens.offsets
        .filter((at, i) => tokens.types[i] === 3 && bytes[at] === 0x3b)
        .map((at) => decoder.decode(bytes.subarray(0, at)).length)
      expect(scanSql(text).semicolons, JSON.stringify(text)).toEqual(duckdb)
    }
  }, 300_000)
})

describe('the engine’s own gate, without the statement check in front of it', () => {
  it('every text, as a read-only query, a described pin, a chart source and a console run', async () => {
    for (const text of CORPUS) {
      const results = [
        await engine.connector.readOnly(text),
        await engine.connector.readOnly(queryColumnsSql(text).sql),
        await engine.connector.readOnly(`SELECT count(*) AS "value" FROM (\n${text}\n) AS "source" GROUP BY ALL`),
      ]
      const problem = await session.check(text)
      const run = await runConsoleQuery(session, text).result
      expect(await fingerprint(), JSON.stringify(text)).toEqual(baseline)
      // What did get through is a read: no write is a query, so each of these was refused.
      if (WRITES.includes(text)) {
        for (const r of results) expect(r.ok, text).toBe(false)
        // Refused when prepared, or (a SELECT of nextval) by the read-only transaction.
        expect(problem !== null || run.kind === 'error', text).toBe(true)
        expect(run.kind, text).toBe('error')
      }
    }
    expect(await readerSettings()).toEqual(baselineSettings)
    expect(files()).toEqual(baselineFiles)
  }, 600_000)

  it('refuses several statements with a Chinese message, before running any', async () => {
    const r = await engine.connector.readOnly(TRICKS.plain!(1, 'DELETE FROM point_issues'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('一次只能执行一条只读查询')
    const dynamicPivot = await engine.connector.readOnly('PIVOT point_issues ON status USING count(*)')
    expect(dynamicPivot.ok).toBe(false)
    if (!dynamicPivot.ok) expect(dynamicPivot.error.message).toContain('请在 ON 后写明 IN (…)')
  })

  it('still answers every kind of query, quoting tricks included', async () => {
    const reads: [string, number][] = [
      ["SELECT 'a;b' AS \"x;y\", $$c;d$$ AS e, $t$;$t$ AS f, E'\\';' AS g -- ;\n", 1],
      ['SELECT 1 AS 中$$', 1],
      ['WITH a AS (SELECT * FROM clusters) SELECT * FROM a', 6],
      ['FROM clusters', 6],
      ['SHOW TABLES', 14],
      ['DESCRIBE clusters', 4],
      ['SUMMARIZE clusters', 4],
      ["PIVOT (SELECT status FROM point_issues) ON status IN ('已办结', '办理中') USING count(*)", 1],
      ['VALUES (1), (2)', 2],
      ['TABLE clusters', 6],
      ['SELECT * FROM "上传_<b>表</b>" WHERE rowid < 3', 3],
    ]
    for (const [sql, rows] of reads) {
      const r = await engine.connector.readOnly(sql)
      expect(r.ok && r.value.length, `${sql} ${r.ok ? '' : r.error.message}`).toBe(rows)
      const c = await runConsoleQuery(session, sql).result
      expect(c.kind === 'done' && c.rows.length, sql).toBe(rows)
    }
  })
})
