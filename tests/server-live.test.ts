import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { CSP_DIRECTIVES } from '../server/csp'
import { rawRequest } from './support/http'
import { Bodies, monthOfIndicators } from './support/published'
import { basic, type RunningServer, startServer } from './support/server'

// Real servers, each starting DuckDB for its checks: slow on a busy 2-core machine, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 })

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const AUTH = basic('张敏', 'secret1')
const ARROW = 'application/vnd.apache.arrow.stream'

let server: RunningServer
let bodies: Bodies
beforeAll(async () => {
  bodies = new Bodies()
  server = await startServer({ publishers: { 张敏: 'secret1' } })
})
afterAll(async () => {
  await server?.close()
  await bodies.close()
})

const get = (rawPath: string, headers: Record<string, string> = {}) => rawRequest(server.url, rawPath, { headers })

describe('the build, as browsers get it from the listening server', () => {
  it('sends the precompressed copy the browser accepts, says so, and varies on Accept-Encoding', async () => {
    const original = readFileSync(path.join(server.distDir, 'assets', 'app-fixture.js'))
    const br = await get('/assets/app-fixture.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.body.length).toBeLessThan(original.length / 10)
    expect(brotliDecompressSync(br.body)).toEqual(original)

    const gz = await get('/assets/app-fixture.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body)).toEqual(original)

    const plain = await get('/assets/app-fixture.js', { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/accept-encoding/i)
    expect(plain.body).toEqual(original)
  })

  it('lets browsers keep hashed assets for a year and revalidate index.html on every visit', async () => {
    const asset = await get('/assets/app-fixture.js')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const index = await get('/', { 'accept-encoding': 'br' })
    expect(index.status).toBe(200)
    expect(index.headers['cache-control']).toBe('no-cache')
    expect(index.headers['content-type']).toMatch(/^text\/html/)
    expect(brotliDecompressSync(index.body).toString()).toContain('观察点数据看板')
  })

  it('sends the CSP of the build and the other security headers with every response, errors included', async () => {
    for (const p of ['/', '/data/manifest.json', '/no-such-file']) {
      const res = await get(p)
      const csp = String(res.headers['content-security-policy'])
      for (const [name, values] of Object.entries(CSP_DIRECTIVES)) expect(csp).toContain(`${name} ${values.join(' ')}`)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('same-origin')
    }
    const missing = await get('/no-such-file')
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ error: '未找到' })
  })

  it('lists no directory and never serves the data dir’s private files, however the path is written', async () => {
    for (const p of ['/assets/', '/assets', '/data/', '/data/tables/', '/data/publishers.json', '/data/audit.jsonl'])
      expect((await get(p)).status, p).toBe(404)
    for (const p of [
      '/data/..%2Fpublishers.json',
      '/data/tables/..%2F..%2Fpublishers.json',
      '/data/tables/../../publishers.json',
      '/../publishers.json',
      '/assets/..%2F..%2Findex.html',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/data/tables/x/%2e%2e%2f%2e%2e%2fpublishers.json',
      '/api/publish/%2e%2e',
    ]) {
      const res = await get(p)
      expect(res.status, p).toBe(400)
      expect(res.body.toString()).not.toContain('scrypt')
    }
  })

  it('answers a manifest poll with 304 while nothing changes, and with the new version once it does', async () => {
    const first = await get('/data/manifest.json')
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const same = await get('/data/manifest.json', { 'if-none-match': etag })
    expect(same.status).toBe(304)
    expect(same.body.length).toBe(0)

    const body = await bodies.embeddedWith('point_indicators', monthOfIndicators('2026-11'))
    const published = await rawRequest(server.url, '/api/publish/point_indicators', {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': ARROW, 'if-match': 'none' },
      body,
    })
    expect(published.status, published.body.toString()).toBe(200)
    const changed = await get('/data/manifest.json', { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.json<{ tables: Record<string, { sha256: string }> }>().tables.point_indicators!.sha256).toBe(
      sha(body),
    )
  })
})

describe('concurrent writes', () => {
  it('two publishes at once both land, one after the other, and no read of the manifest is ever torn', async () => {
    const base = (await get('/data/manifest.json')).json<{ version: number }>().version
    const manifestFile = path.join(server.dataDir, 'manifest.json')
    let reading = true
    const seen: { version: number; tables: Record<string, { file: string; sha256: string }> }[] = []
    let diskReads = 0
    const reader = (async () => {
      while (reading) {
        const res = await get('/data/manifest.json')
        seen.push(res.json())
        // The file on disk is whole at every moment too.
        JSON.parse(readFileSync(manifestFile, 'utf8'))
        diskReads++
      }
    })()
    const progress = await bodies.embeddedWith('project_progress')
    const livelihood = await bodies.embeddedWith('livelihood_progress')
    const publish = (table: string, body: Uint8Array) =>
      rawRequest(server.url, `/api/publish/${table}`, {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': ARROW, 'if-match': 'none' },
        body,
      })
    const [a, b] = await Promise.all([
      publish('project_progress', progress),
      publish('livelihood_progress', livelihood),
    ])
    reading = false
    await reader
    expect([a.status, b.status]).toEqual([200, 200])
    const versions = [a.json<{ version: number }>().version, b.json<{ version: number }>().version].sort()
    expect(versions).toEqual([base + 1, base + 2])

    const final = (await get('/data/manifest.json')).json<(typeof seen)[number]>()
    expect(final.version).toBe(base + 2)
    expect(final.tables.project_progress!.sha256).toBe(sha(progress))
    expect(final.tables.livelihood_progress!.sha256).toBe(sha(livelihood))
    expect(diskReads).toBeGreaterThan(0)
    // Versions only go up, and every file a manifest ever named is there, whole.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.version).toBeGreaterThanOrEqual(seen[i - 1]!.version)
    const named = new Map(seen.flatMap((m) => Object.values(m.tables).map((e) => [e.file, e.sha256] as const)))
    for (const [file, hash] of named) expect(sha((await get(`/data/${file}`)).body)).toBe(hash)
  })

  it('two publishes of the same table from the same base: one lands, the other is told it is stale', async () => {
    const current = (await get('/data/manifest.json')).json<{ tables: Record<string, { sha256: string }> }>()
    const base = current.tables.point_indicators!.sha256
    const month = (m: string) =>
      bodies.embeddedWith('point_indicators', [...monthOfIndicators('2026-11'), ...monthOfIndicators(m)])
    const send = (body: Uint8Array) =>
      rawRequest(server.url, '/api/publish/point_indicators', {
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': ARROW, 'if-match': base },
        body,
      })
    const results = await Promise.all([send(await month('2026-12')), send(await month('2027-01'))])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const loser = results.find((r) => r.status === 409)!
    const winner = results.find((r) => r.status === 200)!
    expect(loser.json<{ current: string }>().current).toBe(winner.json<{ sha256: string }>().sha256)
  })

  it('an upload cut off half-way leaves nothing behind and changes nothing', async () => {
    const before = (await get('/data/manifest.json')).json<{ version: number }>().version
    const body = await bodies.embeddedWith('point_indicators', monthOfIndicators('2027-02'))
    await new Promise<void>((resolve) => {
      const url = new URL(server.url)
      const req = request({
        host: url.hostname,
        port: url.port,
        path: '/api/publish/point_indicators',
        method: 'POST',
        headers: { authorization: AUTH, 'content-type': ARROW, 'if-match': 'none', 'content-length': body.length },
      })
      req.on('error', () => resolve())
      req.write(Buffer.from(body.subarray(0, body.length >> 1)), () =>
        setTimeout(() => (req.destroy(), resolve()), 300),
      )
    })
    const uploads = () => readdirSync(path.join(server.dataDir, 'tables')).filter((f) => f.startsWith('.upload'))
    for (let i = 0; i < 50 && uploads().length; i++) await new Promise((r) => setTimeout(r, 100))
    expect(uploads()).toEqual([])
    expect((await get('/data/manifest.json')).json<{ version: number }>().version).toBe(before)
  })
})
