import { useMemo, useState } from 'react'

import { queryColumnsSql } from '../../explore/catalog-sql'
import { tablesRead } from '../../explore/chart-sql'
import { missingColumns, missingTableOrColumns } from '../../explore/pin-check'
import type { Pin } from '../../explore/pins'
import { checkStatement } from '../../explore/statement'
import { useCatalog } from '../../state/catalog'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { BuiltChart } from './BuiltChart'
import { pinActions } from './stores'
import type { LiveCatalog } from './useLiveCatalog'

function PinControls({
  pin,
  index,
  count,
  onRename,
}: {
  readonly pin: Pin
  readonly index: number
  readonly count: number
  readonly onRename: () => void
}) {
  return (
    <span className="pin-controls">
      <button
        type="button"
        className="icon-button"
        title="上移"
        aria-label={`上移“${pin.spec.title}”`}
        disabled={index === 0}
        onClick={() => pinActions.move(pin.id, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        title="下移"
        aria-label={`下移“${pin.spec.title}”`}
        disabled={index === count - 1}
        onClick={() => pinActions.move(pin.id, 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        title="重命名"
        aria-label={`重命名“${pin.spec.title}”`}
        data-action="rename"
        onClick={onRename}
      >
        ✎
      </button>
      <button
        type="button"
        className="icon-button"
        title="从看板移除"
        aria-label={`移除“${pin.spec.title}”`}
        data-action="remove"
        onClick={() => pinActions.remove(pin.id)}
      >
        ✕
      </button>
    </span>
  )
}

/** The columns a query pin's SQL returns now; asked through the coordinator like any view. */
function useQueryColumns(pin: Pin) {
  const checked = pin.spec.source.kind === 'query' ? checkStatement(pin.spec.source.sql) : null
  const sql = checked?.ok ? queryColumnsSql(checked.sql) : null
  const loaded = Object.keys(useCatalog().tables).join('\u0000')
  const tables = useMemo(() => tablesRead(pin.spec.source, loaded.split('\u0000')), [pin.spec.source, loaded])
  return useWidgetQuery<{ column: string }>({ tables, sql })
}

/**
 * One chart on 我的看板. Before drawing, it checks that its table and columns are still
 * there and says which is missing if not; a query pin is checked by describing its query.
 */
export function PinnedChart({
  pin,
  index,
  count,
  live,
}: {
  readonly pin: Pin
  readonly index: number
  readonly count: number
  readonly live: LiveCatalog & { readonly settled: boolean }
}) {
  const [renaming, setRenaming] = useState(false)
  const [draft, setDraft] = useState(pin.spec.title)
  const queryColumns = useQueryColumns(pin)
  const id = `pin-${index}`
  const controls = <PinControls pin={pin} index={index} count={count} onRename={() => setRenaming((r) => !r)} />

  let problem: string | null = null
  let waiting = false
  if (pin.spec.source.kind === 'table') {
    if (live.status === 'error') problem = `无法读取数据表目录：${live.message}`
    else if (live.status !== 'ready' || !live.settled) waiting = true
    else problem = missingTableOrColumns(pin.spec, live.tables)
  } else {
    const checked = checkStatement(pin.spec.source.sql)
    if (!checked.ok) problem = checked.reason
    else if (queryColumns.state === 'error')
      problem = `这张图的查询无法执行：${queryColumns.detail ?? queryColumns.message}`
    else if (queryColumns.state === 'loading') waiting = true
    else
      problem = missingColumns(
        pin.spec,
        queryColumns.rows.map((r) => r.column),
      )
  }

  return (
    <div
      className="pin"
      data-pin={pin.id}
      data-pin-title={pin.spec.title}
      data-pin-problem={problem ? 'true' : undefined}
    >
      {renaming && (
        <form
          className="pin-rename"
          onSubmit={(e) => {
            e.preventDefault()
            pinActions.rename(pin.id, draft)
            setRenaming(false)
          }}
        >
          <input aria-label="新标题" value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="button button--primary">
            保存
          </button>
          <button type="button" className="button" onClick={() => setRenaming(false)}>
            取消
          </button>
        </form>
      )}
      {problem ? (
        <WidgetFrame id={id} title={pin.spec.title} state="error" tables={[]} error={problem} actions={controls} />
      ) : waiting ? (
        <WidgetFrame id={id} title={pin.spec.title} state="loading" tables={[]} actions={controls} />
      ) : (
        <BuiltChart id={id} spec={pin.spec} actions={controls} />
      )}
    </div>
  )
}
