import { useEffect, useRef, useState } from 'react'

export interface CountUpProps {
  readonly value: number
  /** Text for a number: the same formatter the still figure uses. */
  readonly render: (value: number) => string
  readonly durationMs?: number
  readonly enabled?: boolean
  readonly className?: string
}

/**
 * A number that counts from its previous value to the new one (ease-out), and from zero
 * each time it is switched on (a kiosk page coming into view). One animation frame loop at
 * a time, cancelled on change and on unmount; off, it simply shows the value.
 */
export function CountUp({ value, render, durationMs = 1200, enabled = true, className }: CountUpProps) {
  const [shown, setShown] = useState(enabled ? 0 : value)
  const current = useRef(shown)
  const wasEnabled = useRef(enabled)

  useEffect(() => {
    const switchedOn = enabled && !wasEnabled.current
    wasEnabled.current = enabled
    if (!enabled || !Number.isFinite(value)) {
      current.current = value
      setShown(value)
      return
    }
    const start = performance.now()
    const origin = switchedOn ? 0 : current.current
    let frame = requestAnimationFrame(function step(now) {
      const t = Math.min(1, (now - start) / durationMs)
      const eased = 1 - (1 - t) ** 3
      const next = origin + (value - origin) * eased
      current.current = next
      setShown(next)
      if (t < 1) frame = requestAnimationFrame(step)
    })
    return () => cancelAnimationFrame(frame)
  }, [value, durationMs, enabled])

  return (
    <span className={className} data-value={value}>
      {render(shown)}
    </span>
  )
}
