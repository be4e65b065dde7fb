// `npm start`: build, then run the production server (dist-server/server.mjs) on the build.
// Settings come from the environment (HOST, PORT, OBSERVATORY_DATA_DIR…: docs/DEPLOY.md).
//
// Before the build replaces dist/, the previous build's assets move to the archive
// (OBSERVATORY_ARCHIVE_DIR, default dist-archive/), which the server falls back to: a tab
// opened before the redeploy can still load the chunks it asks for. Archived files are
// removed after OBSERVATORY_ARCHIVE_DAYS (default 14) days.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

import { archiveAssets } from './archive-assets.mjs'

const port = Number(process.env.PORT ?? 4173)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`)
  process.exit(2)
}
const days = Number(process.env.OBSERVATORY_ARCHIVE_DAYS ?? 14)
if (!Number.isFinite(days) || days < 0) {
  console.error(`OBSERVATORY_ARCHIVE_DAYS must be a number of days, got ${process.env.OBSERVATORY_ARCHIVE_DAYS}`)
  process.exit(2)
}
const archiveDir = process.env.OBSERVATORY_ARCHIVE_DIR ?? 'dist-archive'
if (archiveDir) {
  const { moved, pruned } = archiveAssets('dist', archiveDir, days)
  if (moved || pruned) console.log(`  archive: ${moved} files of the previous build kept, ${pruned} older ones removed`)
}

// The build (which also writes dist-server/ and the precompressed files, vite.config.ts) runs
// in a process of its own: the server process then holds none of the bundler's memory.
const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')
const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)
await import(new URL('../dist-server/server.mjs', import.meta.url).href)
