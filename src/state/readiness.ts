/**
 * User Timing marks for tests and monitoring. `app-ready` is set once, the first time the
 * current page shows every widget settled (ready, empty or error); `page-ready:<path>` each
 * time a page first settles; `widgets-settled` every time the page settles again after a
 * change (a filter, a cross-filter click, new data) — what the cross-filter benchmark times.
 * A page reports its filters in `data-view`, so a change drawn entirely from cached answers
 * (no widget ever shows "loading") still marks a settle.
 */
const SETTLED = new Set(['ready', 'empty', 'error'])

/**
 * A mark that recurs (a settle, a rotation): kept, but not without bound — a screen left on
 * for weeks would otherwise grow the performance timeline by a few entries a minute.
 */
export function markRecurring(name: string, keep = 200) {
  if (performance.getEntriesByName(name, 'mark').length >= keep) performance.clearMarks(name)
  performance.mark(name)
}

export function markOnce(name: string) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}

/**
 * Every widget in `root` has settled. A page that has rendered with no widgets at all (the
 * upload page before a file is chosen) is settled too: there is nothing to wait for.
 */
export function allWidgetsSettled(root: ParentNode): boolean {
  for (const w of root.querySelectorAll('[data-widget]'))
    if (!SETTLED.has(w.getAttribute('data-state') ?? '')) return false
  return true
}

/** Watches the page `path` inside `root` for as long as it is shown. Returns a stop function. */
export function watchPageReady(root: HTMLElement, path: string): () => void {
  let firstDone = false
  let settled = false
  /**
   * `changed`: a widget's state, or the page's view (its filters), changed in this batch of
   * mutations. A cached answer can take a widget from ready to loading and back within one
   * batch, and a view whose answers were all at hand is drawn without any widget leaving
   * "ready", so "settled before and after" does not mean nothing happened.
   */
  const check = (changed = false) => {
    const page = root.querySelector(`[data-page="${CSS.escape(path)}"]`)
    const now = page !== null && allWidgetsSettled(page)
    if (now === settled && !(now && changed)) return
    settled = now
    root.toggleAttribute('data-page-ready', now)
    if (!now) return
    if (!firstDone) {
      firstDone = true
      markOnce('app-ready')
      markRecurring(`page-ready:${path}`)
    }
    markRecurring('widgets-settled')
  }
  const observer = new MutationObserver((records) => check(records.some((r) => r.type === 'attributes')))
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state', 'data-view'],
  })
  root.removeAttribute('data-page-ready')
  queueMicrotask(() => check())
  return () => observer.disconnect()
}
