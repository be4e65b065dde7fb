// The SQL console at scale: a GROUP BY month × cluster over a 1,000,000-row point_indicators
// table, typed into the console and run with Ctrl+Enter; the time is the console's own
// (from the run to the rows on screen, including its read-only check and the row count).
import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { bigIndicatorFiles } from './lib/big-data'
import { serveBuildWith } from './lib/server'
import { describe, summarize } from './lib/stats'

const QUERY = `SELECT i.period, p.cluster_id, sum(i.output_value) AS output
FROM point_indicators i JOIN observation_points p USING (point_id)
GROUP BY i.period, p.cluster_id
ORDER BY 1, 2`

export async function console_({ runs }: { url: string; runs: number }) {
  const data = bigIndicatorFiles(1_000_000)
  const server = await serveBuildWith({ point_indicators: data.indicators, observation_points: data.points })
  const times: number[] = []
  let rowsShown = ''
  try {
    const browser = await launchChromium()
    try {
      const page = await browser.context.newPage()
      await page.goto(`${server.url}#/explore`)
      await waitForMark(page, 'data-ready', 300_000)
      const editor = page.locator('.cm-content')
      await editor.waitFor({ timeout: 60_000 })
      await editor.click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(QUERY)
      for (let i = 0; i < Math.max(5, runs); i++) {
        const before = await page.locator('[data-widget="sql-console"]').getAttribute('data-run')
        await page.keyboard.press('Control+Enter')
        await page.waitForFunction(
          (b) => {
            const el = document.querySelector('[data-widget="sql-console"]')
            return el?.getAttribute('data-run') === 'done' && (b !== 'done' || el.textContent?.includes('用时'))
          },
          before,
          { timeout: 60_000 },
        )
        // The console's own timing, in seconds with two decimals.
        await page.waitForFunction(() =>
          /用时 [\d.]+ 秒/.test(document.querySelector('[data-widget="sql-console"]')?.textContent ?? ''),
        )
        const text = (await page.locator('[data-widget="sql-console"]').textContent()) ?? ''
        times.push(Number(/用时 ([\d.]+) 秒/.exec(text)![1]) * 1000)
        rowsShown = /共\s*[\d,]+\s*行|[\d,]+\s*行/.exec(text)?.[0] ?? ''
        await page.waitForTimeout(300)
      }
    } finally {
      await browser.close()
    }
  } finally {
    await server.close()
  }
  const summary = summarize(times)
  console.log(
    `\nSQL console, GROUP BY month × cluster over ${data.rows.toLocaleString()} rows (${rowsShown}): ${describe(summary)}, p95 ${summary.p95}ms`,
  )
  return { rows: data.rows, query: QUERY, ms: summary }
}
