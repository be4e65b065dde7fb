import { useCallback, useMemo } from 'react'

import type { FilterSet } from '../queries/filters'
import { type ChartSpec, selectedIn, viewQuery } from '../specs/types'
import { setParam, toggleFilter } from '../state/filters'
import { usePrefetchQueries } from '../state/prefetch'
import type { ChartSelection } from '../ui/EChart'
import { ChartWidget, type ChartWidgetProps } from './ChartWidget'

type Overrides<R> = Partial<
  Pick<ChartWidgetProps<R>, 'option' | 'maps' | 'subtitle' | 'emptyText' | 'actions' | 'footer' | 'className'>
>

export interface SpecChartProps<R> extends Overrides<R> {
  readonly spec: ChartSpec<R>
  readonly filters: FilterSet
}

/**
 * A chart on the desk, drawn from its spec: its query for the page's filters, the selection
 * it highlights and sets with a click, and its query for any filters, so the page can fetch
 * the views one click away. A view with state of its own (the town map's boundaries) passes
 * its option, maps or words in place of the spec's.
 */
export function SpecChart<R>({ spec, filters, ...own }: SpecChartProps<R>) {
  const query = useMemo(() => viewQuery(spec, filters), [spec, filters])
  usePrefetchQueries((f) => [viewQuery(spec, f)])
  const cross = spec.crossFilter
  const onSelect = useMemo(() => {
    if (spec.drill === 'point') return (s: ChartSelection) => setParam('point', s.key)
    if (cross) return (s: ChartSelection) => void (s.key && toggleFilter(cross.dimension, s.key))
    return undefined
  }, [spec.drill, cross])
  const subtitle = useCallback((rows: readonly R[]) => spec.subtitle?.(rows, filters) ?? '', [spec, filters])
  return (
    <ChartWidget<R>
      spec={spec}
      id={spec.id}
      title={spec.title}
      subtitle={subtitle}
      tables={query.tables}
      sql={query}
      option={spec.option}
      {...(spec.isEmpty ? { isEmpty: spec.isEmpty } : {})}
      {...(spec.emptyText ? { emptyText: spec.emptyText } : {})}
      {...(spec.maps ? { maps: spec.maps } : {})}
      {...(spec.height ? { height: spec.height } : {})}
      // A chart not filtered by its own selection shows it highlighted.
      {...(cross?.cross ? { selected: selectedIn(spec, filters) } : {})}
      {...(onSelect ? { onSelect } : {})}
      {...own}
    />
  )
}
