import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { rawRequest } from './support/http'
import { Bodies, monthOfIndicators } from './support/published'
import { basic, type RunningServer, startServer, tempDir } from './support/server'

// Real servers, each starting DuckDB for its checks: slow on a busy 2-core machine, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 })

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const AUTH = basic('张敏', 'secret1')

interface Manifest {
  version: number
  tables: Record<string, { file: string; sha256: string; replaces: string | null; version: number }>
}

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

function publish(server: RunningServer, body: Uint8Array, base: string) {
  return rawRequest(server.url, '/api/publish/point_indicators', {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/vnd.apache.arrow.stream', 'if-match': base },
    body,
  })
}

const manifestOf = async (server: RunningServer) =>
  (await rawRequest(server.url, '/data/manifest.json')).json<Manifest>()

/** Every file the manifest names is served whole; returns the names. */
async function namedFilesIntact(server: RunningServer): Promise<string[]> {
  const manifest = await manifestOf(server)
  for (const entry of Object.values(manifest.tables)) {
    const res = await rawRequest(server.url, `/data/${entry.file}`)
    expect(res.status, entry.file).toBe(200)
    expect(sha(res.body)).toBe(entry.sha256)
  }
  return Object.values(manifest.tables).map((e) => e.file)
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.replaceAll(path.sep, '/')).sort()
}

/** A data dir where November was published (version 1), by a server that has stopped. */
async function publishedNovember(dataDir: string) {
  const server = await startServer({ dataDir, publishers: { 张敏: 'secret1' } })
  try {
    expect((await publish(server, november, 'none')).status).toBe(200)
  } finally {
    await server.close()
  }
}

describe.each(['table', 'manifest'] as const)(
  'the server killed (SIGKILL) in the middle of a publish, after the %s temp write',
  (stage) => {
    const data = tempDir(`observatory-crash-${stage}-`)
    afterAll(() => data.remove())

    it('serves the previous version on restart, names no partial file, and takes the publish again', async () => {
      await publishedNovember(data.dir)
      const paused = await startServer({ dataDir: data.dir, env: { OBSERVATORY_TEST_PAUSE_AFTER_TEMP_WRITE: stage } })
      const request = publish(paused, december, sha(november)).catch((e: Error) => e)
      const marker = await paused.waitForOutput(/^OBSERVATORY_TEST_PAUSED /)
      const temp = marker.split(' ')[2]!
      expect(marker).toContain(`PAUSED ${stage} `)
      expect(existsSync(temp)).toBe(true)
      paused.child.kill('SIGKILL')
      await paused.exited()
      expect(await request).toBeInstanceOf(Error)
      // On disk the manifest is still November's, whole.
      const onDisk = JSON.parse(readFileSync(path.join(data.dir, 'manifest.json'), 'utf8')) as Manifest
      expect(onDisk.tables.point_indicators!.sha256).toBe(sha(november))

      const restarted = await startServer({ dataDir: data.dir, publishers: { 张敏: 'secret1' } })
      try {
        const manifest = await manifestOf(restarted)
        expect(manifest.version).toBe(1)
        expect(manifest.tables.point_indicators!.sha256).toBe(sha(november))
        expect(await namedFilesIntact(restarted)).toEqual([`tables/point_indicators/${sha(november)}.arrow`])
        expect(existsSync(temp)).toBe(false)
        expect(filesUnder(data.dir).filter((f) => f.includes('.tmp-'))).toEqual([])
        // December's publish never landed: the audit log knows nothing of it.
        const audit = readFileSync(path.join(data.dir, 'audit.jsonl'), 'utf8').trim().split('\n')
        expect(audit).toHaveLength(1)

        const again = await publish(restarted, december, sha(november))
        expect(again.status, again.body.toString()).toBe(200)
        expect((await manifestOf(restarted)).tables.point_indicators!.sha256).toBe(sha(december))
      } finally {
        await restarted.close()
      }
    })
  },
)

describe('a damaged table file found at start-up', () => {
  const data = tempDir('observatory-damaged-')
  afterAll(() => data.remove())

  it('is not served: the previous good version is, the log says why, and the audit log records it', async () => {
    await publishedNovember(data.dir)
    let server = await startServer({ dataDir: data.dir, publishers: { 张敏: 'secret1' } })
    expect((await publish(server, december, sha(november))).status).toBe(200)
    await server.close()

    // A few bytes in the middle of December's file flipped; and a crash cut the audit log's last line.
    const decemberFile = path.join(data.dir, 'tables', 'point_indicators', `${sha(december)}.arrow`)
    const bytes = readFileSync(decemberFile)
    bytes.fill(0x55, 5000, 5016)
    writeFileSync(decemberFile, bytes)
    appendFileSync(path.join(data.dir, 'audit.jsonl'), '{"at":"2026-12-0')

    server = await startServer({ dataDir: data.dir })
    try {
      expect(server.output()).toMatch(new RegExp(`point_indicators: version ${sha(december)} is damaged \\(sha256 is`))
      expect(server.output()).toMatch(/audit\.jsonl: removed a last line cut short/)
      const manifest = await manifestOf(server)
      expect(manifest.version).toBe(3)
      expect(manifest.tables.point_indicators).toMatchObject({
        sha256: sha(november),
        replaces: sha(december),
        version: 3,
      })
      await namedFilesIntact(server)
      expect((await rawRequest(server.url, `/data/tables/point_indicators/${sha(december)}.arrow`)).status).toBe(404)
      const history = (await rawRequest(server.url, '/api/history/point_indicators')).json<{
        events: { action: string; from: string; to: string; reason: string }[]
      }>()
      expect(history.events[0]).toMatchObject({ action: 'recover', from: sha(december), to: sha(november) })
      expect(history.events[0]!.reason).toMatch(/已损坏/)
    } finally {
      await server.close()
    }

    // November's file damaged too: nothing good is left, so the screens get the embedded sample.
    const novemberFile = path.join(data.dir, 'tables', 'point_indicators', `${sha(november)}.arrow`)
    writeFileSync(novemberFile, readFileSync(novemberFile).subarray(0, 1000))
    server = await startServer({ dataDir: data.dir })
    try {
      const manifest = await manifestOf(server)
      expect(manifest.version).toBe(4)
      expect(manifest.tables).toEqual({})
      expect(server.output()).toMatch(/no intact earlier version; back to the embedded sample/)
    } finally {
      await server.close()
    }
  })
})
