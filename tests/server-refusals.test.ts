import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { adhocBody, Bodies, csvLines, monthOfIndicators } from './support/published'
import { basic } from './support/server'
import { ARROW, AUTH, openApp, PUBLISHER, type TestApp } from './support/server-app'

// Real servers, each starting DuckDB for its checks: slow on a busy 2-core machine, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 })

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

interface Refusal {
  error: string
  problems: { row: number | null; column: string | null; kind: string; value: string | null; message: string }[]
  total: number
}

let bodies: Bodies
let t: TestApp
beforeAll(async () => {
  bodies = new Bodies()
  t = await openApp()
})
afterAll(async () => {
  await t.close()
  await bodies.close()
})

/** Publishes `body` and expects a 400 that leaves the data dir exactly as it was. */
async function refused(table: string, body: Uint8Array | string, headers: Record<string, string> = {}) {
  const before = t.snapshot()
  const res = await t.publish(table, body, headers)
  expect(res.statusCode, res.body).toBe(400)
  expect(t.snapshot()).toEqual(before)
  return res.json() as Refusal
}

describe('a body the upload page would refuse is refused, naming the problem, and nothing changes', () => {
  it('a body that is not Arrow at all', async () => {
    const csv = csvLines('point_indicators').join('\n')
    const refusal = await refused('point_indicators', csv, { 'content-type': ARROW })
    expect(refusal.error).toBe('文件损坏：不是有效的 Arrow 数据')
  })

  it('another table’s columns', async () => {
    const points = await bodies.embeddedWith('observation_points')
    const refusal = await refused('point_indicators', points)
    expect(refusal.error).toMatch(/^列与数据模型不一致：缺少列 period、output_value.*；多出列 name、cluster_id/)
  })

  it('a repeated key: row 15 is the same month and point as an earlier row', async () => {
    const lines = csvLines('point_indicators')
    // CSV line 16 is data row 15; it repeats line 2 (2023-01, P01) with other figures.
    const repeat = lines[1]!.replace(/,16930\.45,/, ',1.00,')
    const refusal = await refused('point_indicators', await bodies.embeddedWith('point_indicators', [], { 16: repeat }))
    expect(refusal.total).toBe(1)
    expect(refusal.problems).toEqual([
      {
        row: 15,
        column: 'period+point_id',
        kind: 'duplicate-key',
        value: '2023-01 / P01',
        message: expect.stringMatching(/^第 15 行「月份 \+ 观察点编号」主键重复/),
      },
    ])
  })

  it('a point that is not in the points table the screens are showing', async () => {
    const lines = [...monthOfIndicators('2026-11')]
    lines[4] = lines[4]!.replace('P05', 'P99')
    const refusal = await refused('point_indicators', await bodies.embeddedWith('point_indicators', lines))
    expect(refusal.problems).toEqual([
      expect.objectContaining({ row: 872 + 5, column: 'point_id', kind: 'unknown-key', value: 'P99' }),
    ])
    expect(refusal.problems[0]!.message).toBe('第 877 行「观察点编号」在观察点名单中找不到这个编号："P99"')
  })

  it('values out of range, outside the categories, required ones missing and a month not written YYYY-MM', async () => {
    const month = monthOfIndicators('2026-11')
    month[0] = month[0]!.replace(/,80\.5$/, ',150')
    month[1] = month[1]!.replace('2026-11', '2026年11月')
    const indicators = await refused('point_indicators', await bodies.embeddedWith('point_indicators', month))
    expect(indicators.problems.map((p) => [p.row, p.column, p.kind])).toEqual([
      [873, 'capacity_utilization', 'range'],
      [874, 'period', 'type'],
    ])
    expect(indicators.problems[0]!.message).toBe(
      '第 873 行「产能利用率（%）」超出允许范围（应不小于 0且不大于 100）："150.0"',
    )
    expect(indicators.problems[1]!.message).toMatch(/^第 874 行「月份」月份应写作 YYYY-MM/)

    const points = csvLines('observation_points')
    points[3] = points[3]!.replace('民营', '国营')
    points[5] = points[5]!.replace(/^P05,[^,]+,/, 'P05,,')
    const refusal = await refused('observation_points', await bodies.registry('observation_points', points))
    expect(refusal.problems.map((p) => [p.row, p.column, p.kind])).toEqual([
      [3, 'ownership', 'category'],
      [5, 'name', 'required'],
    ])
    expect(refusal.error).toMatch(/^数据未通过检查：共 2 处问题，第 3 行「企业性质」不是允许的取值/)
  })

  it('lists at most 100 problems and says how many there are', async () => {
    const lines = csvLines('point_indicators').map((l, i) => (i === 0 ? l : l.replace(/,(P\d\d),/, ',X$1,')))
    const refusal = await refused('point_indicators', await bodies.registry('point_indicators', lines))
    expect(refusal.total).toBe(872)
    expect(refusal.problems).toHaveLength(100)
    expect(refusal.problems[99]!.row).toBe(100)
  })

  it('a body cut short before the end of the stream', async () => {
    const body = await bodies.embeddedWith('point_indicators')
    const refusal = await refused('point_indicators', body.subarray(0, body.length - 100))
    expect(refusal.error).toMatch(/^文件(不完整|损坏)/)
  })
})

