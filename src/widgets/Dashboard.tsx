import { createElement, type ReactNode } from 'react'

import type { FilterSet } from '../queries/filters'
import type { DeskPage } from '../specs/page'
import type { Spec } from '../specs/types'
import { useFilters } from '../state/filters'
import { FilterBar, usePagePrefetch } from './filters/FilterBar'
import { KpiRow } from './kpi/KpiCards'
import { Narrative } from './Narrative'
import { SpecChart } from './SpecChart'

/** A view of its own for a spec (a chart with controls, a table with its columns), given the page's filters. */
export type View = (props: { readonly filters: FilterSet }) => ReactNode

export interface DashboardProps {
  readonly page: DeskPage
  /** Views of their own, by spec id; a chart without one is drawn from its spec. */
  readonly views?: Readonly<Record<string, View>>
  /** In place of the page's lede (the Overview's says how recent the data is). */
  readonly lede?: ReactNode
  /** Over the page (a drawer). */
  readonly children?: ReactNode
}

/**
 * A dashboard page, drawn from its definition: its title, its narrative, the filter bar, its
 * headline figures and its grid of views. While the page is idle, the views one click away —
 * each value of each dimension its charts cross-filter by — are fetched ahead.
 */
export function Dashboard({ page, views = {}, lede = page.lede, children }: DashboardProps) {
  const filters = useFilters()
  usePagePrefetch(page, filters)
  const viewOf = (spec: Spec) => {
    const own = views[spec.id]
    if (own) return createElement(own, { filters })
    if (spec.kind === 'chart') return <SpecChart spec={spec} filters={filters} />
    if (spec.kind === 'narrative') return <Narrative spec={spec} filters={filters} />
    throw new Error(`No view for ${spec.id} on ${page.path}`)
  }
  return (
    <div className={`page page--${page.path === '/' ? 'overview' : page.path.slice(1)}`}>
      <header className="page__head">
        <h2>{page.title}</h2>
        {lede && <p className="page__lede">{lede}</p>}
      </header>
      {viewOf(page.narrative)}
      <FilterBar filters={filters} anchor={page.anchor} german={page.german} places={page.places} />
      {page.figures && <KpiRow specs={page.figures} filters={filters} />}
      <div className="grid">
        {page.grid.map(([span, spec]) => (
          <div key={spec.id} className={`span-${span}`}>
            {viewOf(spec)}
          </div>
        ))}
      </div>
      {children}
    </div>
  )
}
