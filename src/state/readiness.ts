/**
 * User Timing marks for tests and monitoring. `app-ready` is set once, the first time the
 * current page shows every widget settled (ready, empty or error) after the data is loaded;
 * later page switches set `page-ready:<path>`.
 */
const SETTLED = new Set(['ready', 'empty', 'error'])

export function markOnce(name: string) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}

export function allWidgetsSettled(root: ParentNode): boolean {
  const widgets = root.querySelectorAll('[data-widget]')
  if (widgets.length === 0) return false
  for (const w of widgets) if (!SETTLED.has(w.getAttribute('data-state') ?? '')) return false
  return true
}

/** Watches `root` until every widget has settled, then marks. Returns a stop function. */
export function watchPageReady(
  root: HTMLElement,
  path: string,
  isDataReady: () => boolean,
  subscribeData: (listener: () => void) => () => void,
): () => void {
  let done = false
  const check = () => {
    if (done || !isDataReady() || !allWidgetsSettled(root)) return
    done = true
    markOnce('app-ready')
    performance.mark(`page-ready:${path}`)
    stop()
    root.setAttribute('data-page-ready', 'true')
  }
  const observer = new MutationObserver(check)
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })
  // The data can become ready after the last widget settled (a widget whose table failed).
  const unsubscribe = subscribeData(check)
  const stop = () => {
    observer.disconnect()
    unsubscribe()
  }
  root.removeAttribute('data-page-ready')
  queueMicrotask(check)
  return stop
}
