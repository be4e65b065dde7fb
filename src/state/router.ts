import { useSyncExternalStore } from 'react'

/**
 * Hash routing: "#/datasets?year=2026". The hash keeps dist/ working from any sub-path of a
 * static intranet server (no rewrite rules), and a view with its filters is one bookmark.
 */
export interface Route {
  readonly path: string
  readonly params: URLSearchParams
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/'
  const [path = '/', query = ''] = raw.split('?', 2)
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(query) }
}

let current = parse(typeof location === 'undefined' ? '' : location.hash)
let currentHash = typeof location === 'undefined' ? '' : location.hash
const listeners = new Set<() => void>()

/**
 * One hashchange listener for the whole app, which tells every subscriber in one go: with a
 * listener per component, React re-rendered the page once per listener (it renders between
 * event listeners), four times for one click.
 */
function update(hash: string) {
  if (hash === currentHash) return
  currentHash = hash
  current = parse(hash)
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('hashchange', onHashChange)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange)
  }
}

function onHashChange() {
  update(location.hash)
}

export function useRoute(): Route {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  )
}

export function href(path: string, params?: URLSearchParams): string {
  const q = params?.toString()
  return `#${path}${q ? `?${q}` : ''}`
}

/**
 * Goes to a view: the URL changes (a history entry, as before), and the view follows at
 * once rather than a task later when the browser fires hashchange (which then finds the
 * route already current).
 */
export function navigate(path: string, params?: URLSearchParams) {
  const hash = href(path, params)
  location.hash = hash
  // The browser's own spelling of the new hash (it may encode what `hash` did not).
  update(location.hash)
}
