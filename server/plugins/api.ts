/**
 * The publish API under api/ (relative to the app). Writes need a publisher (plugins/auth.ts);
 * reading the history does not.
 */
import type { Readable } from 'node:stream'

import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

import { isUpload, receiveUpload } from '../body'
import { ApiError } from '../errors'
import { type Actor, parseIfMatch, type Publishing } from '../publishing'
import { resolveTable, type Target } from '../tables'

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream'
const SOURCES_MAX = 100
const SOURCE_NAME_MAX = 255

type TableRequest = FastifyRequest<{ Params: { table: string } }>

declare module 'fastify' {
  interface FastifyRequest {
    target: Target | null
  }
}

/** X-Observatory-Sources: encodeURIComponent of a JSON array of the uploaded files' names. */
export function parseSources(header: string | string[] | undefined): string[] {
  if (header === undefined) return []
  const bad = new ApiError(400, 'X-Observatory-Sources 应为 encodeURIComponent 编码的文件名 JSON 数组')
  let value: unknown
  try {
    value = JSON.parse(decodeURIComponent(Array.isArray(header) ? header.join(',') : header))
  } catch {
    throw bad
  }
  if (!Array.isArray(value) || value.length > SOURCES_MAX || !value.every((v) => typeof v === 'string')) throw bad
  // eslint-disable-next-line no-control-regex
  return value.map((v: string) => v.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, SOURCE_NAME_MAX))
}

const actorOf = (request: FastifyRequest): Actor => ({ name: request.publisher!, client: request.ip })

async function api(app: FastifyInstance, options: { publishing: Publishing; bodyLimit: number; uploadDir: string }) {
  const { publishing } = options
  app.decorateRequest('target', null)

  const tooLarge = () => Object.assign(new Error('body too large'), { statusCode: 413 })
  app.addContentTypeParser(ARROW_STREAM, async (request: FastifyRequest, payload: Readable) => {
    const announced = Number(request.headers['content-length'])
    const length = Number.isSafeInteger(announced) && announced >= 0 ? announced : null
    return receiveUpload(payload, options.uploadDir, length, options.bodyLimit, tooLarge)
  })

  /** Resolves :table before anything else: a name that could reach the file system is refused at once. */
  const table = async (request: TableRequest) => {
    const resolved = resolveTable(request.params.table)
    if (!resolved.ok) throw new ApiError(400, resolved.error)
    request.target = resolved.target
  }
  const write = { onRequest: [table, app.requirePublisher] }

  app.post<{ Params: { table: string }; Body: unknown }>('/api/publish/:table', write, async (request) => {
    if (!isUpload(request.body)) throw new ApiError(415, `发布的数据应为 ${ARROW_STREAM}`)
    const upload = request.body
    let base, sources
    try {
      base = parseIfMatch(request.headers['if-match'], true)!
      sources = parseSources(request.headers['x-observatory-sources'])
    } catch (error) {
      await upload.discard()
      throw error
    }
    const result = await publishing.publish(request.target!, upload, base, sources, actorOf(request))
    request.log.info({ publisher: request.publisher, table: result.table, version: result.version }, 'published')
    return result
  })

  app.post<{ Params: { table: string }; Body: { to?: unknown } }>(
    '/api/rollback/:table',
    {
      ...write,
      schema: {
        body: { type: 'object', required: ['to'], properties: { to: { type: 'string' } } },
      },
    },
    async (request) => {
      const base = parseIfMatch(request.headers['if-match'], false)
      return publishing.rollback(request.target!, String(request.body.to), base, actorOf(request))
    },
  )

  app.post<{ Params: { table: string } }>('/api/unpublish/:table', write, async (request) => {
    const base = parseIfMatch(request.headers['if-match'], false)
    return publishing.unpublish(request.target!, base, actorOf(request))
  })

  app.get<{ Params: { table: string } }>('/api/history/:table', { onRequest: [table] }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    return publishing.history(request.target!)
  })

  app.get('/api/whoami', { onRequest: [app.requirePublisher] }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    return { name: request.publisher }
  })

  app.all('/api/*', (_request, reply) => reply.callNotFound())
}

export default fp(api, { name: 'observatory-api', dependencies: ['observatory-auth'] })
