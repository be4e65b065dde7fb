// `npm run bench [-- scenario ...] [--runs=N] [--no-build]`: benchmarks in headless Chromium
// on the production build. Prints medians with min–max; writes JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'

import { console_ } from './console'
import { crossfilter } from './crossfilter'
import { engine } from './engine'
import { exports } from './exports'
import { serveBuild } from './lib/server'
import { pages } from './pages'
import { screen } from './screen'
import { serve } from './serve'
import { startup } from './startup'
import { upload } from './upload'
import { xlsx } from './xlsx'

type Scenario = (options: { url: string; runs: number }) => Promise<object>
const SCENARIOS: Record<string, Scenario> = {
  startup,
  engine,
  pages,
  crossfilter,
  screen,
  exports,
  upload,
  xlsx,
  console: console_,
  serve,
}

const args = process.argv.slice(2)
const option = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const runs = Number(option('runs', '7'))
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number ≥ 1, got ${option('runs', '7')}`)
  process.exit(2)
}
const chosen = args.filter((a) => !a.startsWith('--'))
const names = chosen.length ? chosen : Object.keys(SCENARIOS)
const unknown = names.filter((n) => !SCENARIOS[n])
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`)
  process.exit(2)
}

const server = await serveBuild({ skipBuild: args.includes('--no-build') })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
mkdirSync('bench/results', { recursive: true })
try {
  for (const name of names) {
    const result = await SCENARIOS[name]!({ url: server.url, runs })
    const json = JSON.stringify(
      {
        scenario: name,
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        loadavg: os.loadavg(),
        ...result,
      },
      null,
      2,
    )
    writeFileSync(`bench/results/${name}-${stamp}.json`, json)
    writeFileSync(`bench/results/latest-${name}.json`, json)
    console.log(`→ bench/results/latest-${name}.json`)
  }
} finally {
  await server.close()
}
