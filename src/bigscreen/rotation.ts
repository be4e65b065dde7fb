/**
 * Page rotation for the kiosk: advances every `interval` seconds; pauses while someone
 * interacts and resumes on its own after `resumeAfter` seconds of quiet. One timer at a
 * time, and stop() clears it: a screen left running for days does not pile up timers.
 */
export interface RotationOptions {
  readonly count: number
  readonly interval: number
  readonly resumeAfter: number
  readonly start?: number
  readonly onChange: (index: number) => void
  /** Timers, injectable for tests. */
  readonly timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void }
}

export class Rotation {
  private index: number
  private timer: unknown = null
  private paused = false
  private manual = false
  private running = false
  private readonly set: (fn: () => void, ms: number) => unknown
  private readonly clear: (handle: unknown) => void

  constructor(private readonly options: RotationOptions) {
    this.index = options.start ?? 0
    this.set = options.timers?.set ?? ((fn, ms) => setTimeout(fn, ms))
    this.clear = options.timers?.clear ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  }

  get current(): number {
    return this.index
  }

  /** Paused by a person (space) or by interaction. */
  get isPaused(): boolean {
    return this.paused
  }

  start() {
    this.running = true
    this.schedule(this.options.interval)
  }

  stop() {
    this.running = false
    this.cancel()
  }

  next() {
    this.go(this.index + 1)
  }

  previous() {
    this.go(this.index - 1)
  }

  go(index: number) {
    const n = this.options.count
    this.index = ((index % n) + n) % n
    this.options.onChange(this.index)
    if (this.running) this.schedule(this.paused ? this.options.resumeAfter : this.options.interval)
  }

  /** Someone is using the screen: hold the page, and resume after a quiet spell. */
  interact() {
    if (!this.running || this.manual) return
    this.paused = true
    this.schedule(this.options.resumeAfter)
  }

  /** Space: pause until space again. */
  toggle() {
    this.manual = !this.manual
    this.paused = this.manual
    if (this.manual) this.cancel()
    else if (this.running) this.schedule(this.options.interval)
  }

  private schedule(seconds: number) {
    this.cancel()
    this.timer = this.set(() => this.tick(), seconds * 1000)
  }

  private tick() {
    this.timer = null
    if (this.manual) return
    if (this.paused) {
      // Quiet long enough: carry on from here.
      this.paused = false
      this.schedule(this.options.interval)
      return
    }
    this.go(this.index + 1)
  }

  private cancel() {
    if (this.timer !== null) this.clear(this.timer)
    this.timer = null
  }
}
