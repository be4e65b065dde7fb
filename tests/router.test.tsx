// @vitest-environment jsdom
import { act, Profiler } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { navigate, useRoute } from '../src/state/router'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** A widget that reads the route, as every widget on a page does (through useFilters). */
function Reader({ seen }: { seen: string[] }) {
  const route = useRoute()
  seen.push(route.params.toString())
  return null
}

describe('hash router', () => {
  let host: HTMLDivElement
  let root: ReturnType<typeof createRoot>
  let commits: number
  const seen: string[] = []

  beforeEach(async () => {
    location.hash = '#/clusters'
    await new Promise((r) => setTimeout(r, 0))
    host = document.createElement('div')
    document.body.append(host)
    root = createRoot(host)
    commits = 0
    seen.length = 0
    await act(async () =>
      root.render(
        <Profiler id="page" onRender={() => commits++}>
          {Array.from({ length: 8 }, (_, i) => (
            <Reader key={i} seen={seen} />
          ))}
        </Profiler>,
      ),
    )
    commits = 0
    seen.length = 0
  })
  afterEach(() => {
    act(() => root.unmount())
    host.remove()
  })

  it('re-renders a page of eight route readers in one commit when a click navigates, before the browser fires hashchange', async () => {
    await act(async () => navigate('/clusters', new URLSearchParams({ cluster: 'materials' })))
    expect(seen).toEqual(Array(8).fill('cluster=materials'))
    expect(commits).toBe(1)
    // The browser's own hashchange, which follows, finds the route already current.
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'))
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(commits).toBe(1)
    expect(location.hash).toBe('#/clusters?cluster=materials')
  })

  it('follows the back button (a hashchange it did not make) in one commit', async () => {
    await act(async () => {
      history.replaceState(null, '', '#/clusters?town=port')
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(seen).toEqual(Array(8).fill('town=port'))
    expect(commits).toBe(1)
  })
})