describe('references are checked against the reference tables as they are served now', () => {
  it('a new point is unknown until the points table that has it is published', async () => {
    const withP20 = await bodies.embeddedWith('point_indicators', [
      '2026-11,P20,1.00,1.00,1.00,1.00,1,0.00,1.00,1.00,50',
    ])
    const refusal = await refused('point_indicators', withP20)
    expect(refusal.problems[0]).toMatchObject({ column: 'point_id', kind: 'unknown-key', value: 'P20' })

    const points = await bodies.embeddedWith('observation_points', [
      'P20,新设观察点企业,equipment,hitech,,2026-11-01,,民营,false,100',
    ])
    expect((await t.publish('observation_points', points)).statusCode).toBe(200)
    const res = await t.publish('point_indicators', withP20)
    expect(res.statusCode, res.body).toBe(200)
    expect((await t.manifest()).version).toBe(2)
  })
})

describe('ad-hoc tables', () => {
  const body = adhocBody({ 镇区: ['城厢镇', '沙溪镇'], 项目数: [3, 5] })

  it('are published under a generated folder, never their own name', async () => {
    const res = await t.publish(encodeURIComponent('上传_月报 2026'), body)
    expect(res.statusCode, res.body).toBe(200)
    const entry = (await t.manifest()).tables['上传_月报 2026']!
    expect(entry).toMatchObject({ kind: 'adhoc', label: '上传_月报 2026', rows: 2, months: null, sha256: sha(body) })
    expect(entry.file).toMatch(/^tables\/adhoc-[0-9a-f]{20}\/[0-9a-f]{64}\.arrow$/)
    expect((await t.app.inject(`/data/${entry.file as string}`)).statusCode).toBe(200)
  })

  it('refuse repeated column names, and a name that differs from a published one only in case', async () => {
    const twice = adhocBody({ a: [1], A: [2] })
    const refusal = await refused(encodeURIComponent('上传_重复'), twice)
    expect(refusal.problems[0]).toMatchObject({ column: 'A', kind: 'columns' })
    expect(refusal.error).toBe('第 2 列「A」与前面的列重名（不区分大小写）')
    await t.publish('Sales', body)
    const clash = await refused('SALES', body)
    expect(clash.error).toMatch(/只差大小写/)
  })
})

describe('table names never reach the file system unchecked', () => {
  const names = [
    '..%2F..%2Fpublishers.json',
    '..%2F',
    'a%2Fb',
    'a%5Cb',
    '%E2%80%AEnosj.srehsilbup',
    'x%EF%BC%8Fy',
    'x%E2%88%95y',
    'e%CC%81',
    'a%00b',
    '%C0%AE%C0%AE',
    '__upload_stage',
    '.hidden',
  ]
  it.each(names)('POST api/publish/%s → 400, nothing written', async (name) => {
    const before = t.snapshot()
    const res = await t.publish(name, adhocBody({ a: [1] }))
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error).toMatch(/不合法/)
    expect(t.snapshot()).toEqual(before)
  })

  it('the same on the other routes, and data/ serves only the manifest and table files', async () => {
    expect((await t.app.inject('/api/history/..%2F..%2Fetc')).statusCode).toBe(400)
    expect((await t.app.inject('/data/tables/..%2F..%2Fpublishers.json/x')).statusCode).toBe(400)
    expect((await t.app.inject('/data/tables/point_indicators/..%2F..%2F..%2Fpublishers.json')).statusCode).toBe(400)
    expect((await t.app.inject('/data/tables/point_indicators/not-a-hash.arrow')).statusCode).toBe(400)
    for (const url of ['/data/publishers.json', '/data/audit.jsonl', '/publishers.json', '/data/', '/data/tables/'])
      expect((await t.app.inject(url)).statusCode, url).toBe(404)
  })
})

describe('authentication', () => {
  it('a wrong passphrase or an unknown name changes nothing', async () => {
    const before = t.snapshot()
    for (const authorization of [basic(PUBLISHER, 'wrong-one'), basic('王五', 'secret1')]) {
      const res = await t.publish('point_indicators', adhocBody({ a: [1] }), { authorization })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toEqual({ error: '用户名或口令不正确' })
    }
    const none = await t.app.inject({ method: 'POST', url: '/api/unpublish/point_indicators' })
    expect(none.statusCode).toBe(401)
    expect(t.snapshot()).toEqual(before)
  })

  it('too many failures from one address get 429 with Retry-After, even with the right passphrase', async () => {
    const limited = await openApp({ authMaxFailures: 3, authWindowSeconds: 600 })
    try {
      const wrong = { url: '/api/whoami', headers: { authorization: basic(PUBLISHER, 'guess-1') } }
      for (let i = 0; i < 3; i++) expect((await limited.app.inject(wrong)).statusCode).toBe(401)
      const blocked = await limited.app.inject({ url: '/api/whoami', headers: { authorization: AUTH } })
      expect(blocked.statusCode).toBe(429)
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500)
      expect(blocked.json().error).toMatch(/口令错误次数过多/)
      // Another address is not held up.
      const other = await limited.app.inject({
        url: '/api/whoami',
        headers: { authorization: AUTH },
        remoteAddress: '10.0.0.9',
      })
      expect(other.json()).toEqual({ name: PUBLISHER })
    } finally {
      await limited.close()
    }
  })

  it('a body over the limit is refused with 413 in Chinese', async () => {
    const small = await openApp({ bodyLimit: 64 * 1024 })
    try {
      const res = await small.publish('point_indicators', await bodies.embeddedWith('point_indicators'))
      expect(res.statusCode).toBe(413)
      expect(res.json().error).toMatch(/^数据过大/)
    } finally {
      await small.close()
    }
  })
})
