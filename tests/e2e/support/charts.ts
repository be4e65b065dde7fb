import type { Page } from 'playwright-core'

/** Makes the app expose chart instances on their elements (see EChartImpl). Call before goto. */
export async function enableChartHooks(page: Page) {
  await page.addInitScript(() => {
    ;(window as { __OBSERVATORY_TEST__?: boolean }).__OBSERVATORY_TEST__ = true
  })
}

/**
 * Waits until the chart in a widget is at rest: its first drawing grows into place over
 * 300 ms, and an item's final position (from the chart's layout) is only under the mouse
 * once it has.
 */
export async function chartAtRest(page: Page, widget: string): Promise<void> {
  await page.waitForFunction(
    (widget) => {
      const el = document.querySelector(`[data-widget="${widget}"] .echart`)
      const chart =
        el &&
        ((window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(el) as
          { getZr(): { animation: { isFinished(): boolean } } } | undefined)
      return chart?.getZr().animation.isFinished() === true
    },
    widget,
    { timeout: 10_000, polling: 20 },
  )
}

/**
 * The page position of a data item of a chart in a widget, from the chart's own layout
 * (convertToPixel), so a test can move the mouse there and click like a user.
 */
export async function itemPosition(
  page: Page,
  widget: string,
  seriesIndex: number,
  value: unknown,
): Promise<{ x: number; y: number }> {
  await chartAtRest(page, widget)
  return page.evaluate(
    ({ widget, seriesIndex, value }) => {
      const el = document.querySelector(`[data-widget="${widget}"] .echart`)
      const chart =
        el &&
        ((window as unknown as { __observatory: { chart(e: Element): unknown } }).__observatory.chart(el) as
          { convertToPixel(finder: object, value: unknown): number[] } | undefined)
      if (!el || !chart) throw new Error(`no chart in ${widget}`)
      // A mouse only reaches what is on screen.
      el.scrollIntoView({ block: 'center', behavior: 'instant' })
      const [x, y] = chart.convertToPixel({ seriesIndex }, value)
      const box = el.getBoundingClientRect()
      return { x: box.left + x!, y: box.top + y! }
    },
    { widget, seriesIndex, value },
  )
}

/** Waits for the page to settle again after an interaction started at `since` (performance.now()). */
export async function settledAfter(page: Page, since: number, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (t) => {
      const marks = performance.getEntriesByName('widgets-settled', 'mark').filter((m) => m.startTime > t)
      return marks.length > 0 ? marks[marks.length - 1]!.startTime : false
    },
    since,
    { timeout, polling: 20 },
  )
  await handle.jsonValue()
  // Charts draw on the next animation frame after their data changes (lazyUpdate): count it.
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  )
}
