import { type TestHooks, testHooks } from '../../src/lib/test-hooks'

export type { IngestTiming } from '../../src/lib/test-hooks'

const flag = globalThis as { __OBSERVATORY_TEST__?: boolean; __observatory?: TestHooks }

/** Sets the test flag (as a browser test's init script does) and returns the app's test hooks. */
export function enableTestHooks(): TestHooks {
  flag.__OBSERVATORY_TEST__ = true
  return testHooks()!
}

/** Clears the flag and the hooks: nothing is kept or looked at any more. */
export function disableTestHooks(): void {
  delete flag.__OBSERVATORY_TEST__
  delete flag.__observatory
}
