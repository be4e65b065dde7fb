import { useSyncExternalStore } from 'react'

import { Store } from './store'

export type Theme = 'light' | 'dark'
const KEY = 'observatory-theme'

function initial(): Theme {
  if (typeof window === 'undefined') return 'light'
  // ?theme=dark works after the # (a route's own parameters) and before it (the page's query).
  const fromUrl =
    new URLSearchParams(location.hash.split('?')[1] ?? '').get('theme') ??
    new URLSearchParams(location.search).get('theme')
  if (fromUrl === 'light' || fromUrl === 'dark') return fromUrl
  try {
    return localStorage.getItem(KEY) === 'dark' ? 'dark' : 'light'
  } catch {
    return 'light'
  }
}

const store = new Store<Theme>(initial())

function apply(theme: Theme) {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme
}
apply(store.get())

export function setTheme(theme: Theme, remember = true) {
  store.set(theme)
  apply(theme)
  if (remember) {
    try {
      localStorage.setItem(KEY, theme)
    } catch {
      // Private mode or a locked-down browser: the choice lasts for this visit only.
    }
  }
}

export function useTheme(): Theme {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
