/**
 * The app's side of the publish server's HTTP API (server/): the manifest and table files
 * it reads, and the writes a publisher makes. Every URL is relative to the page, so the app
 * works under any sub-path. Writes carry HTTP Basic credentials in the Authorization
 * header only — no cookies — so no other site can make a browser publish.
 */
import { err, ok, type Result } from '../lib/result'
import { EMPTY_MANIFEST, type Manifest, parseManifest, type PublishedMonths } from './manifest'

export const MANIFEST_URL = 'data/manifest.json'

export type ManifestRead =
  /** A manifest (possibly the empty one the server gives when nothing is published). */
  | { readonly kind: 'manifest'; readonly manifest: Manifest; readonly etag: string | null; readonly skipped: string[] }
  /** Same as the last one (ETag matched). */
  | { readonly kind: 'unchanged' }
  /** No manifest on this host (a static copy of dist/): embedded data only. */
  | { readonly kind: 'absent' }
  /** The host did not answer or answered nonsense: keep what is shown. */
  | { readonly kind: 'failed'; readonly reason: string }

/** Reads the manifest; with `etag`, a 304 comes back as 'unchanged'. */
export async function readManifest(etag: string | null = null): Promise<ManifestRead> {
  let response: Response
  try {
    response = await fetch(MANIFEST_URL, {
      cache: 'no-cache',
      headers: etag ? { 'If-None-Match': etag } : {},
    })
  } catch (e) {
    return { kind: 'failed', reason: `无法连接服务器：${e instanceof Error ? e.message : String(e)}` }
  }
  if (response.status === 304) return { kind: 'unchanged' }
  if (response.status === 404) return { kind: 'absent' }
  if (!response.ok) return { kind: 'failed', reason: `读取发布数据清单失败（HTTP ${response.status}）` }
  const parsed = parseManifest(await response.text())
  if (!parsed.ok) return { kind: 'failed', reason: parsed.error }
  return { kind: 'manifest', ...parsed.value, etag: response.headers.get('ETag') }
}

/** The bytes of a published table's file (content-addressed: a cached copy is always right). */
export async function fetchPublishedBytes(file: string): Promise<Result<Uint8Array, string>> {
  try {
    const response = await fetch(`data/${file}`)
    if (!response.ok) return err(`已发布的数据文件无法下载（HTTP ${response.status}）`)
    return ok(new Uint8Array(await response.arrayBuffer()))
  } catch (e) {
    return err(`已发布的数据文件无法下载：${e instanceof Error ? e.message : String(e)}`)
  }
}

export interface Credentials {
  readonly name: string
  readonly passphrase: string
}

/** `Basic base64(utf-8 "name:passphrase")`: names are Chinese, so not btoa of the text itself. */
export function basicAuthorization({ name, passphrase }: Credentials): string {
  const bytes = new TextEncoder().encode(`${name}:${passphrase}`)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `Basic ${btoa(binary)}`
}

export interface ServerProblem {
  readonly row: number | null
  readonly column: string | null
  readonly kind: string
  readonly value: string | null
  readonly message: string
}

export type WriteFailure =
  | { readonly kind: 'auth'; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string; readonly current: string | null }
  | { readonly kind: 'rejected'; readonly message: string; readonly problems: readonly ServerProblem[] }
  /** No publish API here: a static copy of the app. */
  | { readonly kind: 'no-server'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }

export interface PublishResult {
  readonly version: number
  readonly table: string
  readonly sha256: string
  readonly rows: number
  readonly months: PublishedMonths | null
}

const NO_SERVER = '此部署没有发布服务（静态部署，只读）：请用 npm start 启动的服务器发布'

function readProblems(v: unknown): ServerProblem[] {
  if (!Array.isArray(v)) return []
  return v.slice(0, 200).flatMap((p) => {
    if (typeof p !== 'object' || p === null) return []
    const r = p as Record<string, unknown>
    return [
      {
        row: typeof r.row === 'number' ? r.row : null,
        column: typeof r.column === 'string' ? r.column : null,
        kind: typeof r.kind === 'string' ? r.kind : '',
        value: typeof r.value === 'string' ? r.value : r.value == null ? null : String(r.value),
        message: typeof r.message === 'string' ? r.message : '',
      },
    ]
  })
}

/** What a failed write's status and JSON body mean for the user. */
export function writeFailure(status: number, body: unknown, retryAfter: string | null = null): WriteFailure {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const message = typeof b.error === 'string' && b.error ? b.error : null
  switch (status) {
    case 401:
      return { kind: 'auth', message: message ?? '用户名或口令不正确' }
    case 429:
      return {
        kind: 'rate-limited',
        message: `尝试次数过多，请${retryAfter ? `在 ${retryAfter} 秒后` : '稍后'}再试`,
      }
    case 409:
      return {
        kind: 'conflict',
        message: message ?? '该表已有人发布了新版本',
        current: typeof b.current === 'string' ? b.current : null,
      }
    case 400:
    case 413:
    case 422:
      return { kind: 'rejected', message: message ?? '服务器拒绝了这份数据', problems: readProblems(b.problems) }
    case 404:
    case 405:
      return { kind: 'no-server', message: NO_SERVER }
    default:
      return { kind: 'failed', message: message ?? `发布失败（HTTP ${status}）` }
  }
}

