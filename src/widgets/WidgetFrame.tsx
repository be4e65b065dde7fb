import type { ReactNode } from 'react'
import { getTable } from '../datasets/registry'
import { useCatalog } from '../state/catalog'
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
  /** Extra controls in the header (export menu, a threshold input). */
  readonly actions?: ReactNode
  readonly children?: ReactNode
}

/** Every widget's frame: title, state attributes, and calm loading/empty/error states. */
export function WidgetFrame({ id, title, subtitle, state, tables, error, emptyText, className, showStale, actions, children }: WidgetFrameProps) {
  const snapshot = useCatalog()
  const sample = tables.some((name) => {
    const t = snapshot.tables[name]
    return getTable(name)?.provenance === 'sample' && t?.status === 'ready' && t.source === 'embedded'
  })
  return (
    <section className={`widget widget--${state} ${className ?? ''}`} data-widget={id} data-state={state} aria-busy={state === 'loading'}>
      <header className="widget__head">
        <h3 className="widget__title">{title}</h3>
        {actions}
        {sample && (
          <span className="tag tag--sample" title="此组件使用的是内置示例数据，不是真实统计">
            示例数据
          </span>
        )}
      </header>
      {subtitle && state !== 'error' && <p className="widget__subtitle">{subtitle}</p>}
      {state === 'loading' && !showStale && <div className="widget__placeholder" aria-label="加载中" />}
      {state === 'error' && (
        <p className="widget__message widget__message--error" role="alert">
          {error ?? '数据暂不可用'}
        </p>
      )}
      {state === 'empty' && <p className="widget__message">{emptyText ?? '所选范围内没有数据'}</p>}
      {(state === 'ready' || (state === 'loading' && showStale)) && <div className="widget__body">{children}</div>}
    </section>
  )
}
