import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it, vi } from 'vitest'

import { archiveAssets } from '../scripts/archive-assets.mjs'
import { verifyPublisher } from '../server/publishers'
import { rawRequest } from './support/http'
import { basic, fixtureDist, ROOT, startServer, tempDir } from './support/server'

// Real servers, each starting DuckDB for its checks: slow on a busy 2-core machine, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 })

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function publisherCli(dataDir: string, args: string[], input?: string) {
  const run = spawnSync(npm, ['run', '--silent', 'publisher', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, OBSERVATORY_DATA_DIR: dataDir },
  })
  return { status: run.status, out: run.stdout, err: run.stderr }
}

describe('npm run publisher', () => {
  const data = tempDir('observatory-publishers-')
  afterAll(() => data.remove())

  it('adds a publisher from a piped passphrase, stores only a salted scrypt hash, lists and removes', async () => {
    const added = publisherCli(data.dir, ['add', '张敏'], 'secret\n')
    expect(added.err).toBe('')
    expect(added.status).toBe(0)
    expect(added.out).toContain('已添加发布人 张敏')
    const file = path.join(data.dir, 'publishers.json')
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('secret')
    expect(JSON.parse(text).publishers[0]).toMatchObject({ name: '张敏', scrypt: { N: 32768, r: 8, p: 1 } })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(await verifyPublisher(data.dir, '张敏', 'secret')).toBe('张敏')
    expect(await verifyPublisher(data.dir, '张敏', 'Secret')).toBeNull()

    expect(publisherCli(data.dir, ['add', '李四'], 'secret-2\r\n').status).toBe(0)
    expect(await verifyPublisher(data.dir, '李四', 'secret-2')).toBe('李四')
    expect(publisherCli(data.dir, ['list']).out).toMatch(/^张敏\t.*\n李四\t/)

    const short = publisherCli(data.dir, ['add', '王五'], 'abc\n')
    expect(short.status).toBe(1)
    expect(short.err).toContain('口令太短')

    expect(publisherCli(data.dir, ['remove', '张敏']).status).toBe(0)
    expect(await verifyPublisher(data.dir, '张敏', 'secret')).toBeNull()
    expect(publisherCli(data.dir, ['remove', '张敏']).err).toContain('没有名为 张敏 的发布人')
    expect(publisherCli(data.dir, ['frob']).status).toBe(2)
  })

  it('a publisher added while the server runs can publish at once, with a Chinese name over Basic auth', async () => {
    const server = await startServer({ dataDir: data.dir })
    try {
      const whoami = () =>
        rawRequest(server.url, '/api/whoami', { headers: { authorization: basic('赵六', 'pass-word') } })
      expect((await whoami()).status).toBe(401)
      expect(publisherCli(data.dir, ['add', '赵六'], 'pass-word\n').status).toBe(0)
      expect((await whoami()).json()).toEqual({ name: '赵六' })
    } finally {
      await server.close()
    }
  })
})

describe('assets of earlier builds', () => {
  const archive = tempDir('observatory-archive-')
  const dist = tempDir('observatory-old-dist-')
  afterAll(() => (archive.remove(), dist.remove()))

  it('move to the archive before a build, are served from there with the same caching, and go after N days', async () => {
    mkdirSync(path.join(dist.dir, 'assets'))
    writeFileSync(path.join(dist.dir, 'assets', 'OldPage-a1b2c3.js'), 'export const old = 1\n')
    mkdirSync(path.join(archive.dir, 'assets'))
    const stale = path.join(archive.dir, 'assets', 'Older-zzz.js')
    writeFileSync(stale, 'x')
    const longAgo = new Date(Date.now() - 20 * 24 * 3600 * 1000)
    utimesSync(stale, longAgo, longAgo)

    expect(archiveAssets(dist.dir, archive.dir, 14)).toEqual({ moved: 1, pruned: 1 })
    expect(existsSync(path.join(dist.dir, 'assets', 'OldPage-a1b2c3.js'))).toBe(false)

    const server = await startServer({ distDir: await fixtureDist(), env: { OBSERVATORY_ARCHIVE_DIR: archive.dir } })
    try {
      const old = await rawRequest(server.url, '/assets/OldPage-a1b2c3.js')
      expect(old.status).toBe(200)
      expect(old.body.toString()).toBe('export const old = 1\n')
      expect(old.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect((await rawRequest(server.url, '/assets/app-fixture.js')).status).toBe(200)
      expect((await rawRequest(server.url, '/assets/Older-zzz.js')).status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
