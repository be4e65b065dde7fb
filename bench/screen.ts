// The big screen: (1) a page change in rotation at 3840×2160, from the rotation's mark to the
// page's `page-ready:screen/<page>` and to the first frame painted after it; (2) frame times
// at 1920×1080 while the headline figures count up (each page shown) and the lists scroll,
// from requestAnimationFrame timing.
import type { Page } from 'playwright-core'

import { waitForMark } from '../tests/e2e/support/marks'
import { launchChromium } from '../tests/support/chromium'
import { KEEP_NAMES_SHIM } from './lib/page-shim'
import { describe, summarize } from './lib/stats'

const ROTATIONS = Number(process.env.SCREEN_ROTATIONS ?? 20)

async function rotationTimes(page: Page, count: number) {
  // For each rotation: its mark, the page-ready mark after it, and the next painted frame.
  return page.evaluate(
    (n) =>
      new Promise<{ ready: number[]; painted: number[] }>((resolve) => {
        const ready: number[] = []
        const painted: number[] = []
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.name.startsWith('screen-rotate:')) continue
            const start = entry.startTime
            const target = `page-ready:screen/${entry.name.slice('screen-rotate:'.length)}`
            const wait = () => {
              const mark = performance.getEntriesByName(target, 'mark').find((m) => m.startTime >= start)
              if (!mark) return void setTimeout(wait, 5)
              ready.push(mark.startTime - start)
              requestAnimationFrame(() =>
                requestAnimationFrame((t) => {
                  painted.push(t - start)
                  if (painted.length >= n) {
                    observer.disconnect()
                    resolve({ ready, painted })
                  }
                }),
              )
            }
            wait()
          }
        })
        observer.observe({ type: 'mark' })
      }),
    count,
  )
}

async function frameTimes(page: Page, seconds: number) {
  return page.evaluate(
    (s) =>
      new Promise<{ all: number[]; countUp: number[] }>((resolve) => {
        const all: number[] = []
        const countUp: number[] = []
        let last = performance.now()
        let shownAt = -Infinity
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name.startsWith('screen-rotate:')) shownAt = e.startTime
        })
        observer.observe({ type: 'mark' })
        const end = last + s * 1000
        requestAnimationFrame(function frame(t) {
          const delta = t - last
          last = t
          all.push(delta)
          // The count-up runs 1.2 s after a page is shown.
          if (t - shownAt < 1300) countUp.push(delta)
          if (t < end) requestAnimationFrame(frame)
          else {
            observer.disconnect()
            resolve({ all, countUp })
          }
        })
      }),
    seconds,
  )
}

export async function screen({ url, runs }: { url: string; runs: number }) {
  const sessions = Math.min(runs, 3)
  const ready: number[] = []
  const painted: number[] = []
  for (let r = 0; r < sessions; r++) {
    const browser = await launchChromium({ width: 3840, height: 2160 })
    try {
      const page = await browser.context.newPage()
      await page.addInitScript(KEEP_NAMES_SHIM)
      await page.goto(`${url}#/screen?interval=1.5`)
      await waitForMark(page, 'app-ready')
      await waitForMark(page, 'data-ready')
      const t = await rotationTimes(page, ROTATIONS)
      ready.push(...t.ready)
      painted.push(...t.painted)
    } finally {
      await browser.close()
    }
  }
  const frames: number[] = []
  const countUpFrames: number[] = []
  for (let r = 0; r < sessions; r++) {
    const browser = await launchChromium({ width: 1920, height: 1080 })
    try {
      const page = await browser.context.newPage()
      await page.addInitScript(KEEP_NAMES_SHIM)
      // Two pages with count-ups and scrolling lists, alternating every 3 s.
      await page.goto(`${url}#/screen?pages=overview,supervision&interval=3`)
      await waitForMark(page, 'app-ready')
      await waitForMark(page, 'data-ready')
      const f = await frameTimes(page, 15)
      frames.push(...f.all)
      countUpFrames.push(...f.countUp)
    } finally {
      await browser.close()
    }
  }
  const over = (list: number[], ms: number) => list.filter((d) => d > ms).length
  const result = {
    sessions,
    rotation3840: { toReady: summarize(ready), toPaint: summarize(painted) },
    frames1920: {
      all: {
        ...summarize(frames),
        values: undefined,
        over50: over(frames, 50),
        over33: over(frames, 33.4),
        frames: frames.length,
      },
      countUp: {
        ...summarize(countUpFrames),
        values: undefined,
        over50: over(countUpFrames, 50),
        over33: over(countUpFrames, 33.4),
        frames: countUpFrames.length,
      },
    },
  }
  console.log(`\nBig screen, ${sessions} sessions:`)
  console.table({
    'rotation 3840×2160 → page-ready': `${describe(result.rotation3840.toReady)} · p95 ${result.rotation3840.toReady.p95}ms`,
    'rotation 3840×2160 → painted': `${describe(result.rotation3840.toPaint)} · p95 ${result.rotation3840.toPaint.p95}ms`,
    'frames 1920×1080, all': `median ${result.frames1920.all.median}ms, p95 ${result.frames1920.all.p95}ms, max ${result.frames1920.all.max}ms, >50ms: ${result.frames1920.all.over50}/${frames.length}`,
    'frames during count-up': `median ${result.frames1920.countUp.median}ms, p95 ${result.frames1920.countUp.p95}ms, max ${result.frames1920.countUp.max}ms, >50ms: ${result.frames1920.countUp.over50}/${countUpFrames.length}`,
  })
  return result
}
