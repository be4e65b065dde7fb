import { type ReactNode, useEffect, useRef, useState } from 'react'

export interface TickerProps {
  readonly children: ReactNode
  /** Pixels per second. */
  readonly speed?: number
  readonly enabled?: boolean
  readonly label: string
}

/**
 * A list that scrolls upwards on its own when it is taller than its box, looping without a
 * jump (the content is shown twice). A CSS animation, so it costs no script per frame;
 * hovering pauses it. Off, or when everything fits, it is a plain list.
 */
export function Ticker({ children, speed = 30, enabled = true, label }: TickerProps) {
  const box = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const [overflow, setOverflow] = useState(0)

  useEffect(() => {
    const measure = () => {
      const b = box.current
      const c = content.current
      if (b && c) setOverflow(Math.max(0, c.offsetHeight - b.clientHeight))
    }
    measure()
    const observer = new ResizeObserver(measure)
    if (box.current) observer.observe(box.current)
    if (content.current) observer.observe(content.current)
    return () => observer.disconnect()
  }, [children])

  const scrolling = enabled && overflow > 0
  const height = content.current?.offsetHeight ?? 0
  return (
    <div className="ticker" ref={box} role="region" aria-label={label} data-scrolling={scrolling || undefined}>
      <div
        className="ticker__track"
        style={
          scrolling
            ? { animationDuration: `${Math.max(4, height / speed)}s`, ['--ticker-distance' as string]: `-${height}px` }
            : undefined
        }
      >
        <div ref={content}>{children}</div>
        {scrolling && <div aria-hidden="true">{children}</div>}
      </div>
    </div>
  )
}
