import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { Bodies, monthOfIndicators } from './support/published'
import { basic } from './support/server'
import { ARROW, AUTH, openApp, PUBLISHER, type TestApp } from './support/server-app'

// Real servers, each starting DuckDB for its checks: slow on a busy 2-core machine, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 })

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const sources = (names: string[]) => encodeURIComponent(JSON.stringify(names))

let bodies: Bodies
let november: Uint8Array
let december: Uint8Array

beforeAll(async () => {
  bodies = new Bodies()
  november = await bodies.embeddedWith('point_indicators', monthOfIndicators('2026-11'))
  december = await bodies.embeddedWith('point_indicators', [
    ...monthOfIndicators('2026-11'),
    ...monthOfIndicators('2026-12'),
  ])
})
afterAll(() => bodies.close())

describe('publish, history, rollback, unpublish', () => {
  let t: TestApp
  beforeAll(async () => (t = await openApp()))
  afterAll(() => t.close())

  it('serves an empty manifest before anything is published, with an ETag that answers 304', async () => {
    const first = await t.app.inject('/data/manifest.json')
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ version: 0, tables: {} })
    expect(first.headers['cache-control']).toBe('no-cache')
    const again = await t.app.inject({ url: '/data/manifest.json', headers: { 'if-none-match': first.headers.etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('publishes a new month: the manifest names the file, its rows, months and publisher; the file is served', async () => {
    const res = await t.publish('point_indicators', november, {
      'x-observatory-sources': sources(['2026年11月观察点指标.csv']),
    })
    expect(res.statusCode, res.body).toBe(200)
    const rows = 872 + 19
    expect(res.json()).toEqual({
      version: 1,
      table: 'point_indicators',
      sha256: sha(november),
      rows,
      months: { from: '2023-01', to: '2026-11', count: 47 },
    })
    const manifest = await t.manifest()
    expect(manifest.version).toBe(1)
    const entry = manifest.tables.point_indicators!
    expect(entry).toMatchObject({
      table: 'point_indicators',
      kind: 'registry',
      label: '观察点月度指标',
      file: `tables/point_indicators/${sha(november)}.arrow`,
      sha256: sha(november),
      bytes: november.length,
      rows,
      months: { from: '2023-01', to: '2026-11', count: 47 },
      publisher: PUBLISHER,
      sources: ['2026年11月观察点指标.csv'],
      replaces: null,
      version: 1,
    })
    const file = await t.app.inject(`/data/${entry.file as string}`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(sha(file.rawPayload)).toBe(sha(november))
    expect(readFileSync(path.join(t.dataDir, entry.file as string))).toEqual(Buffer.from(november))
  })

  it('refuses a publish based on an old version (409 with the current one), and one with no If-Match (428)', async () => {
    const stale = await t.publish('point_indicators', december, { 'if-match': 'none' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ current: sha(november) })
    expect(stale.json().error).toMatch(/已被更新/)
    const other = await t.publish('point_indicators', december, { 'if-match': 'a'.repeat(64) })
    expect(other.statusCode).toBe(409)
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/publish/point_indicators',
      headers: { authorization: AUTH, 'content-type': ARROW },
      payload: Buffer.from(december),
    })
    expect(missing.statusCode).toBe(428)
    expect((await t.manifest()).version).toBe(1)
  })

  it('publishes on top of the current version; history lists both, newest first, and the audit log has a line each', async () => {
    const res = await t.publish('point_indicators', december, { 'if-match': sha(november) })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 2, months: { to: '2026-12', count: 48 }, rows: 872 + 38 })
    expect((await t.manifest()).tables.point_indicators).toMatchObject({ replaces: sha(november), version: 2 })

    const history = (await t.app.inject('/api/history/point_indicators')).json()
    expect(history.current).toBe(sha(december))
    expect(history.versions.map((v: { sha256: string }) => v.sha256)).toEqual([sha(december), sha(november)])
    expect(history.versions[0]).toMatchObject({ action: 'publish', publisher: PUBLISHER, rows: 910, available: true })
    expect(history.events).toHaveLength(2)
    expect(history.events[0]).not.toHaveProperty('client')

    const audit = readFileSync(path.join(t.dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(audit).toHaveLength(2)
    expect(audit[1]).toMatchObject({
      action: 'publish',
      table: 'point_indicators',
      who: PUBLISHER,
      from: sha(november),
      to: sha(december),
      rows: 910,
      version: 2,
      client: '127.0.0.1',
    })
    expect(Date.parse(audit[1].at)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('rolls back to the earlier version: the manifest serves it again and history says who rolled back', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rollback/point_indicators',
      headers: { authorization: AUTH },
      payload: { to: sha(november) },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 3, sha256: sha(november), months: { to: '2026-11' } })
    const manifest = await t.manifest()
    expect(manifest.tables.point_indicators).toMatchObject({
      sha256: sha(november),
      replaces: sha(december),
      version: 3,
      publisher: PUBLISHER,
    })
    const history = (await t.app.inject('/api/history/point_indicators')).json()
    expect(history.versions[0]).toMatchObject({ action: 'rollback', sha256: sha(november) })
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/rollback/point_indicators',
      headers: { authorization: AUTH },
      payload: { to: 'b'.repeat(64) },
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('unpublishes: the table leaves the manifest (back to the embedded sample) and the version goes up', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/unpublish/point_indicators',
      headers: { authorization: AUTH },
    })
    expect(res.statusCode, res.body).toBe(200)
    const manifest = await t.manifest()
    expect(manifest.version).toBe(4)
    expect(manifest.tables).toEqual({})
    const history = (await t.app.inject('/api/history/point_indicators')).json()
    expect(history.current).toBeNull()
    expect(history.events[0]).toMatchObject({ action: 'unpublish', from: sha(november), to: null })
  })

  it('tells a publisher who they are, and refuses a wrong passphrase with 401 and a challenge', async () => {
    const me = await t.app.inject({ url: '/api/whoami', headers: { authorization: AUTH } })
    expect(me.json()).toEqual({ name: PUBLISHER })
    const wrong = await t.app.inject({ url: '/api/whoami', headers: { authorization: basic(PUBLISHER, 'nope!!') } })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toEqual({ error: '用户名或口令不正确' })
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic /)
  })
})
