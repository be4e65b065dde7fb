import type { Page } from 'playwright-core'

/** Waits for a User Timing mark and returns its time from navigation start, in ms. */
export async function waitForMark(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? false,
    name,
    { timeout: timeoutMs, polling: 50 },
  )
  return (await handle.jsonValue()) as number
}

export async function getMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])))
}

/** Waits until every widget on the page has settled, returning each widget's state. */
export async function widgetStates(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(() => {
    const ws = [...document.querySelectorAll('[data-widget]')]
    return ws.length > 0 && ws.every((w) => w.getAttribute('data-state') !== 'loading')
  })
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-widget]')].map((w) => [
        w.getAttribute('data-widget'),
        w.getAttribute('data-state'),
      ]),
    ),
  )
}
