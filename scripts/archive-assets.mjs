// Keeps the assets of earlier builds servable for a while: before a build replaces dist/,
// `npm start` moves dist/assets/* into <archive>/assets/, which the production server falls
// back to (server/plugins/static.ts), so a tab opened before a redeploy can still load the
// chunks it asks for. Files archived more than `days` days ago are removed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs'
import path from 'node:path'

const DAY = 24 * 60 * 60 * 1000

/** Moves the build's assets into the archive and prunes old ones; returns the counts. */
export function archiveAssets(distDir, archiveDir, days, now = new Date()) {
  const from = path.join(distDir, 'assets')
  const to = path.join(archiveDir, 'assets')
  mkdirSync(to, { recursive: true })
  let moved = 0
  if (existsSync(from)) {
    for (const name of readdirSync(from)) {
      const target = path.join(to, name)
      rmSync(target, { force: true })
      renameSync(path.join(from, name), target)
      // Its days in the archive count from when it left the build.
      utimesSync(target, now, now)
      moved++
    }
  }
  let pruned = 0
  for (const name of readdirSync(to)) {
    const file = path.join(to, name)
    if (now.getTime() - statSync(file).mtimeMs > days * DAY) {
      rmSync(file, { force: true })
      pruned++
    }
  }
  return { moved, pruned }
}
