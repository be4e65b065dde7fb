import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { EChart, preloadEChart } from '../src/ui/EChart'

describe('a chart whose code has arrived', () => {
  it('is drawn in the render that shows it, not after a placeholder (which React reveals up to 300 ms later)', async () => {
    await preloadEChart()
    const html = renderToString(<EChart label="各产业集群产值" option={{ series: [] }} theme="light" height={240} />)
    expect(html).toContain('role="img"')
    expect(html).toContain('aria-label="各产业集群产值"')
    expect(html).not.toContain('echart--loading')
  })
})
