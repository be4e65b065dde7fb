// Page switches on the embedded data: from a click on the navigation to the new page's
// `page-ready:<path>` mark, first visit in a session (cold caches) and a later visit.
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { describe, summarize } from './lib/stats'

const PAGES = ['/clusters', '/projects', '/livelihood', '/supervision', '/datasets', '/'] as const

export async function pages({ url, runs }: { url: string; runs: number }) {
  const first: Record<string, number[]> = {}
  const again: Record<string, number[]> = {}
  const available = new Set<string>()
  for (let r = 0; r < runs; r++) {
    const browser = await launchChromium()
    // finally: a page that never gets ready must not leave Chromium and its profile behind.
    try {
      const page = await browser.context.newPage()
      await page.goto(url)
      await waitForMark(page, 'app-ready')
      await waitForMark(page, 'data-ready')
      const routes = await page.evaluate(() =>
        [...document.querySelectorAll('.shell__nav a')].map((a) => a.getAttribute('href')!.replace(/^#/, '')),
      )
      for (const round of [first, again]) {
        for (const path of PAGES) {
          if (!routes.includes(path)) continue
          available.add(path)
          const mark = `page-ready:${path}`
          const before = await page.evaluate((m) => performance.getEntriesByName(m, 'mark').length, mark)
          const t0 = await page.evaluate((p) => {
            const t = performance.now()
            ;(document.querySelector(`.shell__nav a[href="#${p}"]`) as HTMLElement).click()
            return t
          }, path)
          const handle = await page.waitForFunction(
            ({ m, n }) => {
              const marks = performance.getEntriesByName(m, 'mark')
              return marks.length > n ? marks[marks.length - 1]!.startTime : false
            },
            { m: mark, n: before },
            { timeout: 60_000, polling: 20 },
          )
          ;(round[path] ??= []).push(((await handle.jsonValue()) as number) - t0)
        }
      }
    } finally {
      await browser.close()
    }
  }
  const table: Record<string, string> = {}
  const metrics: Record<string, { first: ReturnType<typeof summarize>; again: ReturnType<typeof summarize> }> = {}
  for (const path of PAGES) {
    if (!available.has(path)) continue
    metrics[path] = { first: summarize(first[path]!), again: summarize(again[path]!) }
    table[`#${path}`] = `first ${describe(metrics[path].first)} · again ${describe(metrics[path].again)}`
  }
  console.log(`\nPage switch → page-ready, ${runs} sessions (median, min–max):`)
  console.table(table)
  return { runs, metrics }
}
