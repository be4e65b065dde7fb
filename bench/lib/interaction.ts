import type { Page } from 'playwright-core'

interface Recorder {
  /** pointerdown times (performance.now() clock). */
  readonly inputs: number[]
  /** [widgets-settled mark, end of the frame after it] per settle. */
  readonly drawn: [number, number][]
}

/**
 * Records, inside the page, when each click arrived and when each settle of the page was
 * drawn: at a `widgets-settled` mark a frame callback is queued (charts draw in the next
 * frame, before it: ECharts' own callback was queued when its option was set), and a message
 * from it runs once that frame has been rendered. Measured in the page, the times do not
 * depend on how often the benchmark looks. Call before the page loads.
 */
export async function recordInteractions(page: Page) {
  await page.addInitScript(() => {
    const rec: Recorder = { inputs: [], drawn: [] }
    ;(window as { __interactions?: Recorder }).__interactions = rec
    addEventListener('pointerdown', (e) => rec.inputs.push(e.timeStamp), true)
    const mark = performance.mark.bind(performance)
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options)
      if (name === 'widgets-settled') {
        const at = entry.startTime
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => rec.drawn.push([at, performance.now()])
          channel.port2.postMessage(null)
        })
      }
      return entry
    }
  })
}

/** How many clicks the page has seen so far (pass to `drawnAfter` after the next click). */
export function inputCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as { __interactions?: Recorder }).__interactions!.inputs.length)
}

/**
 * After click number `index` (0-based, in page order): waits until the page has settled and
 * drawn, and returns the time from the click's pointerdown to the end of the frame that drew
 * the last settle after it, in ms.
 */
export async function drawnAfter(page: Page, index: number, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    (i) => {
      const rec = (window as { __interactions?: Recorder }).__interactions!
      const input = rec.inputs[i]
      if (input === undefined) return false
      const after = rec.drawn.filter(([at]) => at > input)
      return after.length > 0 ? after[after.length - 1]![1] - input : false
    },
    index,
    { timeout, polling: 20 },
  )
  return (await handle.jsonValue()) as number
}
