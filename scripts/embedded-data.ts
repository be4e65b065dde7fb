// The embedded data goes into the build as Arrow streams, not as the CSV files in data/:
// loading Arrow into DuckDB-WASM runs far less of the engine's code than its CSV reader does,
// and on a cold start that code is compiled on first use, after the engine is ready
// (README: measured performance). The CSVs stay the source; this Vite plugin reads each one
// with DuckDB in Node, exactly as the app would read it (the registry's types, nothing
// sniffed), and emits the table as an Arrow stream. A cell that does not convert fails the
// build, naming the file, the line and the value.
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type Plugin, runnerImport } from 'vite'

import type { LoadFailure } from '../src/db/load-table.ts'
import type { ArrowMaker } from './arrow-maker.ts'

type MakerModule = typeof import('./arrow-maker.ts')

/** The import query that turns `data/<table>.csv` into the URL of its Arrow stream. */
export const EMBEDDED_QUERY = 'embedded-arrow'

/**
 * The build's index of the embedded tables (table → asset), for the production server: it
 * checks a published table's references against the reference tables as the app loads them.
 */
export const EMBEDDED_INDEX = 'embedded-data.json'

/** Where the dev server serves the streams it makes on request. */
const DEV_PREFIX = '/@embedded-data/'

function failureText(file: string, failure: LoadFailure): string {
  return `${file}：${failure.reason}${failure.detail ? `\n${failure.detail}` : ''}`
}

export function embeddedData(): Plugin {
  let building = false
  let root = process.cwd()
  // The emitted asset of each table, for the index written at the end of the build.
  const emitted = new Map<string, string>()
  // The app's own modules (registry, loader, engine) are loaded when first needed, through
  // Vite's module runner: the config itself stays free of them.
  let loaded: Promise<{ module: MakerModule; maker: ArrowMaker }> | null = null
  const maker = () =>
    (loaded ??= runnerImport<MakerModule>(path.join(import.meta.dirname, 'arrow-maker.ts'), {
      configFile: false,
      logLevel: 'error',
    }).then(({ module }) => ({
      module,
      maker: new module.ArrowMaker(),
    })))
  const close = async () => {
    const done = loaded
    loaded = null
    await (await done)?.maker.close()
  }
  return {
    name: 'observatory-embedded-data',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build'
      root = config.root
    },
    async load(id) {
      const [file, query] = id.split('?')
      // The dev server adds its own parameters (?import&embedded-arrow).
      if (!file || !new URLSearchParams(query).has(EMBEDDED_QUERY)) return null
      if (!building) {
        // The dev server (and Vitest) make the stream only when a page asks for it.
        this.addWatchFile(file)
        return `export default ${JSON.stringify(`${DEV_PREFIX}${path.basename(file, '.csv')}.arrow`)}`
      }
      const { module, maker: arrow } = await maker()
      const table = module.tableOfFile(file)
      if (!table) this.error(`${path.relative(root, file)} is not the embedded file of any table in the registry`)
      const made = await arrow.make(table, new Uint8Array(await readFile(file)))
      if (!made.ok) this.error(failureText(path.relative(root, file), made.error))
      const ref = this.emitFile({ type: 'asset', name: `${table.name}.arrow`, source: made.value })
      emitted.set(table.name, ref)
      return `export default import.meta.ROLLUP_FILE_URL_${ref}`
    },
    configureServer(server) {
      server.middlewares.use(DEV_PREFIX, (req, res, next) => {
        const name = /^\/([a-z_]+)\.arrow(\?|$)/.exec(req.url ?? '')?.[1]
        if (!name) return next()
        const file = path.join(root, 'data', `${name}.csv`)
        maker()
          .then(async ({ module, maker: arrow }) => {
            const table = module.tableOfFile(file)
            if (!table) return next()
            const made = await arrow.make(table, new Uint8Array(await readFile(file)))
            if (!made.ok) throw new Error(failureText(`data/${name}.csv`, made.error))
            res.setHeader('Content-Type', 'application/vnd.apache.arrow.stream')
            res.end(Buffer.from(made.value))
          })
          .catch((e: unknown) => {
            // The page reports it as it reports a file it cannot fetch; the terminal has the detail.
            server.config.logger.error(e instanceof Error ? e.message : String(e))
            res.statusCode = 500
            res.end()
          })
      })
      server.httpServer?.once('close', () => void close())
    },
    async buildEnd() {
      await close()
    },
    generateBundle() {
      if (!building || emitted.size === 0) return
      const index = Object.fromEntries([...emitted].map(([table, ref]) => [table, this.getFileName(ref)]))
      this.emitFile({ type: 'asset', fileName: EMBEDDED_INDEX, source: `${JSON.stringify(index, null, 2)}\n` })
    },
  }
}
