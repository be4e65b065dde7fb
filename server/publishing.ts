/**
 * Publish, roll back, unpublish, history: what the API does with the store and the checker.
 * A write runs in the store's queue, so the If-Match comparison, the checks against the
 * reference tables and the manifest change see one consistent state.
 */
import { getTable } from '../src/datasets/registry'
import type { Upload } from './body'
import type { CheckerClient } from './checks/client'
import type { ReferenceFile } from './checks/protocol'
import type { EmbeddedData } from './embedded'
import { ApiError } from './errors'
import { type ManifestEntry, type MonthsCovered, SHA256, tableFile } from './store/manifest'
import type { DataStore } from './store/store'
import { labelOf, type Target } from './tables'

export interface Actor {
  readonly name: string
  readonly client: string
}

export interface ChangeResult {
  readonly version: number
  readonly table: string
  readonly sha256: string | null
  readonly rows: number | null
  readonly months: MonthsCovered | null
  /** The table was already in that state: nothing was written. */
  readonly unchanged?: true
}

/** The base version a client names in If-Match: a sha256, or 'none' for a table never published. */
export type Base = string | null

export function parseIfMatch(header: string | undefined, required: boolean): Base | undefined {
  if (header === undefined || header.trim() === '') {
    if (required) throw new ApiError(428, '缺少 If-Match：请注明基于哪个版本（未发布过的表写 none）')
    return undefined
  }
  const value = header
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
  if (value === 'none') return null
  if (!SHA256.test(value)) throw new ApiError(400, 'If-Match 应为版本的 sha256 或 none')
  return value
}

function conflict(current: ManifestEntry | null): ApiError {
  return new ApiError(409, '该表已被更新，当前版本与您所基于的版本不同：请在最新版本上重新应用上传', {
    current: current?.sha256 ?? null,
  })
}

const resultOf = (version: number, table: string, entry: ManifestEntry | null, unchanged = false): ChangeResult => ({
  version,
  table,
  sha256: entry?.sha256 ?? null,
  rows: entry?.rows ?? null,
  months: entry?.months ?? null,
  ...(unchanged ? { unchanged: true as const } : {}),
})

export class Publishing {
  constructor(
    private readonly store: DataStore,
    private readonly checker: CheckerClient,
    private readonly embedded: EmbeddedData,
  ) {}

  /** The reference tables a registry table's keys point to, as served now: published, or embedded. */
  private async referencesOf(target: Target): Promise<Record<string, ReferenceFile>> {
    if (target.kind !== 'registry') return {}
    const references: Record<string, ReferenceFile> = {}
    for (const { references: ref } of target.def.foreignKeys) {
      if (ref.table === target.name || !getTable(ref.table) || references[ref.table]) continue
      const entry = this.store.entryOf(ref.table)
      references[ref.table] = entry
        ? { key: entry.sha256, file: this.store.absolute(entry.file) }
        : await this.embedded.locate(ref.table)
    }
    return references
  }

  /** Publishes an upload (a temporary file, removed here unless it becomes the new version). */
  async publish(target: Target, upload: Upload, base: Base, sources: readonly string[], actor: Actor) {
    try {
      return await this.store.queue.run(async (): Promise<ChangeResult> => {
        const { store } = this
        const current = store.entryOf(target.name)
        if ((current?.sha256 ?? null) !== base) throw conflict(current)
        if (target.kind === 'adhoc') this.refuseNameClash(target.name)
        const { sha256, outcome } = await this.checker.check(target.name, upload.file, await this.referencesOf(target))
        if (current?.sha256 === sha256) return resultOf(store.manifest.version, target.name, current, true)
        if (!outcome.ok) throw new ApiError(400, outcome.error, { problems: outcome.problems, total: outcome.total })
        await store.installTableFile(upload.file, target.dir, sha256, upload.bytes)
        const { rows, months } = outcome
        const manifest = await store.apply({
          table: target.name,
          entry: (version, at) => ({
            table: target.name,
            kind: target.kind,
            label: labelOf(target),
            file: tableFile(target.dir, sha256),
            sha256,
            bytes: upload.bytes,
            rows,
            months,
            publisher: actor.name,
            publishedAt: at,
            sources: [...sources],
            replaces: current?.sha256 ?? null,
            version,
          }),
          event: {
            action: 'publish',
            table: target.name,
            who: actor.name,
            client: actor.client,
            from: base,
            to: sha256,
            rows,
          },
        })
        return resultOf(manifest.version, target.name, manifest.tables[target.name] ?? null)
      })
    } finally {
      await upload.discard()
    }
  }

