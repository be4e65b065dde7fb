import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FileSize {
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

/** The JS a browser fetches before first paint: the entry script and its modulepreloads. */
export function initialJs(dist = 'dist'): { files: FileSize[]; bytes: number; gzipBytes: number } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const refs = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  ]
  const files = [...new Set(refs)].map((ref) => {
    const file = path.join(dist, ref.replace(/^\.?\//, ''))
    return { file: path.relative(dist, file), bytes: statSync(file).size, gzipBytes: gz(file) }
  })
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) }
}

export function assetsMatching(re: RegExp, dist = 'dist'): FileSize[] {
  const dir = path.join(dist, 'assets')
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => ({ file: `assets/${f}`, bytes: statSync(path.join(dir, f)).size, gzipBytes: gz(path.join(dir, f)) }))
}
