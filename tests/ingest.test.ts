import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { type IngestSession, openIngestSession } from '../src/db/ingest'
import { confirmUpload, type PreparedUpload, prepareUpload } from '../src/db/ingest-pipeline'
import type { NodeEngine } from '../src/db/node'
import type { UploadDecisions } from '../src/ingest/plan'
import { reportCsv } from '../src/ingest/report'
import { insertRows, must, query, startEngineWithSchema } from './support/engine'
import { encodeGb18030, encodeUtf16le } from './support/gb18030'
import { disableTestHooks, enableTestHooks, type IngestTiming } from './support/hooks'

let engine: NodeEngine
let session: IngestSession
const utf8 = (s: string) => new TextEncoder().encode(s)

beforeAll(async () => {
  engine = await startEngineWithSchema()
  session = await openIngestSession(engine.db)
  await insertRows(
    engine,
    'observation_points',
    ['P01', 'P02', 'P03'].map((id) => ({
      point_id: id,
      name: id,
      cluster_id: 'equipment',
      town_id: 'hitech',
      established_on: '2024-04-18',
    })),
  )
})
afterAll(async () => {
  await engine?.terminate()
})
beforeEach(async () => {
  await must(engine, 'DELETE FROM point_indicators')
})

async function prepare(bytes: Uint8Array, name: string, decisions?: Partial<UploadDecisions>): Promise<PreparedUpload> {
  const r = await prepareUpload(session, bytes, name, decisions ? { decisions } : {})
  if (!r.ok) throw new Error(r.error)
  return r.value
}

async function load(bytes: Uint8Array, name: string, decisions?: Partial<UploadDecisions>) {
  const prepared = await prepare(bytes, name, decisions)
  const committed = await confirmUpload(session, prepared, true)
  if (!committed.ok) throw new Error(committed.error)
  return { prepared, committed: committed.value }
}

const indicators = () =>
  query<{
    period: string
    point_id: string
    output_value: number
    revenue: number | null
    capacity_utilization: number | null
  }>(
    engine,
    'SELECT period, point_id, output_value, revenue, capacity_utilization FROM point_indicators ORDER BY period, point_id',
  )

const CHINESE_SHEET = [
  '月份,观察点编号,产值（万元）,营业收入(万元),产能利用率（%）',
  '2025年3月,P01,"1,234.50","2,000",85.3%',
  '2025年3月,P02,"12,345.00",—,90%',
  '2025年4月,P01,"１,０００.５",-,/',
].join('\r\n')

