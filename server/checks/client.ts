/**
 * The server's side of the checker process (checks/process.ts): started on the first
 * publish and kept for the next ones (the engine and the loaded reference tables stay warm),
 * started again if it dies. One check at a time (the store's queue sees to that).
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { CheckOutcome } from './checker'
import type { CheckReply, ReferenceFile } from './protocol'

/** The checker's entry: the bundle's checker.mjs beside the server, or the source through tsx. */
function entry(): { module: string; execArgv: string[] } {
  const here = import.meta.url
  if (here.endsWith('.ts'))
    return { module: fileURLToPath(new URL('./process.ts', here)), execArgv: ['--import', 'tsx'] }
  return { module: fileURLToPath(new URL('./checker.mjs', here)), execArgv: [] }
}

export interface Checked {
  readonly sha256: string
  readonly outcome: CheckOutcome
}

/** Longer than any check of a table the body limit lets in. */
const TIMEOUT_MS = 15 * 60 * 1000

export class CheckerClient {
  private child: ChildProcess | null = null
  private nextId = 1
  private readonly pending = new Map<number, { resolve(o: Checked): void; reject(e: Error): void }>()

  /** The file's sha256, and how it fares as `table` against the reference files given. */
  check(table: string, file: string, references: Record<string, ReferenceFile>): Promise<Checked> {
    const child = this.start()
    const id = this.nextId++
    return new Promise<Checked>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`check of ${table} took longer than ${TIMEOUT_MS / 60_000} minutes`))
        this.stop()
      }, TIMEOUT_MS)
      this.pending.set(id, {
        resolve: (o) => (clearTimeout(timer), resolve(o)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      })
      child.send({ id, table, file, references })
    })
  }

  private start(): ChildProcess {
    if (this.child) return this.child
    const { module, execArgv } = entry()
    const child = fork(module, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    child.on('message', (reply: CheckReply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if ('outcome' in reply) waiting.resolve({ sha256: reply.sha256, outcome: reply.outcome })
      else waiting.reject(new Error(`checker: ${reply.error}`))
    })
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id)
        waiting.reject(new Error(`checker process ended (${signal ?? code}) during a check`))
      }
    })
    this.child = child
    return child
  }

  private stop() {
    this.child?.kill('SIGKILL')
    this.child = null
  }

  /** Ends the checker process (it also ends by itself when the server's process does). */
  async close(): Promise<void> {
    const child = this.child
    if (!child) return
    this.child = null
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.disconnect()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
}
