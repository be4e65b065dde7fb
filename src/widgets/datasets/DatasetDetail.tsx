import { useCallback, useMemo, useState } from 'react'
import { requireTable } from '../../datasets/registry'
import type { ColumnDef } from '../../datasets/schema'
import { browseSql, countSql } from '../../queries/browse'
import { coordinator } from '../../state/coordinator'
import { DataTable, type SortingState, type WindowResult } from '../../ui/DataTable'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'
import { registryColumns } from './cells'

const KIND_LABEL: Record<ColumnDef['kind'], string> = {
  id: '编号', text: '文本', category: '类别', integer: '整数', year: '年度', money: '金额', number: '数值', percent: '百分比', date: '日期', period: '月份', boolean: '是/否',
}

function SchemaTable({ columns }: { readonly columns: readonly ColumnDef[] }) {
  return (
    <table className="schema-table">
      <thead>
        <tr>
          <th scope="col">中文名</th>
          <th scope="col">列名</th>
          <th scope="col">类型</th>
          <th scope="col">单位</th>
          <th scope="col">必填</th>
          <th scope="col">说明</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.name}>
            <td>{c.label}</td>
            <td>
              <code>{c.name}</code>
            </td>
            <td>
              {KIND_LABEL[c.kind]} <code className="muted">{c.type}</code>
            </td>
            <td>{c.unit ?? ''}</td>
            <td>{c.required ? '是' : ''}</td>
            <td className="muted">{c.values ? `取值：${c.values.join('、')}` : (c.description ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** One table: its schema and a virtualised, sortable preview of every row. */
export function DatasetDetail({ name }: { readonly name: string }) {
  const table = requireTable(name)
  const tables = useMemo(() => [name], [name])
  const count = useWidgetQuery<{ rows: number }>({ tables, sql: countSql(name) }, () => false)
  const [sorting, setSorting] = useState<SortingState>([])
  const columns = useMemo(() => registryColumns(table.columns), [table])
  const fetchWindow = useCallback(
    async (offset: number, limit: number): Promise<WindowResult> => {
      const r = await coordinator.query(browseSql({ table: name, sort: sorting, tiebreak: table.primaryKey, offset, limit }), tables)
      return r.ok ? { ok: true, rows: r.value } : { ok: false, error: r.error.message }
    },
    [name, sorting, table.primaryKey, tables],
  )
  const rowCount = count.state === 'ready' ? count.rows[0]!.rows : null
  return (
    <WidgetFrame id="dataset-preview" title={`${table.label}（${table.name}）`} subtitle={table.description} state={count.state} tables={tables} error={count.state === 'error' ? count.message : undefined}>
      <details className="schema" open>
        <summary>
          字段（{table.columns.length}） · 主键 {table.primaryKey.join(' + ')}
          {table.foreignKeys.length > 0 && ` · 引用 ${table.foreignKeys.map((fk) => `${fk.column}→${fk.references.table}`).join('、')}`}
        </summary>
        <SchemaTable columns={table.columns} />
      </details>
      <DataTable label={`${table.label}数据预览`} columns={columns} rowCount={rowCount} fetchWindow={fetchWindow} sorting={sorting} onSortingChange={setSorting} height={460} />
    </WidgetFrame>
  )
}
