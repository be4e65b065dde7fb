import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type NodeEngine, startNodeEngine } from '../src/db/node'
import { consoleCountSql } from '../src/explore/bounded-result'
import { checkStatement, scanSql } from '../src/explore/statement'

describe('console statement check: read-only, one statement', () => {
  it('accepts queries and drops trailing semicolons and comments', () => {
    expect(checkStatement('SELECT 1;')).toEqual({ ok: true, sql: 'SELECT 1' })
    expect(checkStatement('  with a as (select 1) select * from a ; ; -- done\n')).toEqual({
      ok: true,
      sql: 'with a as (select 1) select * from a',
    })
    for (const q of [
      'FROM t',
      'SHOW TABLES',
      'DESCRIBE t',
      'SUMMARIZE t',
      'VALUES (1)',
      '(SELECT 1) UNION (SELECT 2)',
      'PIVOT t ON a USING sum(b)',
    ]) {
      expect(checkStatement(q).ok, q).toBe(true)
    }
  })

  it('refuses statements that write, saying the console is read-only and naming the statement', () => {
    for (const q of [
      'DROP TABLE point_indicators',
      'delete from t',
      'INSERT INTO t VALUES (1)',
      'CREATE TABLE x AS SELECT 1',
      'ALTER TABLE t RENAME TO u',
      "COPY t TO 'x.csv'",
      'SET autoinstall_known_extensions = true',
      "ATTACH 'x.db'",
      'UPDATE t SET a = 1',
    ]) {
      const r = checkStatement(q)
      expect(r.ok, q).toBe(false)
      if (!r.ok) expect(r.reason).toContain('控制台只读')
    }
    const r = checkStatement('-- comment\nDROP TABLE t')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain('DROP')
  })

  it('refuses a second statement after a semicolon, even behind a SELECT', () => {
    const r = checkStatement('SELECT 1; DROP TABLE t')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain('一次只能执行一条语句')
  })

  it('does not mistake semicolons in strings, identifiers or comments for a second statement', () => {
    expect(checkStatement('SELECT \'a;b\' AS "x;y" /* ; */ -- ;\n')).toEqual({
      ok: true,
      sql: 'SELECT \'a;b\' AS "x;y" /* ; */ -- ;',
    })
    expect(checkStatement("SELECT 'it''s; fine', $$a;b$$, E'\\';'")).toMatchObject({ ok: true })
    expect(scanSql("SELECT 'x;' ; ").semicolons).toEqual([12])
  })

  it('asks for a query when there is only whitespace or comments', () => {
    expect(checkStatement('  -- nothing\n ;')).toEqual({ ok: false, reason: '请输入一条查询语句' })
  })
})

describe('console SQL against a real DuckDB', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startNodeEngine()
    await engine.connector.query(
      'CREATE TABLE "<img src=x onerror=alert(1)>" AS SELECT range AS "<b>n</b>" FROM range(25)',
    )
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it('caps the rows at the limit plus one and counts the whole result', async () => {
    const checked = checkStatement('SELECT * FROM "<img src=x onerror=alert(1)>" -- trailing comment')
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    const rows = await engine.connector.readOnly(`SELECT * FROM (\n${checked.sql}\n) LIMIT 11`)
    expect(rows.ok && rows.value.length).toBe(11)
    const count = await engine.connector.readOnly<{ rows: number }>(consoleCountSql(checked.sql))
    expect(count.ok && count.value[0]!.rows).toBe(25)
  })

  it('runs SHOW and DESCRIBE as subqueries', async () => {
    const tables = await engine.connector.readOnly<{ name: string }>('SHOW TABLES')
    expect(tables.ok && tables.value.map((r) => r.name)).toContain('<img src=x onerror=alert(1)>')
    const described = await engine.connector.readOnly<{ column_name: string }>(
      'DESCRIBE "<img src=x onerror=alert(1)>"',
    )
    expect(described.ok && described.value.map((r) => r.column_name)).toEqual(['<b>n</b>'])
  })

  it('cannot write even if a write slipped past the first-word check: the subquery does not parse', async () => {
    const r = await engine.connector.readOnly('WITH a AS (SELECT 1) DELETE FROM "<img src=x onerror=alert(1)>"')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/只能执行一条只读查询[\s\S]*Parser Error/)
    const still = await engine.connector.query<{ n: number }>(
      'SELECT count(*) AS n FROM "<img src=x onerror=alert(1)>"',
    )
    expect(still.ok && still.value[0]!.n).toBe(25)
  })
})

describe('console session: check, read, cancel', () => {
  let engine: NodeEngine
  beforeAll(async () => {
    engine = await startNodeEngine()
  })
  afterAll(async () => {
    await engine?.terminate()
  })

  it("gives DuckDB's own message for a missing column, pointing into the user's text", async () => {
    const session = await engine.connector.openSession()
    const problem = await session.check('SELECT\n  nope\nFROM range(3)')
    expect(problem?.message).toMatch(/Referenced column "nope" not found/)
    expect(problem?.message).toContain('LINE 2')
    expect(await session.check('SELECT range FROM range(3)')).toBeNull()
    await session.close()
  })

  it('returns the columns even when there are no rows', async () => {
    const session = await engine.connector.openSession()
    const r = await session.read("SELECT 1::INTEGER AS a, 'x' AS b WHERE false").result
    expect(r).toEqual({
      ok: true,
      value: {
        columns: [
          { name: 'a', numeric: true },
          { name: 'b', numeric: false },
        ],
        rows: [],
      },
    })
    await session.close()
  })

  it('cancels a long cross join, and the session and the main connection still answer', async () => {
    const session = await engine.connector.openSession()
    const started = Date.now()
    const pending = session.read('SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1')
    setTimeout(() => void pending.cancel(), 300)
    const r = await pending.result
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/cancel/i)
    expect(Date.now() - started).toBeLessThan(10_000)
    const after = await session.read<{ x: number }>('SELECT 42 AS x').result
    expect(after).toMatchObject({ ok: true, value: { rows: [{ x: 42 }] } })
    const main = await engine.connector.query('SELECT 43 AS x')
    expect(main).toEqual({ ok: true, value: [{ x: 43 }] })
    await session.close()
  }, 30_000)

  it('stops a query cancelled before it was sent (while it was prepared, or its transaction begun)', async () => {
    const session = await engine.connector.openSession()
    const started = Date.now()
    const pending = session.read('SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1')
    void pending.cancel()
    const r = await pending.result
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/cancel/i)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await session.read<{ x: number }>('SELECT 44 AS x').result).toMatchObject({
      ok: true,
      value: { rows: [{ x: 44 }] },
    })
    await session.close()
  }, 30_000)
})
