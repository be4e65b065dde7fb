/**
 * The production build from dist/: files named after their content (assets/) are kept by
 * browsers for a year; everything else (index.html) is revalidated on every visit. Files
 * precompressed at build time (.br, .gz) are sent to browsers that accept them. Assets of
 * earlier builds are served from the archive, so a tab opened before a redeploy can still
 * load the chunks it asks for. No directory listings.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

export interface StaticOptions {
  readonly distDir: string
  readonly archiveDir: string | null
  /** Folders whose files are content-addressed (never change under their name). */
  readonly immutableDirs: readonly string[]
}

async function staticFiles(app: FastifyInstance, options: StaticOptions) {
  const roots = [options.distDir]
  if (options.archiveDir && existsSync(options.archiveDir)) roots.push(options.archiveDir)
  const immutable = options.immutableDirs.map((d) => path.resolve(d) + path.sep)
  await app.register(fastifyStatic, {
    root: roots.length === 1 ? roots[0]! : roots,
    prefix: '/',
    index: ['index.html'],
    list: false,
    dotfiles: 'deny',
    preCompressed: true,
    cacheControl: false,
    // The API and the data are served by their own routes only (a data dir copied into dist/ is not read).
    allowedPath: (pathName) => !/^\/(api|data)(\/|$)/.test(pathName),
    setHeaders: (reply, file) => {
      const kept = immutable.some((dir) => file.startsWith(dir))
      reply.header('cache-control', kept ? IMMUTABLE : REVALIDATE)
      if (/\.arrow(\.br|\.gz)?$/.test(file)) reply.header('content-type', 'application/vnd.apache.arrow.stream')
    },
  })
}

export default fp(staticFiles, { name: 'observatory-static' })
