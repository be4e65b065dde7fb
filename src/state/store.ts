/** A minimal external store for useSyncExternalStore: immutable snapshots, change listeners. */
export class Store<S> {
  private listeners = new Set<() => void>()

  constructor(private state: S) {}

  get = (): S => this.state

  set(update: S | ((prev: S) => S)): void {
    const next = typeof update === 'function' ? (update as (prev: S) => S)(this.state) : update
    if (Object.is(next, this.state)) return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
