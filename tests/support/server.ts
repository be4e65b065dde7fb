/**
 * The real production server for tests, in a child process on 127.0.0.1 and a free port,
 * with a temporary data dir: `{ url, dataDir, close }`. It ends with the test process (it
 * is started with an IPC channel and exits when that closes; a normal exit also kills it)
 * and its temporary folders go with it.
 *
 * `built: true` runs the bundle of the last build (dist-server/server.mjs) on dist/, as
 * `npm start` does; otherwise server/main.ts runs from source through tsx, on a small
 * build-like folder made from data/ (no build needed: unit tests run before any build).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ArrowMaker } from '../../scripts/arrow-maker'
import { precompressDir } from '../../scripts/precompress'
import { addPublisher } from '../../server/publishers'
import { TABLES } from '../../src/datasets/registry'
import { onExit } from './cleanup'

// (Not __dirname: the benchmarks load this module as ES, outside Vitest.)
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface RunningServer {
  readonly url: string
  readonly dataDir: string
  readonly distDir: string
  readonly child: ChildProcess
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  /** Resolves with the first output line matching `pattern` (rejects if the server exits first). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Resolves when the process has exited (after a kill, say). */
  exited(): Promise<void>
  close(): Promise<void>
}

export interface ServerOptions {
  /** The build to serve; default: dist/ when `built`, else a fixture made from data/. */
  readonly distDir?: string
  /** Default: a new temporary folder, removed on close. */
  readonly dataDir?: string
  /** Publishers to add before start, name → passphrase. */
  readonly publishers?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly built?: boolean
}

/** A temporary folder removed when the test process exits (or by the returned function). */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  const forget = onExit(remove)
  return { dir, remove: () => (remove(), forget()) }
}

let fixture: Promise<string> | null = null

/**
 * A folder shaped like dist/ for the server: index.html, a script asset, every registry
 * table's embedded Arrow stream made from data/ as the build makes it, embedded-data.json,
 * and the .br/.gz copies the build writes. Made once per test process.
 */
export function fixtureDist(): Promise<string> {
  return (fixture ??= (async () => {
    const { dir } = tempDir('observatory-fixture-dist-')
    mkdirSync(path.join(dir, 'assets'))
    const index: Record<string, string> = {}
    const maker = new ArrowMaker()
    try {
      for (const table of TABLES) {
        const file = `assets/${table.name}-fixture.arrow`
        writeFileSync(
          path.join(dir, file),
          await maker.mustMake(table.name, readFileSync(path.join(ROOT, 'data', `${table.name}.csv`))),
        )
        index[table.name] = file
      }
    } finally {
      await maker.close()
    }
    writeFileSync(path.join(dir, 'embedded-data.json'), JSON.stringify(index))
    writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>观察点数据看板</title></head><body>${'<p>测试页面</p>'.repeat(100)}<script type="module" src="./assets/app-fixture.js"></script></body></html>`,
    )
    writeFileSync(path.join(dir, 'assets', 'app-fixture.js'), `console.log(${JSON.stringify('观察点'.repeat(2000))})\n`)
    await precompressDir(dir, { bigQuality: 5 })
    return dir
  })())
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const distDir =
    options.distDir ?? (options.built ? path.join(ROOT, process.env.E2E_DIST ?? 'dist') : await fixtureDist())
  const temp = options.dataDir ? null : tempDir('observatory-data-')
  const dataDir = options.dataDir ?? temp!.dir
  for (const [name, passphrase] of Object.entries(options.publishers ?? {}))
    await addPublisher(dataDir, name, passphrase)

  const args = options.built
    ? [path.join(ROOT, 'dist-server', 'server.mjs')]
    : ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      OBSERVATORY_DIST: distDir,
      OBSERVATORY_DATA_DIR: dataDir,
      OBSERVATORY_ARCHIVE_DIR: '',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const kill = () => child.kill('SIGKILL')
  const forget = onExit(kill)
  let output = ''
  const waiters = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    for (const w of waiters) w()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exit.then(() => {
    forget()
    for (const w of waiters) w()
  })

  const waitForOutput = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => done(new Error(`server did not print ${pattern} in ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      )
      const check = () => {
        const line = output.split('\n').find((l) => pattern.test(l))
        if (line !== undefined) done(null, line)
        else if (child.exitCode !== null || child.signalCode !== null)
          done(
            new Error(`server exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`),
          )
      }
      const done = (error: Error | null, line?: string) => {
        clearTimeout(timer)
        waiters.delete(check)
        if (error) reject(error)
        else resolve(line!)
      }
      waiters.add(check)
      check()
    })

  try {
    const line = await waitForOutput(/is running at http:\/\/127\.0\.0\.1:\d+\//)
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)![1]!
    return {
      url,
      dataDir,
      distDir,
      child,
      output: () => output,
      waitForOutput,
      exited: () => exit,
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM')
          const timer = setTimeout(kill, 5_000)
          await exit
          clearTimeout(timer)
        }
        temp?.remove()
      },
    }
  } catch (error) {
    kill()
    await exit
    temp?.remove()
    throw error
  }
}

/** The Authorization header of a publisher: Basic, UTF-8. */
export function basic(name: string, passphrase: string): string {
  return `Basic ${Buffer.from(`${name}:${passphrase}`, 'utf8').toString('base64')}`
}
