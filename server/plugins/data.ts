/**
 * The published data, read-only, at the URLs the app reads (relative to the app, so a
 * sub-path behind a proxy works): data/manifest.json, answered from memory with a strong
 * ETag (a screen polling it mostly gets 304), and data/tables/<dir>/<sha256>.arrow, files
 * that never change under their name. Nothing else in the data dir is served.
 */
import path from 'node:path'

import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

import { ApiError } from '../errors'
import { type DataStore, TABLES_DIR } from '../store/store'
import { REVALIDATE } from './static'

/** Whether an If-None-Match header names this ETag (or is *). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*')
}

async function data(app: FastifyInstance, options: { store: DataStore }) {
  const { store } = options
  const tablesRoot = path.join(store.dataDir, TABLES_DIR)

  app.get('/data/manifest.json', (request, reply) => {
    const etag = store.manifestEtag
    reply.header('cache-control', REVALIDATE).header('etag', etag)
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type('application/json; charset=utf-8').send(store.manifestBody)
  })

  app.get<{ Params: { dir: string; file: string } }>('/data/tables/:dir/:file', (request, reply) => {
    const { dir, file } = request.params
    if (!/^[a-z0-9_-]{1,64}$/.test(dir) || !/^[0-9a-f]{64}\.arrow$/.test(file)) throw new ApiError(400, '路径不合法')
    return reply.sendFile(`${dir}/${file}`, tablesRoot)
  })

  // Whatever else is under data/ (publishers.json, audit.jsonl, temporary files) is not there for a reader.
  app.all('/data/*', (_request, reply) => reply.callNotFound())
}

export default fp(data, { name: 'observatory-data', dependencies: ['observatory-static'] })
