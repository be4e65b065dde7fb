import { useMemo } from 'react'

import { type LiveColumn, tableColumnsSql } from '../../explore/catalog-sql'
import { ROW_POSITION } from '../../queries/browse'
import { QueryGrid } from '../grid/QueryGrid'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { liveColumns, liveTypeLabel } from './cells'

/**
 * An uploaded ad-hoc table: it has no registry entry, so its columns and types come from
 * DuckDB's own catalog, and every row is in the same virtualised grid that sorts and
 * filters in the database. Names from the file are shown as text.
 */
export function AdhocDetail({ name }: { readonly name: string }) {
  const tables = useMemo(() => [name], [name])
  const schema = useWidgetQuery<Pick<LiveColumn, 'column' | 'type'>>({ tables, sql: tableColumnsSql(name) })
  const columns = useMemo(() => (schema.state === 'ready' ? liveColumns(schema.rows) : null), [schema])
  const source = useMemo(() => ({ table: name }), [name])
  // No key of its own: the row's position in the table makes the order total, so paging is stable
  // (not the name rowid: the file may have a column of that name).
  const tiebreak = useMemo(() => [ROW_POSITION], [])
  return (
    <div className="dataset-detail">
      <WidgetFrame
        id="adhoc-schema"
        title={`${name}（上传的临时表）`}
        subtitle="字段和类型由上传时的取值判断"
        state={schema.state}
        tables={tables}
        error={schema.state === 'error' ? schema.message : undefined}
      >
        {schema.state === 'ready' && (
          <details className="schema" open>
            <summary>字段（{schema.rows.length}） · 无主键，按上传时的行序</summary>
            <table className="schema-table">
              <thead>
                <tr>
                  <th scope="col">列名</th>
                  <th scope="col">类型</th>
                </tr>
              </thead>
              <tbody>
                {schema.rows.map((c) => (
                  <tr key={c.column}>
                    <td>
                      <code>{c.column}</code>
                    </td>
                    <td>
                      {liveTypeLabel(c.type)} <code className="muted">{c.type}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </WidgetFrame>
      {columns && (
        <QueryGrid
          id="dataset-preview"
          title={`${name}数据预览`}
          tables={tables}
          source={source}
          columns={columns}
          tiebreak={tiebreak}
          height={460}
        />
      )}
    </div>
  )
}
