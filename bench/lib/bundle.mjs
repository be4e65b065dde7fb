import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length

/** The JS a browser fetches before first paint: the entry script and its modulepreloads. */
export function initialJs(dist = 'dist') {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const refs = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ]
  const files = [...new Set(refs)].map((ref) => {
    const file = path.join(dist, ref.replace(/^\.?\//, ''))
    return { file: path.relative(dist, file), bytes: statSync(file).size, gzipBytes: gz(file) }
  })
  return { files, bytes: sum(files, 'bytes'), gzipBytes: sum(files, 'gzipBytes') }
}

export function assetsMatching(re, dist = 'dist') {
  const dir = path.join(dist, 'assets')
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => ({ file: `assets/${f}`, bytes: statSync(path.join(dir, f)).size, gzipBytes: gz(path.join(dir, f)) }))
}

const sum = (list, key) => list.reduce((s, x) => s + x[key], 0)
