// The production server under a meeting-room load, on this machine: 200 screens poll the
// manifest every 5 s (each with its own ETag, as the app does: mostly 304s), while an
// analyst publishes a 1,000,000-row point_indicators table (after the 21,740 points it
// references). Reports the polls' latency before, during and after the publish (target p99
// ≤ 20 ms), errors (target 0), how long the publish took and how soon every screen saw it;
// then, with autocannon, the engine download's throughput (brotli and uncompressed) and how
// many 304 polls a second the server answers. Bounded: about two minutes plus data making.
import { spawn } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import path from 'node:path'

import autocannon from 'autocannon'

import { ArrowMaker } from '../scripts/arrow-maker'
import { basic, startServer, tempDir } from '../tests/support/server'
import { bigIndicatorFiles } from './lib/big-data'
import { round } from './lib/stats'

const SCREENS = 200
const POLL_MS = 5_000
const BEFORE_PUBLISH_MS = 12_000
const AFTER_PUBLISH_MS = 12_000
const LIMIT_MS = 180_000
const PUBLISHER = { name: '基准测试', passphrase: 'bench-passphrase' }

interface Poll {
  readonly at: number
  readonly ms: number
  readonly status: number
  readonly version: number | null
}

function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN)
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted.at(-1) ?? NaN) }
}

/** One screen: its own keep-alive connection and ETag, a poll every 5 s from its start. */
class Screen {
  private etag: string | null = null
  private version = 0
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 })
  constructor(
    private readonly base: URL,
    private readonly polls: Poll[],
    private readonly errors: string[],
  ) {}

  poll(): Promise<void> {
    const started = performance.now()
    return new Promise<void>((resolve) => {
      const req = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path: '/data/manifest.json',
          agent: this.agent,
          headers: this.etag ? { 'if-none-match': this.etag } : {},
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const ms = performance.now() - started
            if (res.statusCode === 200) {
              this.etag = String(res.headers.etag)
              this.version = (JSON.parse(Buffer.concat(chunks).toString()) as { version: number }).version
            } else if (res.statusCode !== 304) this.errors.push(`HTTP ${res.statusCode}`)
            this.polls.push({ at: started, ms, status: res.statusCode ?? 0, version: this.version })
            resolve()
          })
        },
      )
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', (e) => {
        this.errors.push(e.message)
        resolve()
      })
      req.end()
    })
  }

  close() {
    this.agent.destroy()
  }
}

