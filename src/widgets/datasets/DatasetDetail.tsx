import { useMemo } from 'react'

import { requireTable } from '../../datasets/registry'
import type { ColumnDef } from '../../datasets/schema'
import { QueryGrid } from '../grid/QueryGrid'
import { registryColumns } from './cells'

const KIND_LABEL: Record<ColumnDef['kind'], string> = {
  id: '编号',
  text: '文本',
  category: '类别',
  integer: '整数',
  year: '年度',
  money: '金额',
  number: '数值',
  percent: '百分比',
  date: '日期',
  period: '月份',
  boolean: '是/否',
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

/** One table: its schema, and every row in a virtualised grid that sorts and filters in the database. */
export function DatasetDetail({ name }: { readonly name: string }) {
  const table = requireTable(name)
  const tables = useMemo(() => [name], [name])
  const columns = useMemo(() => registryColumns(table.columns), [table])
  const source = useMemo(() => ({ table: name }), [name])
  return (
    <div className="dataset-detail">
      <section className="card dataset-schema" aria-labelledby={`schema-${name}`}>
        <header className="card__head">
          <h3 id={`schema-${name}`}>
            {table.label}（{table.name}）
          </h3>
          <p className="muted">{table.description}</p>
        </header>
        <details className="schema" open>
          <summary>
            字段（{table.columns.length}） · 主键 {table.primaryKey.join(' + ')}
            {table.foreignKeys.length > 0 &&
              ` · 引用 ${table.foreignKeys.map((fk) => `${fk.column}→${fk.references.table}`).join('、')}`}
          </summary>
          <SchemaTable columns={table.columns} />
        </details>
      </section>
      <QueryGrid
        id="dataset-preview"
        title={`${table.label}数据预览`}
        tables={tables}
        source={source}
        columns={columns}
        tiebreak={table.primaryKey}
        height={460}
      />
    </div>
  )
}
