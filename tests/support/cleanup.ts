/**
 * Last-resort cleanup for a benchmark that is interrupted (Ctrl+C, `timeout`, a crash): the
 * temporary copies of dist/ are ~150 MB each and would otherwise pile up in /tmp.
 *
 * Cleanups run synchronously on 'exit'. A signal would end Node without an 'exit' event, and
 * Playwright's own SIGTERM handler closes the browsers but keeps the process alive, so a
 * signal is turned into an ordinary exit with the conventional 128+n status.
 */
const cleanups = new Set<() => void>()

let installed = false
function install() {
  if (installed) return
  installed = true
  process.on('exit', () => {
    for (const fn of cleanups) {
      try {
        fn()
      } catch {
        // Keep going: one failed removal must not leave the others behind.
      }
    }
  })
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => process.exit(code))
}

/** Registers a synchronous cleanup for an abnormal exit; call the returned function once it is done normally. */
export function onExit(fn: () => void): () => void {
  install()
  cleanups.add(fn)
  return () => cleanups.delete(fn)
}
