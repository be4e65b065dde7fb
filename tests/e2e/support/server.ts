import { existsSync } from 'node:fs'
import path from 'node:path'

import { type RunningServer, startServer } from '../../support/server'

/**
 * The production server (the bundle of the last build, dist-server/server.mjs) on the
 * existing build, on a free port of 127.0.0.1 with a temporary data dir: dist/, or the
 * folder in E2E_DIST (so a build of work in progress can be tested without replacing dist/).
 */
export async function startBuildServer(
  options: { publishers?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const outDir = process.env.E2E_DIST ?? 'dist'
  if (!existsSync(path.resolve(outDir, 'index.html')))
    throw new Error(`${outDir}/index.html is missing: run \`vite build\` first`)
  if (!existsSync(path.resolve('dist-server', 'server.mjs')))
    throw new Error('dist-server/server.mjs is missing: run `vite build` first')
  return startServer({ built: true, distDir: path.resolve(outDir), ...options })
}
