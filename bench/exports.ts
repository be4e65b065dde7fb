// Exports on the embedded data, in one session on the Overview: a 3× PNG of one chart, and
// the page's briefing pack as PPTX (native charts), PDF (vector charts, subset font) and DOCX,
// each from the click to the file's arrival. The first PDF also fetches the two font faces
// (3 MB, same origin; the browser keeps them after that).
import { download } from '../tests/e2e/support/exports'
import { waitForMark, widgetStates } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { describe, summarize } from './lib/stats'

const CASES = {
  'png-3x': {
    menu: '[data-widget="cluster-ytd"] details[data-export-menu]',
    item: '[data-export="png"][data-pixel-ratio="3"]',
  },
  'briefing-pptx': { menu: '.briefing > details', item: '[data-export="briefing"][data-format="pptx"]' },
  'briefing-pdf': { menu: '.briefing > details', item: '[data-export="briefing"][data-format="pdf"]' },
  'briefing-docx': { menu: '.briefing > details', item: '[data-export="briefing"][data-format="docx"]' },
} as const

export async function exports({ url, runs }: { url: string; runs: number }) {
  const samples: Record<string, number[]> = {}
  const sizes: Record<string, number> = {}
  const browser = await launchChromium({ width: 1600, height: 1000 })
  try {
    const page = await browser.context.newPage()
    await page.goto(url)
    await waitForMark(page, 'app-ready')
    await widgetStates(page)
    for (const [name, c] of Object.entries(CASES)) {
      for (let r = 0; r < runs; r++) {
        const file = await download(page, c.menu, c.item, 120_000)
        ;(samples[name] ??= []).push(file.ms)
        sizes[name] = file.bytes.length
      }
    }
  } finally {
    await browser.close()
  }
  const metrics = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]))
  console.log(`\nExports on the Overview, ${runs} runs each (median, min–max; click → download):`)
  console.table(
    Object.fromEntries(
      Object.entries(metrics).map(([k, s]) => [k, `${describe(s)} · ${(sizes[k]! / 1024).toFixed(0)} KB`]),
    ),
  )
  return { runs, metrics, bytes: sizes }
}
