import { describe, expect, it } from 'vitest'

import { DEFAULT_KIOSK, parseKiosk } from '../src/bigscreen/kiosk'
import { Rotation } from '../src/bigscreen/rotation'
import { fitCanvas } from '../src/bigscreen/scale'

const kiosk = (q: string, reduced = false) => parseKiosk(new URLSearchParams(q), reduced)

describe('kiosk settings from the URL', () => {
  it('reads pages, timings, theme, motion and layout', () => {
    expect(
      kiosk(
        'pages=clusters,overview&interval=15&refresh=600&theme=light&motion=off&layout=wide&resume=20&start=1&watchdog=5',
      ),
    ).toEqual({
      pages: ['clusters', 'overview'],
      interval: 15,
      refresh: 600,
      theme: 'light',
      motion: false,
      layout: 'wide',
      resumeAfter: 20,
      start: 1,
      watchdog: 5,
    })
  })
  it('falls back to defaults for anything malformed', () => {
    expect(kiosk('pages=nope,,<script>&interval=-3&refresh=abc&layout=huge&start=99&watchdog=0')).toEqual({
      ...DEFAULT_KIOSK,
      start: DEFAULT_KIOSK.pages.length - 1,
    })
  })
  it('turns motion off when the system asks for reduced motion', () => {
    expect(kiosk('', true).motion).toBe(false)
  })
})

describe('fitting the design canvas to a screen', () => {
  it.each([
    [1366, 768, 'fit', 768 / 1080],
    [1920, 1080, 'fit', 1],
    [2560, 1440, 'fit', 2560 / 1920],
    [3840, 2160, 'fit', 2],
    [5760, 2160, 'wide', 1.5],
    [7680, 2160, 'wide', 2],
  ] as const)('%i×%i: %s layout at scale %f, never squashed', (w, h, layout, scale) => {
    const fit = fitCanvas(w, h, 'auto')
    expect(fit.layout).toBe(layout)
    expect(fit.scale).toBeCloseTo(scale, 10)
    expect(fit.width * fit.scale).toBeLessThanOrEqual(w + 1e-9)
    expect(fit.height * fit.scale).toBeLessThanOrEqual(h + 1e-9)
  })
  it('letterboxes a wall shown with the 16:9 layout, centred', () => {
    const fit = fitCanvas(7680, 2160, 'fit')
    expect(fit).toMatchObject({ layout: 'fit', scale: 2, left: 1920, top: 0 })
  })
})

describe('page rotation', () => {
  function fakeTimers() {
    let now = 0
    const queue: { at: number; fn: () => void; id: number }[] = []
    let id = 0
    return {
      timers: {
        set: (fn: () => void, ms: number) => {
          queue.push({ at: now + ms, fn, id: ++id })
          return id
        },
        clear: (h: unknown) => {
          const i = queue.findIndex((q) => q.id === h)
          if (i >= 0) queue.splice(i, 1)
        },
      },
      advance(ms: number) {
        const until = now + ms
        for (;;) {
          queue.sort((a, b) => a.at - b.at)
          const next = queue[0]
          if (!next || next.at > until) break
          queue.shift()
          now = next.at
          next.fn()
        }
        now = until
      },
      pending: () => queue.length,
    }
  }

  it('visits the pages in order, wrapping around', () => {
    const t = fakeTimers()
    const seen: number[] = []
    const r = new Rotation({ count: 3, interval: 10, resumeAfter: 60, onChange: (i) => seen.push(i), timers: t.timers })
    r.start()
    t.advance(35_000)
    expect(seen).toEqual([1, 2, 0])
    expect(t.pending()).toBe(1)
  })

  it('pauses while someone interacts and resumes by itself', () => {
    const t = fakeTimers()
    const seen: number[] = []
    const r = new Rotation({ count: 3, interval: 10, resumeAfter: 30, onChange: (i) => seen.push(i), timers: t.timers })
    r.start()
    t.advance(5_000)
    r.interact()
    t.advance(25_000)
    expect(seen).toEqual([])
    t.advance(5_000) // 30 s of quiet: resume
    t.advance(10_000)
    expect(seen).toEqual([1])
  })

  it('holds on space until space again, and arrow keys still move', () => {
    const t = fakeTimers()
    const seen: number[] = []
    const r = new Rotation({ count: 3, interval: 10, resumeAfter: 30, onChange: (i) => seen.push(i), timers: t.timers })
    r.start()
    r.toggle()
    t.advance(120_000)
    expect(seen).toEqual([])
    r.previous()
    expect(seen).toEqual([2])
    r.toggle()
    t.advance(10_000)
    expect(seen).toEqual([2, 0])
  })

  it('leaves no timer behind when stopped', () => {
    const t = fakeTimers()
    const r = new Rotation({ count: 2, interval: 1, resumeAfter: 1, onChange: () => {}, timers: t.timers })
    r.start()
    for (let i = 0; i < 500; i++) {
      r.interact()
      t.advance(700)
    }
    expect(t.pending()).toBe(1)
    r.stop()
    expect(t.pending()).toBe(0)
  })
})
