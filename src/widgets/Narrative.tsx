import type { FilterSet } from '../queries/filters'
import type { NarrativeSpec } from '../specs/types'
import { useNarrativeExport } from './export/narratives'
import { useSpecView } from './useSpecView'
import { WidgetFrame } from './WidgetFrame'

/** A page's opening sentences, written from the same data as its charts. */
export function Narrative<R>({ spec, filters }: { readonly spec: NarrativeSpec<R>; readonly filters: FilterSet }) {
  const { data, frame, query } = useSpecView(spec, filters)
  const text =
    data.state === 'ready'
      ? spec.compose(data.rows[0]!)
      : data.state === 'loading' && data.stale
        ? spec.compose(data.stale[0]!)
        : null
  useNarrativeExport(frame.id, query.tables, text)
  return (
    <WidgetFrame
      emptyText="所选范围内尚无数据，无法生成综述。"
      {...frame}
      className="widget--narrative"
      showStale={text !== null}
    >
      <p className="narrative" data-testid="narrative">
        {text}
      </p>
    </WidgetFrame>
  )
}
