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

function subscribe(listener: () => void) {
  const onChange = () => {
    current = parse(location.hash)
    listener()
  }
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current, () => current)
}

export function href(path: string, params?: URLSearchParams): string {
  const q = params?.toString()
  return `#${path}${q ? `?${q}` : ''}`
}

export function navigate(path: string, params?: URLSearchParams) {
  location.hash = href(path, params)
}
