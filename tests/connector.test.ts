import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DuckDBConnector } from '../src/db/duckdb-connector'
import { openIngestSession, untilEngineDies } from '../src/db/ingest'
import { type NodeEngine, startNodeEngine } from '../src/db/node'
import type { Result } from '../src/lib/result'

let engine: NodeEngine

beforeAll(async () => {
  engine = await startNodeEngine()
})
afterAll(async () => {
  await engine?.terminate()
})

describe('connector: query<T> returns plain JS rows', () => {
  it('turns BIGINT, HUGEINT and DECIMAL into numbers', async () => {
    const result = await engine.connector.query(
      `SELECT 42::BIGINT AS big, 12345678901::HUGEINT AS huge, 3.14::DECIMAL(10,2) AS dec,
              sum(x)::DECIMAL(38,2) AS total, -0.5::DECIMAL(18,2) AS neg, count(*) AS n
       FROM (VALUES (1.10::DECIMAL(18,2)), (2.25::DECIMAL(18,2))) t(x)`,
    )
    expect(result).toEqual({
      ok: true,
      value: [{ big: 42, huge: 12345678901, dec: 3.14, total: 3.35, neg: -0.5, n: 2 }],
    })
  })

  it('refuses to round a BIGINT beyond 2^53 and says which column', async () => {
    const result = await engine.connector.query('SELECT 9007199254740993::BIGINT AS id_too_big')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('id_too_big')
    if (!result.ok) expect(result.error.message).toContain('9007199254740993')
  })

  it('refuses a DECIMAL whose digits a double cannot hold', async () => {
    const result = await engine.connector.query('SELECT 12345678901234567.89::DECIMAL(38,2) AS amount')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain('12345678901234567.89')
  })

  it('accepts the largest safe integer exactly', async () => {
    const result = await engine.connector.query('SELECT 9007199254740991::BIGINT AS n, -9007199254740991::HUGEINT AS m')
    expect(result).toEqual({ ok: true, value: [{ n: 9007199254740991, m: -9007199254740991 }] })
  })

  it('gives dates as ISO text and keeps NULLs', async () => {
    const result = await engine.connector.query(
      `SELECT DATE '2024-04-18' AS d, TIMESTAMP '2024-04-18 09:30:05' AS ts, NULL::INTEGER AS missing, NULL::DECIMAL(18,2) AS missing_dec, [1, 2]::BIGINT[] AS list`,
    )
    expect(result).toEqual({
      ok: true,
      value: [{ d: '2024-04-18', ts: '2024-04-18 09:30:05', missing: null, missing_dec: null, list: [1, 2] }],
    })
  })

  it('binds parameters', async () => {
    const result = await engine.connector.query('SELECT $1::INTEGER + 1 AS x, $2 AS label', [41, '观察点'])
    expect(result).toEqual({ ok: true, value: [{ x: 42, label: '观察点' }] })
  })

  it('returns an error value, not a rejection, for a bad query', async () => {
    const result = await engine.connector.query('SELECT * FROM no_such_table')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toMatch(/no_such_table/)
      expect(result.error.sql).toBe('SELECT * FROM no_such_table')
    }
  })

  it('has extension autoloading and autoinstall switched off', async () => {
    const result = await engine.connector.query(
      "SELECT current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall",
    )
    expect(result).toEqual({ ok: true, value: [{ autoload: false, autoinstall: false }] })
  })
})

describe('connector: a dead engine', () => {
  it('leaves nothing listening once queries finish, however many ran (no per-query leak on a long-running screen)', async () => {
    for (let i = 0; i < 50; i++) await engine.connector.query(`SELECT ${i} AS i`)
    expect(engine.connector.dead.listening).toBe(0)
  })

  it('answers a query still waiting when the engine is declared dead with the reason, as a value', async () => {
    const other = await startNodeEngine()
    try {
      const slow = other.connector.query('SELECT count(*) AS n FROM range(300000000) a')
      other.connector.kill('数据引擎无响应')
      const result = await slow
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toBe('数据引擎无响应')
      // And every later query too, without reaching the engine.
      const later = await other.connector.query('SELECT 1')
      expect(later.ok).toBe(false)
    } finally {
      await other.terminate()
    }
  })

  it('reaches every connection on the engine: an upload’s own, and one opened after', async () => {
    const other = await startNodeEngine()
    try {
      const upload = await openIngestSession(other.db)
      const slow = upload.connector.query('SELECT count(*) AS n FROM range(300000000) a')
      // Declared on the dashboard's connection, as app/boot does when the worker crashes.
      other.connector.kill('数据引擎异常退出')
      expect(await slow).toEqual({
        ok: false,
        error: { message: '数据引擎异常退出', sql: 'SELECT count(*) AS n FROM range(300000000) a' },
      })
      await expect(DuckDBConnector.open(other.db)).rejects.toThrow('数据引擎异常退出')
      // Work that talks to the engine some other way stops with the reason too.
      const never = new Promise<Result<number, string>>(() => undefined)
      expect(await untilEngineDies(other.db, never)).toEqual({
        ok: false,
        error: '数据引擎中断，本次导入没有完成（数据引擎异常退出）',
      })
    } finally {
      await other.terminate()
    }
  })
})
