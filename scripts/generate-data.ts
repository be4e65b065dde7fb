/**
 * Re-creates the embedded data in data/ from the deterministic generator:
 *   npm run data                      same bytes as committed
 *   npm run data -- --through=latest  extend to the latest complete month
 *   npm run data -- --through=2027-03 --out=/tmp/x
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { isPeriod, latestCompleteMonth } from '../src/lib/period'
import { DEFAULT_CONFIG, generateSampleFiles } from './sample-data'

function arg(name: string): string | undefined {
  const prefix = `--${name}=`
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length)
}

const throughArg = arg('through')
const through = throughArg === 'latest' ? latestCompleteMonth(new Date()) : (throughArg ?? DEFAULT_CONFIG.throughPeriod)
if (!isPeriod(through)) {
  console.error(`--through must be YYYY-MM or "latest", got ${through}`)
  process.exit(2)
}
const out = path.resolve(arg('out') ?? 'data')
mkdirSync(out, { recursive: true })

const files = generateSampleFiles({ ...DEFAULT_CONFIG, throughPeriod: through })
for (const [name, text] of files) {
  writeFileSync(path.join(out, name), text)
  console.log(`${name.padEnd(28)} ${String(text.split('\n').length - 2).padStart(6)} rows`)
}
console.log(`through ${through} → ${out}`)
