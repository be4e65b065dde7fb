// Precompression at build time: every compressible file of the build gets a .br and a .gz
// beside it, which the production server sends to browsers that accept them (the 34 MB
// engine goes out as ~6 MB). Brotli's best quality costs ~2 min per engine file on this
// machine and saves ~1 MB more than quality 6 (README/DEPLOY: measured), so the big files get
// a faster quality (OBSERVATORY_BROTLI_QUALITY raises it); gzip is for older clients and proxies.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { Logger, Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export const COMPRESSIBLE = /\.(js|mjs|css|html|wasm|json|svg|arrow|txt|csv|map|xml|webmanifest)$/
/** Smaller files gain too little to be worth a second request path. */
const MIN_BYTES = 1024
/** Files above this get `bigQuality` (the engine wasm); smaller ones brotli's best. */
const BIG_FILE = 2 * 1024 * 1024

export interface CompressOptions {
  readonly bigQuality: number
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

async function compressFile(file: string, options: CompressOptions): Promise<number> {
  const bytes = await readFile(file)
  if (bytes.length < MIN_BYTES) return 0
  const big = bytes.length > BIG_FILE
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: big ? options.bigQuality : zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    [zlib.constants.BROTLI_PARAM_LGWIN]: big ? 24 : zlib.constants.BROTLI_DEFAULT_WINDOW,
  }
  const [br, gz] = await Promise.all([brotli(bytes, { params }), gzip(bytes, { level: 9 })])
  let written = 0
  // A compressed copy that saves little is not worth serving.
  for (const [suffix, out] of [
    ['.br', br],
    ['.gz', gz],
  ] as const) {
    if (out.length > bytes.length * 0.9) continue
    await writeFile(file + suffix, out)
    written++
  }
  return written
}

/** Writes .br and .gz beside each compressible file under `dir`; returns how many it wrote. */
export async function precompressDir(dir: string, options: CompressOptions): Promise<number> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f))
  // Biggest first, so the engine files do not start last and run alone.
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await stat(f)).size })))
  const queue = sized.sort((a, b) => b.size - a.size).map((s) => s.f)
  let written = 0
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) written += await compressFile(file, options)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, os.availableParallelism())) }, worker))
  return written
}

export function bigFileQuality(env: NodeJS.ProcessEnv = process.env): number {
  const q = Number(env.OBSERVATORY_BROTLI_QUALITY ?? 6)
  if (!Number.isInteger(q) || q < 0 || q > 11) throw new Error(`OBSERVATORY_BROTLI_QUALITY must be 0–11, got ${q}`)
  return q
}

export function precompress(): Plugin {
  let outDir = 'dist'
  let ssr = false
  let logger: Logger | null = null
  return {
    name: 'observatory-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
      ssr = !!config.build.ssr
      logger = config.logger
    },
    async closeBundle() {
      if (ssr) return
      const started = performance.now()
      const written = await precompressDir(outDir, { bigQuality: bigFileQuality() })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      logger?.info(`precompressed: ${written} .br/.gz files in ${seconds} s`)
    },
  }
}
