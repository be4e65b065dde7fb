import type { ReactNode } from 'react'

import { sampleTablesIn, useCatalog } from '../state/catalog'
import { useViewState } from '../state/readiness'
import { useChartSurface } from '../ui/echart/surface'
import type { WidgetState } from './useWidgetQuery'

export interface WidgetFrameProps {
  /** Stable id for tests and monitoring: data-widget. */
  readonly id: string
  readonly title: string
  /** Unit and period, e.g. "亿元 · 2026年1—10月". */
  readonly subtitle?: string
  readonly state: WidgetState
  /** Tables the widget shows, to mark it 示例数据 while any is the embedded sample. */
  readonly tables: readonly string[]
  readonly error?: string
  readonly emptyText?: string
  readonly className?: string
  /** Show the children even though the state is loading: a previous answer, or a chart still drawing. */
  readonly showStale?: boolean
  /**
   * When empty, keep the children mounted but invisible under the message (a chart keeps its
   * instance and its place, and the next answer updates it instead of building a new one).
   */
  readonly keepWhenEmpty?: boolean
  /** Extra controls in the header (export menu, a threshold input). */
  readonly actions?: ReactNode
  readonly children?: ReactNode
}

/** Every widget's frame: title, state attributes, and calm loading/empty/error states. */
export function WidgetFrame({
  id,
  title,
  subtitle,
  state,
  tables,
  error,
  emptyText,
  className,
  showStale,
  keepWhenEmpty,
  actions,
  children,
}: WidgetFrameProps) {
  useViewState(state)
  const snapshot = useCatalog()
  const surface = useChartSurface()
  // Figures on screen that are not current: the engine is being replaced, or the last query failed.
  const stale = snapshot.engine.status === 'restarting' || (state === 'error' && showStale === true)
  const sample = sampleTablesIn(snapshot, tables).length > 0
  const kept = state === 'empty' && keepWhenEmpty === true
  return (
    <section
      className={`widget widget--${state} ${className ?? ''}`}
      data-widget={id}
      data-state={state}
      data-stale={stale || undefined}
      aria-busy={state === 'loading'}
    >
      <header className="widget__head">
        <h3 className="widget__title">{title}</h3>
        {actions}
        {stale && (
          <span
            className="tag tag--stale"
            title={snapshot.engine.status === 'restarting' ? snapshot.engine.reason : error}
          >
            暂停更新
          </span>
        )}
        {sample && (
          <span className="tag tag--sample" title="此组件使用的是内置示例数据，不是真实统计">
            示例数据
          </span>
        )}
      </header>
      {subtitle && state !== 'error' && <p className="widget__subtitle">{subtitle}</p>}
      {state === 'loading' && !showStale && <div className="widget__placeholder" aria-label="加载中" />}
      {state === 'error' && !showStale && (
        // On the big screen a failure is a calm placeholder; the panel asks again by itself.
        <p
          className={`widget__message ${surface.screen ? 'widget__message--calm' : 'widget__message--error'}`}
          role={surface.screen ? 'status' : 'alert'}
          title={surface.screen ? error : undefined}
        >
          {surface.screen ? '数据暂不可用，稍后自动重试' : (error ?? '数据暂不可用')}
        </p>
      )}
      {state === 'empty' && !keepWhenEmpty && <p className="widget__message">{emptyText ?? '所选范围内没有数据'}</p>}
      {(state === 'ready' || ((state === 'loading' || state === 'error') && showStale) || kept) && (
        // One element in one place whatever the state, so the children (a chart) are never re-created.
        <div className={`widget__body${kept ? ' widget__body--kept' : ''}`}>
          {kept && <p className="widget__message">{emptyText ?? '所选范围内没有数据'}</p>}
          {children}
        </div>
      )}
    </section>
  )
}