async function throughput(url: string, encoding: string) {
  const result = await autocannon({ url, connections: 4, duration: 8, headers: { 'accept-encoding': encoding } })
  return {
    acceptEncoding: encoding,
    requestsPerSecond: round(result.requests.average),
    megabytesPerSecond: round(result.throughput.average / 1e6),
    latencyP50Ms: result.latency.p50,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}

/**
 * Publishes from a process of its own, as an analyst's browser would: the upload's work then
 * does not slow down this process, which times the screens' polls.
 */
async function publishFrom(url: string, table: string, file: string) {
  const script = `
    const [url, table, file, authorization] = process.argv.slice(1)
    const body = new Blob([await (await import('node:fs/promises')).readFile(file)])
    const t0 = performance.now()
    const res = await fetch(new URL('api/publish/' + table, url), { method: 'POST', body, headers: {
      authorization, 'content-type': 'application/vnd.apache.arrow.stream', 'if-match': 'none' } })
    console.log(JSON.stringify({ status: res.status, ms: performance.now() - t0, reply: await res.json() }))`
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, url, table, file, basic(PUBLISHER.name, PUBLISHER.passphrase)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  await new Promise((resolve) => child.once('exit', resolve))
  const { status, ms, reply } = JSON.parse(out) as {
    status: number
    ms: number
    reply: { version: number; rows: number; error?: string }
  }
  if (status !== 200) throw new Error(`publish ${table}: ${status} ${reply.error}`)
  return { ms: round(ms), version: reply.version, rows: reply.rows, bytes: statSync(file).size }
}

export async function serve(): Promise<object> {
  const started = performance.now()
  const files = tempDir('observatory-bench-serve-')
  console.log('serve: making the 1,000,000-row table and its points as Arrow streams…')
  const data = bigIndicatorFiles(1_000_000)
  const maker = new ArrowMaker()
  // Written out before the screens start: writing 150 MB here later would stall the polls' timing.
  const points = path.join(files.dir, 'observation_points.arrow')
  const indicators = path.join(files.dir, 'point_indicators.arrow')
  try {
    writeFileSync(points, await maker.mustMake('observation_points', data.points))
    writeFileSync(indicators, await maker.mustMake('point_indicators', data.indicators))
  } finally {
    await maker.close()
  }
  const server = await startServer({
    built: true,
    distDir: path.resolve('dist'),
    publishers: { [PUBLISHER.name]: PUBLISHER.passphrase },
  })
  const polls: Poll[] = []
  const errors: string[] = []
  const screens: Screen[] = []
  try {
    const publish = (table: string, file: string) => publishFrom(server.url, table, file)
    console.log(`serve: publishing ${data.pointCount} points…`)
    const pointsPublish = await publish('observation_points', points)

    const base = new URL(server.url)
    for (let i = 0; i < SCREENS; i++) screens.push(new Screen(base, polls, errors))
    let running = true
    const loops = screens.map(async (screen, i) => {
      // Screens are switched on at different moments: their polls spread over the interval.
      await new Promise((r) => setTimeout(r, (i * POLL_MS) / SCREENS))
      for (let next = performance.now(); running && performance.now() - started < LIMIT_MS;) {
        await screen.poll()
        next += POLL_MS
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
      }
    })
    await new Promise((r) => setTimeout(r, BEFORE_PUBLISH_MS))
    console.log(`serve: ${SCREENS} screens polling; publishing ${data.rows} rows of point_indicators…`)
    const publishStart = performance.now()
    const indicatorsPublish = await publish('point_indicators', indicators)
    const publishEnd = performance.now()
    await new Promise((r) => setTimeout(r, AFTER_PUBLISH_MS))
    running = false
    await Promise.all(loops)

    // When each screen first saw the new version.
    const firstSeen = polls
      .filter((p) => p.version === indicatorsPublish.version && p.status === 200)
      .map((p) => p.at + p.ms - publishEnd)
    const phase = (from: number, to: number) =>
      percentiles(polls.filter((p) => p.at >= from && p.at < to).map((p) => p.ms))
    const statuses: Record<string, number> = {}
    for (const p of polls) statuses[p.status] = (statuses[p.status] ?? 0) + 1

    const wasm = readdirSync('dist/assets').find((f) => /^duckdb-eh-.*\.wasm$/.test(f))!
    const wasmUrl = new URL(`assets/${wasm}`, server.url).href
    console.log('serve: engine download throughput (autocannon, 4 connections, 8 s each)…')
    const assets = [await throughput(wasmUrl, 'br'), await throughput(wasmUrl, 'identity')]
    const etag = (await fetch(new URL('data/manifest.json', server.url))).headers.get('etag')!
    const capacity = await autocannon({
      url: new URL('data/manifest.json', server.url).href,
      connections: 50,
      duration: 8,
      headers: { 'if-none-match': etag },
    })

    const result = {
      screens: SCREENS,
      pollIntervalMs: POLL_MS,
      manifestPoll: {
        all: percentiles(polls.map((p) => p.ms)),
        beforePublish: phase(0, publishStart),
        duringPublish: phase(publishStart, publishEnd),
        afterPublish: phase(publishEnd, Infinity),
        statuses,
        errors: errors.length,
        errorSamples: [...new Set(errors)].slice(0, 5),
      },
      publish: { pointsPublish, indicatorsPublish },
      screensThatSawTheNewVersion: firstSeen.length,
      allScreensSawItWithinMs: firstSeen.length ? round(Math.max(...firstSeen)) : null,
      engineDownload: { file: wasm, ...Object.fromEntries(assets.map((a) => [a.acceptEncoding, a])) },
      manifest304Capacity: {
        connections: 50,
        requestsPerSecond: round(capacity.requests.average),
        latencyP99Ms: capacity.latency.p99,
        errors: capacity.errors + capacity.timeouts,
      },
    }
    const m = result.manifestPoll
    console.log(
      [
        `manifest polls: ${m.all.n}, p50 ${m.all.p50} ms, p99 ${m.all.p99} ms (during the publish p99 ${m.duringPublish.p99} ms, max ${m.duringPublish.max} ms), errors ${m.errors}`,
        `publish of ${indicatorsPublish.rows} rows (${round(indicatorsPublish.bytes / 1e6)} MB): ${indicatorsPublish.ms} ms; ${firstSeen.length}/${SCREENS} screens saw it within ${result.allScreensSawItWithinMs} ms`,
        `engine download: br ${assets[0]!.megabytesPerSecond} MB/s (${assets[0]!.requestsPerSecond} req/s), identity ${assets[1]!.megabytesPerSecond} MB/s`,
        `304 polls answered: ${result.manifest304Capacity.requestsPerSecond}/s at 50 connections`,
      ].join('\n'),
    )
    return result
  } finally {
    for (const s of screens) s.close()
    await server.close()
    files.remove()
  }
}