  /** Makes an earlier version of the table current again. */
  async rollback(target: Target, to: string, base: Base | undefined, actor: Actor) {
    if (!SHA256.test(to)) throw new ApiError(400, '要回退到的版本应为 sha256')
    return this.store.queue.run(async (): Promise<ChangeResult> => {
      const { store } = this
      const current = store.entryOf(target.name)
      if (base !== undefined && (current?.sha256 ?? null) !== base) throw conflict(current)
      const earlier = store.eventsOf(target.name).find((e) => e.entry?.sha256 === to)?.entry
      if (!earlier) throw new ApiError(404, `表 ${target.name} 没有版本 ${to.slice(0, 12)}…`)
      if (current?.sha256 === to) return resultOf(store.manifest.version, target.name, current, true)
      if (!(await store.intact(earlier)))
        throw new ApiError(409, '该版本的文件已丢失或损坏，无法回退到它', { current: current?.sha256 ?? null })
      const manifest = await store.apply({
        table: target.name,
        entry: (version, at) => ({
          ...earlier,
          publisher: actor.name,
          publishedAt: at,
          replaces: current?.sha256 ?? null,
          version,
        }),
        event: {
          action: 'rollback',
          table: target.name,
          who: actor.name,
          client: actor.client,
          from: current?.sha256 ?? null,
          to,
          rows: earlier.rows,
        },
      })
      return resultOf(manifest.version, target.name, manifest.tables[target.name] ?? null)
    })
  }

  /** Takes the table out of the manifest: screens go back to the build's embedded sample. */
  async unpublish(target: Target, base: Base | undefined, actor: Actor) {
    return this.store.queue.run(async (): Promise<ChangeResult> => {
      const { store } = this
      const current = store.entryOf(target.name)
      if (base !== undefined && (current?.sha256 ?? null) !== base) throw conflict(current)
      if (!current) throw new ApiError(404, `表 ${target.name} 当前没有发布的版本`)
      const manifest = await store.apply({
        table: target.name,
        entry: null,
        event: {
          action: 'unpublish',
          table: target.name,
          who: actor.name,
          client: actor.client,
          from: current.sha256,
          to: null,
          rows: null,
        },
      })
      return resultOf(manifest.version, target.name, null)
    })
  }

  /** Every version that was current, newest first, and the table's audit lines (without client addresses). */
  async history(target: Target) {
    const events = this.store.eventsOf(target.name)
    const versions = await Promise.all(
      events
        .filter((e) => (e.action === 'publish' || e.action === 'rollback') && e.entry)
        .map(async (e) => {
          const entry = e.entry!
          return {
            sha256: entry.sha256,
            rows: entry.rows,
            months: entry.months,
            bytes: entry.bytes,
            publisher: entry.publisher,
            publishedAt: entry.publishedAt,
            sources: entry.sources,
            replaces: entry.replaces,
            action: e.action,
            version: e.version,
            /** Whether its file is still on disk (a rollback to it can work). */
            available: await this.store.exists(entry.file),
          }
        }),
    )
    return {
      table: target.name,
      current: this.store.entryOf(target.name)?.sha256 ?? null,
      versions,
      events: events.map(({ client: _client, entry: _entry, ...line }) => line),
    }
  }

  /** DuckDB compares names without case: two ad-hoc tables may not differ only in case. */
  private refuseNameClash(name: string) {
    const clash = Object.keys(this.store.manifest.tables).find(
      (t) => t !== name && t.toLowerCase() === name.toLowerCase(),
    )
    if (clash) throw new ApiError(400, `已有发布的表 ${clash}，表名只差大小写，请换一个名称`)
  }
}