function parseJson(textBody: string): unknown {
  try {
    return JSON.parse(textBody)
  } catch {
    return null
  }
}

const apiUrl = (path: string, table?: string) =>
  `api/${path}${table === undefined ? '' : `/${encodeURIComponent(table)}`}`

/**
 * Sends a table's whole Arrow stream. XHR rather than fetch: it reports upload progress,
 * which a 50 MB table needs. `base`: the sha256 of the version the draft was made on, or
 * null when the table was never published.
 */
export function publishTable(
  table: string,
  body: Uint8Array,
  options: {
    readonly credentials: Credentials
    readonly base: string | null
    readonly sources: readonly string[]
    readonly onProgress?: (sent: number, total: number) => void
  },
): Promise<Result<PublishResult, WriteFailure>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl('publish', table))
    xhr.setRequestHeader('Authorization', basicAuthorization(options.credentials))
    xhr.setRequestHeader('Content-Type', 'application/vnd.apache.arrow.stream')
    xhr.setRequestHeader('If-Match', options.base ?? 'none')
    xhr.setRequestHeader('X-Observatory-Sources', encodeURIComponent(JSON.stringify(options.sources.slice(0, 50))))
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : body.byteLength)
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText)
      if (xhr.status === 200 && typeof parsed === 'object' && parsed !== null) {
        const r = parsed as Record<string, unknown>
        if (typeof r.version === 'number' && typeof r.sha256 === 'string') {
          resolve(
            ok({
              version: r.version,
              table,
              sha256: r.sha256,
              rows: typeof r.rows === 'number' ? r.rows : 0,
              months: (r.months as PublishedMonths | null | undefined) ?? null,
            }),
          )
          return
        }
      }
      resolve(err(writeFailure(xhr.status, parsed, xhr.getResponseHeader('Retry-After'))))
    }
    xhr.onerror = () => resolve(err({ kind: 'failed', message: '无法连接服务器，数据未发布' }))
    // A copy: XHR may hold the buffer while it sends, and the caller's bytes stay usable.
    xhr.send(new Blob([body.slice()]))
  })
}

async function writeJson(
  path: string,
  table: string | undefined,
  credentials: Credentials,
  body?: unknown,
): Promise<Result<Record<string, unknown>, WriteFailure>> {
  let response: Response
  try {
    response = await fetch(apiUrl(path, table), {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: basicAuthorization(credentials),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'omit',
    })
  } catch {
    return err({ kind: 'failed', message: '无法连接服务器' })
  }
  const parsed = parseJson(await response.text())
  if (response.ok && typeof parsed === 'object' && parsed !== null) return ok(parsed as Record<string, unknown>)
  return err(writeFailure(response.status, parsed, response.headers.get('Retry-After')))
}

/** Checks a name and passphrase without changing anything. */
export async function whoAmI(credentials: Credentials): Promise<Result<string, WriteFailure>> {
  const r = await writeJson('whoami', undefined, credentials)
  return r.ok ? ok(typeof r.value.name === 'string' ? r.value.name : credentials.name) : r
}

export function rollbackTable(table: string, to: string, credentials: Credentials) {
  return writeJson('rollback', table, credentials, { to })
}

export function unpublishTable(table: string, credentials: Credentials) {
  return writeJson('unpublish', table, credentials, {})
}

export interface HistoryVersion {
  readonly sha256: string
  readonly rows: number
  readonly months: PublishedMonths | null
  readonly publisher: string
  readonly publishedAt: string
  readonly sources: readonly string[]
  readonly action: string
}

export interface TableHistory {
  readonly current: string | null
  readonly versions: readonly HistoryVersion[]
}

/** A table's published versions, newest first (reading needs no login). */
export async function readHistory(table: string): Promise<Result<TableHistory, string>> {
  try {
    const response = await fetch(apiUrl('history', table), { cache: 'no-cache' })
    if (response.status === 404) return err(NO_SERVER)
    const body = parseJson(await response.text()) as Record<string, unknown> | null
    if (!response.ok || !body) return err(`无法读取版本记录（HTTP ${response.status}）`)
    const versions = Array.isArray(body.versions) ? body.versions : []
    return ok({
      current: typeof body.current === 'string' ? body.current : null,
      versions: versions.flatMap((v: unknown) => {
        if (typeof v !== 'object' || v === null) return []
        const r = v as Record<string, unknown>
        if (typeof r.sha256 !== 'string') return []
        return [
          {
            sha256: r.sha256,
            rows: typeof r.rows === 'number' ? r.rows : 0,
            months: (r.months as PublishedMonths | null) ?? null,
            publisher: typeof r.publisher === 'string' ? r.publisher : '',
            publishedAt: typeof r.publishedAt === 'string' ? r.publishedAt : '',
            sources: Array.isArray(r.sources) ? r.sources.filter((s): s is string => typeof s === 'string') : [],
            action: typeof r.action === 'string' ? r.action : 'publish',
          },
        ]
      }),
    })
  } catch (e) {
    return err(`无法读取版本记录：${e instanceof Error ? e.message : String(e)}`)
  }
}

export { EMPTY_MANIFEST }