describe('Chinese spreadsheet exports', () => {
  it('reads GB18030 with Chinese headers, quoted thousands, percents and 2025年3月 periods', async () => {
    const { prepared, committed } = await load(encodeGb18030(CHINESE_SHEET), '月度指标.csv')
    expect(prepared.analysis.encoding).toBe('gb18030')
    expect(prepared.plan.target).toMatchObject({ kind: 'table', table: { name: 'point_indicators' } })
    expect(committed).toEqual({ name: 'point_indicators', rows: 3, latestPeriod: '2025-04' })
    expect(await indicators()).toEqual([
      { period: '2025-03', point_id: 'P01', output_value: 1234.5, revenue: 2000, capacity_utilization: 85.3 },
      { period: '2025-03', point_id: 'P02', output_value: 12345, revenue: null, capacity_utilization: 90 },
      { period: '2025-04', point_id: 'P01', output_value: 1000.5, revenue: null, capacity_utilization: null },
    ])
  })

  it('reads a GB18030 sheet whose only Chinese is its header, and leaves the bytes it was given as they were', async () => {
    const sheet = encodeGb18030(
      '月份,观察点编号,产值（万元）,产能利用率（%）\r\n2025-03,P01,1234.5,85.3\r\n2025-03,P02,12345,90\r\n',
    )
    const kept = sheet.slice()
    const { prepared, committed } = await load(sheet, '月度指标.csv')
    expect(prepared.analysis.encoding).toBe('gb18030')
    expect(prepared.plan.target).toMatchObject({
      kind: 'table',
      table: { name: 'point_indicators' },
      mapping: ['period', 'point_id', 'output_value', 'capacity_utilization'],
    })
    expect(committed).toEqual({ name: 'point_indicators', rows: 2, latestPeriod: '2025-03' })
    expect(await indicators()).toEqual([
      { period: '2025-03', point_id: 'P01', output_value: 1234.5, revenue: null, capacity_utilization: 85.3 },
      { period: '2025-03', point_id: 'P02', output_value: 12345, revenue: null, capacity_utilization: 90 },
    ])
    expect(sheet).toEqual(kept)
  })

  it('reads Excel "Unicode text": tab-delimited UTF-16LE with a BOM', async () => {
    const text = [
      '月份\t观察点编号\t产值（万元）\t营业收入(万元)\t产能利用率（%）',
      '2025年3月\tP01\t1,234.50\t2,000\t85.3%',
      '2025年3月\tP02\t12,345.00\t—\t90%',
      '2025年4月\tP01\t１,０００.５\t-\t/',
    ].join('\r\n')
    const { prepared, committed } = await load(encodeUtf16le(text), 'indicators.txt')
    expect(prepared.analysis.encoding).toBe('utf-16le')
    expect(prepared.analysis.dialect.delimiter).toBe('\t')
    expect(committed.rows).toBe(3)
    expect((await indicators()).map((r) => r.output_value)).toEqual([1234.5, 12345, 1000.5])
  })

  it('reads UTF-16LE without a BOM too', async () => {
    const { prepared } = await load(encodeUtf16le(CHINESE_SHEET, false), 'indicators.csv')
    expect(prepared.analysis.encoding).toBe('utf-16le')
    expect(prepared.report.rows).toBe(3)
  })

  it('reads UTF-8 with a BOM, thousands separators and percents', async () => {
    const { prepared, committed } = await load(utf8('\uFEFF' + CHINESE_SHEET), 'indicators.csv')
    expect(prepared.analysis.encoding).toBe('utf-8')
    expect(prepared.analysis.headers[0]).toBe('月份')
    expect(committed.rows).toBe(3)
    expect((await indicators())[0]).toEqual({
      period: '2025-03',
      point_id: 'P01',
      output_value: 1234.5,
      revenue: 2000,
      capacity_utilization: 85.3,
    })
  })

  it('understands every spelling of a month and names the line of one it cannot read', async () => {
    const spellings = [
      '2025年3月',
      '2025/3',
      '202503',
      '2025-03',
      '2025.3',
      '2025年03月',
      '2025-3',
      ' 2025 年 3 月 ',
      '２０２５年３月',
    ]
    const rows = spellings.map((p, i) => `${p},P0${(i % 3) + 1},${i}`)
    rows.push('2025年13月,P01,1')
    const prepared = await prepare(utf8(['period,point_id,output_value', ...rows].join('\n')), 'p.csv')
    const staged = await session.connector.query<{ v: string | null }>(
      `SELECT "period" AS v FROM "${session.stageTable}" ORDER BY rowid`,
    )
    expect(staged.ok && staged.value.map((r) => r.v)).toEqual([...spellings.map(() => '2025-03'), null])
    expect(prepared.report.issues).toContainEqual(
      expect.objectContaining({
        line: 11,
        column: 'period',
        value: '2025年13月',
        problem: '无法识别为月份（如 2025-03、2025年3月）',
      }),
    )
  })

  it('stages a sheet whose months need no cleaning without a column for unreadable months, and one that does with it', async () => {
    const helpers = async () => {
      const r = await session.connector.query<{ name: string }>(
        `SELECT column_name AS name FROM duckdb_columns() WHERE table_name = '${session.stageTable}' AND column_name LIKE '\\_\\_%' ESCAPE '\\' ORDER BY column_index`,
      )
      return r.ok ? r.value.map((c) => c.name) : r.error.message
    }
    await prepare(utf8('period,point_id,output_value\n2025-03,P01,1\n2025-04,P02,2\n'), 'clean.csv')
    expect(await helpers()).toEqual(['__blank'])
    const prepared = await prepare(
      utf8('period,point_id,output_value\n2025年3月,P01,1\n2025年13月,P02,2\n'),
      'cleaned.csv',
    )
    expect(await helpers()).toEqual(['__blank', '__bad_period'])
    expect(prepared.report.issues).toContainEqual(
      expect.objectContaining({ line: 3, column: 'period', value: '2025年13月' }),
    )
    const committed = await confirmUpload(session, prepared, true)
    expect(committed.ok && committed.value.rows).toBe(1)
    // The committed table has exactly the registry's columns, no helper left behind.
    const columns = await query<{ name: string }>(
      engine,
      `SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'point_indicators' AND column_name LIKE '\\_\\_%' ESCAPE '\\'`,
    )
    expect(columns).toEqual([])
  })

  it('reads decimal commas in a semicolon-delimited file from European partners', async () => {
    const text = 'period;point_id;output_value;capacity_utilization\n2025-03;P01;1.234,5;85,3\n2025-03;P02;12,25;90\n'
    const { prepared } = await load(utf8(text), 'eu.csv')
    expect(prepared.analysis.dialect).toMatchObject({ delimiter: ';', decimalComma: true })
    expect((await indicators()).map((r) => [r.output_value, r.capacity_utilization])).toEqual([
      [1234.5, 85.3],
      [12.25, 90],
    ])
  })

  it('cleans "1,234.5" and "—" that first appear past the sample, and still names the line of a bad cell there', async () => {
    const lines = ['period,point_id,output_value']
    for (let i = 0; i < 3000; i++)
      lines.push(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},P0${(i % 3) + 1},${i}.5`)
    lines[2500] = '2208-04,P02,"1,234.5"'
    lines[2600] = '2216-08,P03,—'
    lines[2700] = '2224-12,P01,abc'
    const prepared = await prepare(utf8(lines.join('\n')), 'late.csv')
    expect(prepared.report.issues).toEqual([
      expect.objectContaining({ line: 2701, column: 'output_value', value: 'abc', problem: '无法识别为数字' }),
    ])
    const committed = await confirmUpload(session, prepared, true)
    expect(committed).toMatchObject({ ok: true, value: { rows: 2999 } })
    const late = await query(
      engine,
      "SELECT period, output_value FROM point_indicators WHERE period IN ('2208-04', '2216-08') ORDER BY period",
    )
    expect(late).toEqual([
      { period: '2208-04', output_value: 1234.5 },
      { period: '2216-08', output_value: null },
    ])
  })

  it('reads CR-only and mixed line endings', async () => {
    const { committed } = await load(
      utf8('period,point_id,output_value\r2025-03,P01,1\r\n2025-03,P02,2\n2025-03,P03,3\r'),
      'cr.csv',
    )
    expect(committed.rows).toBe(3)
  })
})

describe('validation before anything is committed', () => {
  const BAD = [
    '月份,观察点编号,产值（万元）,产能利用率（%）', // line 1
    '2025-03,P01,100,50', // 2 fine
    '2025-03,P99,100,50', // 3 unknown point
    '2025-03,P01,200,50', // 4 duplicate key of line 2
    '2025-03,P02,abc,50', // 5 not a number
    '2025-03,P03,-5,50', // 6 below the minimum
    '2025-03,P03,5,50,extra', // 7 ragged
    ',P02,5,150', // 8 period missing, utilisation above 100
    '2025-04,P02,7,60', // 9 fine
  ].join('\n')

  it('numbers lines as the spreadsheet rows, a cell with line breaks counting once (as Excel shows them)', async () => {
    const sheet = [
      '问题编号,观察点编号,反映日期,问题类别,问题摘要,办理状态', // row 1
      'Q1,P01,2025-03-02,融资,"贷款到期\n续贷困难",办理中', // row 2, two lines of text
      'Q2,P02,2025-03-05,用工,"招工难\n技工缺口大\n希望协调",办理中', // row 3, three lines
      'Q3,P03,2025-03-09,融资,正常,待办', // row 4: 待办 is not a status
      'Q4,P01,2025-03-12,用工,多出一列,办理中,多余', // row 5: ragged
      'Q5,P02,2025-03-15,物流,"运费上涨\n",已办结', // row 6, fine
      'Q6,P09,2025-03-20,融资,未登记的观察点,办理中', // row 7: unknown point
    ].join('\n')
    const prepared = await prepare(utf8(sheet), '问题清单.csv')
    expect(prepared.plan.target).toMatchObject({ kind: 'table', table: { name: 'point_issues' } })
    expect(prepared.report.issues.map((i) => [i.line, i.column])).toEqual([
      [4, '办理状态'],
      [5, null],
      [7, '观察点编号'],
    ])
  })

  it('lists each problem with its line and column in Chinese', async () => {
    const prepared = await prepare(utf8(BAD), 'bad.csv')
    const found = prepared.report.issues.map((i) => [i.line, i.column, i.problem])
    expect(found).toEqual([
      [3, '观察点编号', '在观察点名单中找不到这个编号或名称'],
      [4, '月份 + 观察点编号', '主键重复（与前面的行相同，只保留第一行）'],
      [5, '产值（万元）', '无法识别为数字'],
      [6, '产值（万元）', '超出允许范围（应不小于 0）'],
      [7, null, expect.stringContaining('列数多于表头（应为 4 列）')],
      [8, '产能利用率（%）', '超出允许范围（应不小于 0且不大于 100）'],
      [8, '月份', '必填项为空'],
    ])
    expect(prepared.report).toMatchObject({ rows: 7, failingRows: 5, rejectedLines: 1, issueCount: 7 })
    const csv = reportCsv('bad.csv', prepared.report.issues)
    expect(csv.startsWith('\uFEFF文件,行号,列,问题,原值,处理\r\n')).toBe(true)
    expect(csv).toContain('bad.csv,3,观察点编号,在观察点名单中找不到这个编号或名称,P99,该行不导入')
  })

  it('skips the failing rows when the user says so', async () => {
    const prepared = await prepare(utf8(BAD), 'bad.csv')
    const committed = await confirmUpload(session, prepared, true)
    expect(committed).toMatchObject({ ok: true, value: { rows: 2 } })
  })

  it('leaves the old table byte-for-byte unchanged when the file is rejected', async () => {
    await load(
      utf8('period,point_id,output_value,capacity_utilization\n2025-01,P01,1.5,10\n2025-01,P02,2.25,20\n'),
      'good.csv',
    )
    const fingerprint = () =>
      query<{ h: string; n: number }>(
        engine,
        `SELECT md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY period, point_id)) AS h, count(*)::INT AS n FROM point_indicators t`,
      )
    const before = await fingerprint()
    const prepared = await prepare(utf8(BAD), 'bad.csv')
    const rejected = await confirmUpload(session, prepared, false)
    expect(rejected.ok).toBe(false)
    if (!rejected.ok) expect(rejected.error).toContain('整个文件不导入')
    expect(await fingerprint()).toEqual(before)
    expect(before[0]!.n).toBe(2)
  })

  it('rolls an append back when it fails half-way, leaving the table as it was', async () => {
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n'), 'one.csv')
    const prepared = await prepare(utf8('period,point_id,output_value\n2025-01,P01,9\n2025-02,P01,2\n'), 'more.csv', {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    })
    // A value no DECIMAL(18,2) holds: the DELETE (which reads only the key) runs, then the INSERT fails.
    // Break the commit half-way: the staged rows lose a column the INSERT needs, after the DELETE ran.
    await must(engine, `ALTER TABLE "${session.stageTable}" RENAME COLUMN "revenue" TO "gone"`)
    const failed = await confirmUpload(session, prepared, true)
    expect(failed.ok).toBe(false)
    expect(await indicators()).toEqual([
      { period: '2025-01', point_id: 'P01', output_value: 1, revenue: null, capacity_utilization: null },
    ])
  })

  it('appends, the key deciding which rows are replaced', async () => {
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n2025-01,P02,2\n'), 'one.csv')
    const { prepared, committed } = await load(
      utf8('period,point_id,output_value\n2025-01,P01,9\n2025-02,P01,3\n'),
      'more.csv',
      {
        target: {
          kind: 'table',
          table: 'point_indicators',
          mapping: ['period', 'point_id', 'output_value'],
          mode: 'append',
        },
      },
    )
    expect(prepared.report.overlap).toBe(1)
    expect(committed.rows).toBe(3)
    expect((await indicators()).map((r) => `${r.period} ${r.point_id} ${r.output_value}`)).toEqual([
      '2025-01 P01 9',
      '2025-01 P02 2',
      '2025-02 P01 3',
    ])
  })

  it('counts each replaced row once, also when the file repeats its key', async () => {
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n2025-01,P02,2\n'), 'one.csv')
    const append = {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    } as const
    const unique = await prepare(
      utf8('period,point_id,output_value\n2025-01,P01,9\n2025-01,P02,8\n2025-01,P03,7\n'),
      'unique.csv',
      append,
    )
    expect(unique.report).toMatchObject({ overlap: 2, failingRows: 0 })
    const repeated = await prepare(
      utf8('period,point_id,output_value\n2025-01,P01,9\n2025-01,P01,8\n2025-01,P03,7\n'),
      'repeated.csv',
      append,
    )
    expect(repeated.report).toMatchObject({ overlap: 1, failingRows: 1 })
  })

  it('finds a repeated key in a sheet sorted by its key, next to its twin or thousands of lines later, in either key order', async () => {
    const month = (m: number) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
    const byMonth: string[] = []
    for (let m = 0; m < 1500; m++) for (const p of ['P01', 'P02', 'P03']) byMonth.push(`${month(m)},${p},${m}`)
    const byPoint = ['P01', 'P02', 'P03'].flatMap((p) =>
      Array.from({ length: 1500 }, (_, m) => `${month(m)},${p},${m}`),
    )
    const sheet = (rows: readonly string[]) => utf8(['period,point_id,output_value', ...rows].join('\n'))
    const repeats = (r: PreparedUpload) =>
      r.report.issues.filter((i) => i.problem.startsWith('主键重复')).map((i) => i.line)

    for (const rows of [byMonth, byPoint]) {
      expect((await prepare(sheet(rows), 'sorted.csv')).report).toMatchObject({
        rows: 4500,
        failingRows: 0,
        issueCount: 0,
      })
      // The last line repeats line 3; the first 4,500 rows are in order.
      expect(repeats(await prepare(sheet([...rows, rows[1]!]), 'far.csv'))).toEqual([4502])
      // Line 12 repeats line 11.
      expect(repeats(await prepare(sheet([...rows.slice(0, 10), rows[9]!, ...rows.slice(10)]), 'twin.csv'))).toEqual([
        12,
      ])
    }
    // Empty key cells prove nothing about order: the two rows with the same point and no month are still a repeat.
    const blanks = await prepare(sheet([...byMonth.slice(0, 6), ',P03,1', ',P03,2', ...byMonth.slice(6)]), 'blanks.csv')
    expect(
      blanks.report.issues
        .filter((i) => i.line === 8 || i.line === 9)
        .map((i) => `${i.line} ${i.problem.slice(0, 4)}`)
        .sort(),
    ).toEqual(['8 必填项为', '9 主键重复', '9 必填项为'])
  })

  it('appends next month without touching earlier months, and still merges a key added after the preview', async () => {
    const append = {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    } as const
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n2025-01,P02,2\n'), 'jan.csv')
    const february = await prepare(
      utf8('period,point_id,output_value\n2025-02,P01,3\n2025-02,P02,4\n'),
      'feb.csv',
      append,
    )
    expect(february.report.overlap).toBe(0)
    // Another upload lands 2025-02 P01 while this one waits for its confirm: the month check
    // runs again inside the commit, so the key is replaced, not doubled.
    const other = await openIngestSession(engine.db)
    const early = await prepareUpload(other, utf8('period,point_id,output_value\n2025-02,P01,99\n'), 'early.csv', {
      decisions: append,
    })
    expect(early.ok && (await confirmUpload(other, early.value, true)).ok).toBe(true)
    await other.close()
    const committed = await confirmUpload(session, february, true)
    expect(committed.ok && committed.value.rows).toBe(4)
    expect((await indicators()).map((r) => `${r.period} ${r.point_id} ${r.output_value}`)).toEqual([
      '2025-01 P01 1',
      '2025-01 P02 2',
      '2025-02 P01 3',
      '2025-02 P02 4',
    ])
  })

  it('appends a file bigger than the table by copying the table into the staged rows: the same rows, failing ones left out', async () => {
    const append = {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    } as const
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n2025-01,P02,2\n'), 'jan.csv')
    const sheet = utf8('period,point_id,output_value\n2025-02,P01,3\n2025-02,P02,4\n2025-02,P09,5\n\n2025-03,P01,6\n')
    const statements: { sql: string }[] = []
    const hooks = enableTestHooks()
    hooks.ingestTimings = statements as IngestTiming[]
    try {
      const prepared = await prepare(sheet, 'feb-mar.csv', append)
      expect(prepared.report).toMatchObject({ overlap: 0, targetRows: 2, rows: 4, failingRows: 1 })
      const committed = await confirmUpload(session, prepared, true, { targetUnchanged: true })
      expect(committed.ok && committed.value.rows).toBe(5)
    } finally {
      disableTestHooks()
    }
    // The table's two rows went into the staged table, not the file's rows into the table.
    expect(statements.some((s) => s.sql.startsWith('INSERT INTO "__upload_stage'))).toBe(true)
    expect(statements.some((s) => s.sql.startsWith('INSERT INTO "point_indicators"'))).toBe(false)
    expect((await indicators()).map((r) => `${r.period} ${r.point_id} ${r.output_value}`)).toEqual([
      '2025-01 P01 1',
      '2025-01 P02 2',
      '2025-02 P01 3',
      '2025-02 P02 4',
      '2025-03 P01 6',
    ])
  })

  it('reports the rows and latest month the table holds after a swap, the later month being the table’s own or the file’s cleaned one', async () => {
    const append = {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    } as const
    const actual = async () =>
      (
        await query<{ rows: number; latest: string }>(
          engine,
          'SELECT count(*)::INTEGER AS rows, max(period) AS latest FROM point_indicators',
        )
      )[0]
    // The table's one row is its latest month; the file (more rows, none overlapping) brings earlier ones.
    await load(utf8('period,point_id,output_value\n2025-09,P01,1\n'), 'sep.csv')
    let prepared = await prepare(
      utf8('period,point_id,output_value\n2025年1月,P01,3\n2025年1月,P02,4\n2025/2,P01,5\n'),
      'jan-feb.csv',
      append,
    )
    let committed = await confirmUpload(session, prepared, true, { targetUnchanged: true })
    expect(committed.ok && committed.value).toEqual({ name: 'point_indicators', rows: 4, latestPeriod: '2025-09' })
    expect(await actual()).toEqual({ rows: 4, latest: '2025-09' })
    // A replace whose latest month is spelt the Chinese way, and sorts last only once cleaned ("2025年12月" < "2025-10" as text).
    const replace = { target: { ...append.target, mode: 'replace' } } as const
    prepared = await prepare(
      utf8('月份,观察点编号,产值（万元）\n2025-10,P01,1\n2025年12月,P02,2\n2025-11,P03,3\n'),
      'q4.csv',
      replace,
    )
    committed = await confirmUpload(session, prepared, true)
    expect(committed.ok && committed.value).toEqual({ name: 'point_indicators', rows: 3, latestPeriod: '2025-12' })
    expect(await actual()).toEqual({ rows: 3, latest: '2025-12' })
  })
  it('appends into the table itself when it may have changed since the preview', async () => {
    const append = {
      target: {
        kind: 'table',
        table: 'point_indicators',
        mapping: ['period', 'point_id', 'output_value'],
        mode: 'append',
      },
    } as const
    await load(utf8('period,point_id,output_value\n2025-01,P01,1\n'), 'jan.csv')
    const statements: { sql: string }[] = []
    const hooks = enableTestHooks()
    hooks.ingestTimings = statements as IngestTiming[]
    try {
      const prepared = await prepare(
        utf8('period,point_id,output_value\n2025-02,P01,3\n2025-02,P02,4\n'),
        'feb.csv',
        append,
      )
      expect((await confirmUpload(session, prepared, true)).ok).toBe(true)
    } finally {
      disableTestHooks()
    }
    expect(statements.some((s) => s.sql.startsWith('INSERT INTO "point_indicators"'))).toBe(true)
    expect(await indicators()).toHaveLength(3)
  })

  it('trims ids and reads missing markers in text columns, whichever row they are on', async () => {
    // Every key distinct: three points a month, from 1980 on.
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `${1980 + Math.floor(i / 36)}-${String((Math.floor(i / 3) % 12) + 1).padStart(2, '0')},P0${(i % 3) + 1},${i}`,
    )
    rows[1200] = '  2025年3月 ,  P02  ,1'
    rows[1300] = '2025-03,—,2'
    const { prepared } = await load(utf8(['period,point_id,output_value', ...rows].join('\n')), 'padded.csv')
    expect(prepared.report.issues).toEqual([
      expect.objectContaining({ line: 1302, column: 'point_id', problem: expect.stringContaining('必填') }),
    ])
    const [padded] = await query<{ period: string; point_id: string }>(
      engine,
      "SELECT period, point_id FROM point_indicators WHERE output_value = 1 AND period = '2025-03'",
    )
    expect(padded).toEqual({ period: '2025-03', point_id: 'P02' })
  })

  it('refuses a file missing a required column, naming it', async () => {
    const prepared = await prepare(utf8('月份,产值\n2025-03,1\n'), 'x.csv', {
      target: { kind: 'table', table: 'point_indicators', mapping: ['period', 'output_value'], mode: 'replace' },
    })
    const r = await confirmUpload(session, prepared, true)
    expect(r).toEqual({ ok: false, error: '缺少必填列：观察点编号（请在列对应中指定，或作为临时表导入）' })
  })
})

describe('ad-hoc tables', () => {
  it('makes hostile header names unique and legal, and leaves every other table intact', async () => {
    const counts = () =>
      query<{ n: number }>(
        engine,
        'SELECT (SELECT count(*) FROM observation_points) + (SELECT count(*) FROM clusters) AS n',
      )
    const before = await counts()
    const header = '"a""b",,x,X,"""; DROP TABLE observation_points; --",名称\u0000,  空格  ,x_2'
    const { prepared, committed } = await load(
      utf8(`${header}\n1,2,3,4,5,6,7,8\n9,10,11,12,13,14,15,16\n`),
      '"; DROP TABLE clusters.csv',
    )
    expect(committed.name).toBe('上传_DROP_TABLE_clusters')
    // x and X are the same name to DuckDB; x_2 is taken by the file itself, so X becomes X_3.
    expect(prepared.analysis.headers).toEqual([
      'a"b',
      '列2',
      'x',
      'X_3',
      '"; DROP TABLE observation_points; --',
      '名称',
      '空格',
      'x_2',
    ])
    const cols = await query<{ column_name: string; data_type: string }>(
      engine,
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '上传_DROP_TABLE_clusters' ORDER BY column_index`,
    )
    expect(new Set(cols.map((c) => c.column_name.toLowerCase())).size).toBe(8)
    expect(cols[0]).toEqual({ column_name: 'a"b', data_type: 'BIGINT' })
    expect(await counts()).toEqual(before)
    expect(await query(engine, 'SELECT sum("x") AS s FROM "上传_DROP_TABLE_clusters"')).toEqual([{ s: 14 }])
  })

  it('types ad-hoc columns from their values: codes with leading zeros stay text', async () => {
    const { committed } = await load(
      utf8('code,amount,month,when\n09001,"1,234.5",2025年3月,2025/3/4\n10002,7,2025年4月,2025/4/5\n'),
      'codes.csv',
    )
    const rows = await query(engine, `SELECT * FROM "${committed.name}" ORDER BY code`)
    expect(rows).toEqual([
      { code: '09001', amount: 1234.5, month: '2025-03', when: '2025-03-04' },
      { code: '10002', amount: 7, month: '2025-04', when: '2025-04-05' },
    ])
  })
})
