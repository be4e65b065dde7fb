import { afterEach, describe, expect, it } from 'vitest'

import { PageScope, watchPageReady } from '../src/state/readiness'

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve))
const marks = (name: string) => performance.getEntriesByName(name, 'mark').length

afterEach(() => performance.clearMarks())

describe("a page's readiness, from its views' states", () => {
  it('settles once every view has, not before the page is on screen, and marks it once per settle', async () => {
    const scope = new PageScope('/test')
    const stop = watchPageReady(scope)
    const a = {}
    const b = {}
    scope.report(a, 'loading')
    scope.report(b, 'ready')
    await tick()
    expect(scope.settled).toBe(false)
    scope.setMounted(true)
    await tick()
    expect(scope.settled).toBe(false)
    expect(marks('app-ready')).toBe(0)
    scope.report(a, 'empty')
    await tick()
    expect(scope.settled).toBe(true)
    expect([marks('app-ready'), marks('page-ready:/test'), marks('widgets-settled')]).toEqual([1, 1, 1])
    stop()
  })

  it('counts a view going to loading and back within one update as a new settle', async () => {
    const scope = new PageScope('/test')
    scope.setMounted(true)
    const view = {}
    scope.report(view, 'ready')
    const stop = watchPageReady(scope)
    await tick()
    expect(marks('widgets-settled')).toBe(1)
    // An answer at hand: the view passes through loading and back before anyone looks.
    scope.report(view, 'loading')
    scope.report(view, 'ready')
    await tick()
    expect(marks('widgets-settled')).toBe(2)
    // A change of filters drawn from answers at hand changes no view's state, and is a settle too.
    scope.viewChanged()
    await tick()
    expect(marks('widgets-settled')).toBe(3)
    expect(marks('app-ready')).toBe(1)
    stop()
  })

  it('has settled with no views at all once on screen, and waits again for a view that comes', async () => {
    const scope = new PageScope('/upload')
    scope.setMounted(true)
    expect(scope.settled).toBe(true)
    const card = {}
    scope.report(card, 'loading')
    expect(scope.settled).toBe(false)
    const settled = scope.whenSettled()
    scope.leave(card)
    await settled
    expect(scope.settled).toBe(true)
  })
})
