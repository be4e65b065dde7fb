// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'

import { sizeChanged } from '../src/ui/echart/EChartImpl'

/** A chart drawn at `drawn` on an element now laid out at `now` (jsdom lays nothing out itself). */
function chartOn(now: { width: number; height: number; padding?: string }, drawn: { width: number; height: number }) {
  const dom = document.createElement('div')
  if (now.padding) dom.style.padding = now.padding
  document.body.append(dom)
  Object.defineProperty(dom, 'clientWidth', { value: now.width })
  Object.defineProperty(dom, 'clientHeight', { value: now.height })
  return { getDom: () => dom, getWidth: () => drawn.width, getHeight: () => drawn.height }
}

describe('whether a chart needs drawing again when its element is observed', () => {
  it('does not when the element has the size the chart was drawn at (the report every observer makes when it starts)', () => {
    expect(sizeChanged(chartOn({ width: 699, height: 420 }, { width: 699, height: 420 }))).toBe(false)
  })

  it('does when the element is wider, narrower or of another height', () => {
    expect(sizeChanged(chartOn({ width: 1194, height: 420 }, { width: 699, height: 420 }))).toBe(true)
    expect(sizeChanged(chartOn({ width: 549, height: 420 }, { width: 699, height: 420 }))).toBe(true)
    expect(sizeChanged(chartOn({ width: 699, height: 260 }, { width: 699, height: 420 }))).toBe(true)
  })

  it('measures inside the padding, as the chart does', () => {
    expect(sizeChanged(chartOn({ width: 720, height: 440, padding: '10px' }, { width: 700, height: 420 }))).toBe(false)
    expect(sizeChanged(chartOn({ width: 720, height: 440, padding: '10px' }, { width: 720, height: 440 }))).toBe(true)
  })
})
