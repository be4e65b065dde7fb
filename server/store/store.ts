/**
 * The published data on disk: the current manifest (kept in memory, served from there),
 * the content-addressed table files and the audit log. Every change goes through `queue`,
 * one at a time, and reaches the disk before the caller hears it landed.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import path from 'node:path'

import type { TestPause } from '../config'
import { type AuditEvent, auditLine } from './audit'
import { appendLineDurably, removeTempFiles, replaceFile, syncDir } from './durable'
import { fileDamage } from './hash'
import { type Manifest, type ManifestEntry, tableFile, withChange } from './manifest'
import { SerialQueue } from './queue'
import { recoverAtStartup, type StoreLog } from './recover'

export const MANIFEST = 'manifest.json'
export const AUDIT = 'audit.jsonl'
export const TABLES_DIR = 'tables'

/** One change to make: which table, the entry that becomes current (null: back to embedded), the audit line. */
export interface Change {
  readonly table: string
  readonly entry: ((version: number, at: string) => ManifestEntry) | null
  readonly event: Omit<AuditEvent, 'at' | 'version' | 'entry'>
}

export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
}

export class DataStore {
  /** Every write (publish, rollback, unpublish) runs in this queue. */
  readonly queue = new SerialQueue()
  private current!: { manifest: Manifest; body: Buffer; etag: string }

  private constructor(
    readonly dataDir: string,
    manifest: Manifest,
    private readonly events: AuditEvent[],
    private readonly pause: (stage: TestPause, file: string) => Promise<void>,
  ) {
    this.setManifest(manifest)
  }

  /** Opens the data dir: leftovers of a crash removed, every file the manifest names checked. */
  static async open(
    dataDir: string,
    options: { log: StoreLog; pause?: (stage: TestPause, file: string) => Promise<void> },
  ): Promise<DataStore> {
    await mkdir(path.join(dataDir, TABLES_DIR), { recursive: true })
    for (const dir of [dataDir, path.join(dataDir, TABLES_DIR), ...(await tableDirs(dataDir))]) {
      for (const name of await removeTempFiles(dir)) options.log.warn(`removed ${name}, left by an unfinished write`)
    }
    const { manifest, events, append, rewrite } = await recoverAtStartup(dataDir, options.log)
    const store = new DataStore(dataDir, manifest, events, options.pause ?? (async () => {}))
    if (rewrite) await replaceFile(path.join(dataDir, MANIFEST), store.manifestBody)
    for (const event of append) await store.appendEvent(event)
    return store
  }

  get manifest(): Manifest {
    return this.current.manifest
  }
  get manifestBody(): Buffer {
    return this.current.body
  }
  /** A strong ETag of the manifest's bytes. */
  get manifestEtag(): string {
    return this.current.etag
  }

  entryOf(table: string): ManifestEntry | null {
    return this.current.manifest.tables[table] ?? null
  }

  /** The table's audit lines, newest first. */
  eventsOf(table: string): AuditEvent[] {
    return this.events.filter((e) => e.table === table).reverse()
  }

  absolute(file: string): string {
    return path.join(this.dataDir, ...file.split('/'))
  }

  /** Whether the file of a version is on disk and is what its name says (read whole: use sparingly). */
  async intact(entry: Pick<ManifestEntry, 'file' | 'sha256' | 'bytes'>): Promise<boolean> {
    return (await fileDamage(this.absolute(entry.file), entry.sha256, entry.bytes)) === null
  }

  async exists(file: string): Promise<boolean> {
    return stat(this.absolute(file)).then(
      (s) => s.isFile(),
      () => false,
    )
  }

  /** Where uploads wait (as temporary files) until they are checked. */
  get uploadDir(): string {
    return path.join(this.dataDir, TABLES_DIR)
  }

  /**
   * Puts an accepted upload in place as a table version's file (the test hook may hold it
   * just before). When that version's file is already there and intact (the same content
   * published before), the upload is simply dropped.
   */
  async installTableFile(upload: string, dir: string, sha256: string, bytes: number): Promise<void> {
    const file = tableFile(dir, sha256)
    if (await this.intact({ file, sha256, bytes })) return
    await this.pause('table', upload)
    const target = this.absolute(file)
    const folder = path.dirname(target)
    const made = await mkdir(folder, { recursive: true })
    await rename(upload, target)
    await syncDir(folder)
    if (made) await syncDir(path.dirname(folder))
  }

  /**
   * Makes one change: the new manifest replaces the old atomically, then the audit line is
   * appended. Call inside `queue.run`.
   */
  async apply(change: Change): Promise<Manifest> {
    const version = this.manifest.version + 1
    const at = new Date().toISOString()
    const entry = change.entry?.(version, at) ?? null
    const next = withChange(this.manifest, { table: change.table, entry }, version, at)
    const body = serializeManifest(next)
    await replaceFile(path.join(this.dataDir, MANIFEST), body, { beforeRename: (temp) => this.pause('manifest', temp) })
    this.setManifest(next)
    await this.appendEvent({ ...change.event, at, version, entry })
    return next
  }

  private async appendEvent(event: AuditEvent): Promise<void> {
    await appendLineDurably(path.join(this.dataDir, AUDIT), auditLine(event))
    this.events.push(event)
  }

  private setManifest(manifest: Manifest) {
    const body = serializeManifest(manifest)
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`
    this.current = { manifest, body, etag }
  }
}

async function tableDirs(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, TABLES_DIR)
  const entries = await readdir(root, { withFileTypes: true })
  return entries.filter((e) => e.isDirectory()).map((e) => path.join(root, e.name))
}
