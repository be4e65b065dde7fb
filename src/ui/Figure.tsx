import type { ReactNode } from 'react'

export interface FigureProps {
  readonly value: string
  readonly unit?: string
  /** Lines under the figure: period, comparison, context. */
  readonly children?: ReactNode
  readonly title?: string
}

/** A headline figure: large number, small unit, captions below. */
export function Figure({ value, unit, children, title }: FigureProps) {
  return (
    <div className="figure" title={title}>
      <p className="figure__value">
        <span className="figure__number">{value}</span>
        {unit && <span className="figure__unit">{unit}</span>}
      </p>
      {children && <div className="figure__caption">{children}</div>}
    </div>
  )
}

export type Trend = 'up' | 'down' | 'flat' | 'none'

export function trendOf(ratio: number | null | undefined, flatBelow = 0.0005): Trend {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'none'
  if (Math.abs(ratio) < flatBelow) return 'flat'
  return ratio > 0 ? 'up' : 'down'
}

/** A change with its direction shown by colour and an arrow (red up, green down: the Chinese convention). */
export function Delta({ text, trend }: { readonly text: string; readonly trend: Trend }) {
  const arrow = trend === 'up' ? '▲' : trend === 'down' ? '▼' : ''
  return (
    <span className={`delta delta--${trend}`}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {text}
    </span>
  )
}

export function ProgressBar({ ratio, label }: { readonly ratio: number; readonly label: string }) {
  const pct = Math.max(0, Math.min(1, ratio)) * 100
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
    >
      <div className="progress__bar" style={{ width: `${pct}%` }} />
    </div>
  )
}
