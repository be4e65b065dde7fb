// Cross-filtering at scale: the clusters page over a 1,000,000-row point_indicators table.
// Times a real click on a cluster bar until every widget on the page has updated
// (the next `widgets-settled` mark), over many clicks.
import { itemPosition, settledAfter, enableChartHooks } from '../tests/e2e/support/charts'
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { bigIndicatorFiles } from './lib/big-data'
import { serveBuildWith } from './lib/server'
import { describe, summarize } from './lib/stats'

export async function crossfilter({ runs }: { url: string; runs: number }) {
  const clicks = Math.max(20, runs * 3)
  const data = bigIndicatorFiles(1_000_000)
  console.log(`\nCross-filter: ${data.rows.toLocaleString()} indicator rows, ${data.pointCount.toLocaleString()} points, ${(data.indicators.length / 1048576).toFixed(1)} MB CSV`)
  const server = await serveBuildWith({ point_indicators: data.indicators, observation_points: data.points })
  const times: number[] = []
  let appReady: number
  let widgets: (string | null)[]
  // finally: a failed click must not leave Chromium, its profile or the 150 MB dist copy behind.
  try {
    const browser = await launchChromium()
    try {
      const page = await browser.context.newPage()
      await enableChartHooks(page)
      await page.goto(`${server.url}#/clusters`)
      appReady = await waitForMark(page, 'app-ready', 300_000)
      for (let i = 0; i < clicks; i++) {
        // Alternate: select a cluster, then clear it, cycling through the six clusters.
        const cluster = Math.floor(i / 2) % 6
        const bar = await itemPosition(page, 'cluster-ytd', 0, [cluster, 0])
        const t0 = await page.evaluate(() => performance.now())
        await page.mouse.click(bar.x, bar.y - 3)
        const t1 = await settledAfter(page, t0, 120_000)
        times.push(t1 - t0)
      }
      widgets = await page.evaluate(() => [...document.querySelectorAll('[data-widget]')].map((w) => w.getAttribute('data-widget')))
    } finally {
      await browser.close()
    }
  } finally {
    await server.close()
  }
  const stats = summarize(times)
  console.table({
    'clusters page app-ready (1M rows)': `${Math.round(appReady)}ms`,
    [`click → all widgets updated (${clicks} clicks)`]: `median ${stats.median}ms, p95 ${stats.p95}ms (${stats.min}–${stats.max})`,
    'target p95 ≤ 150 ms': stats.p95 <= 150 ? 'PASS' : 'MISS',
  })
  return { rows: data.rows, points: data.pointCount, appReadyMs: appReady, widgets, clicks: stats, targets: { p95Under150ms: stats.p95 <= 150 } }
}

export { describe }
