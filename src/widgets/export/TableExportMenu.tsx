import { useRef } from 'react'

import type { ExportTable } from '../../export/table'
import { TaskStatus, useExportTask } from './useExportTask'

import './export.css'

export interface TableExportMenuProps {
  readonly id: string
  readonly title: string
  readonly subtitle?: string
  /** Every row of the table as it is sorted and filtered now, not only the rows on screen. */
  readonly fetchTable: () => Promise<ExportTable>
}

/** A table's export menu: CSV (UTF-8 with BOM) or XLSX, Chinese headers with units, numbers as numbers. */
export function TableExportMenu({ id, title, subtitle, fetchTable }: TableExportMenuProps) {
  const menu = useRef<HTMLDetailsElement>(null)
  const { state, run } = useExportTask()
  const act = (ext: 'csv' | 'xlsx') => () => {
    if (menu.current) menu.current.open = false
    void run('导出数据', async () => {
      const [table, actions] = await Promise.all([fetchTable(), import('./actions')])
      await actions.exportTable(table, ext, title, subtitle)
    })
  }
  return (
    <div className="export-menu">
      <details className="export-menu__details" ref={menu} data-export-menu={id}>
        <summary className="export-menu__button" aria-label={`导出：${title}`} title="导出表格数据">
          导出
        </summary>
        <div className="export-menu__panel" role="menu" aria-label="导出">
          <button
            type="button"
            role="menuitem"
            disabled={state.kind === 'working'}
            data-export="csv"
            onClick={act('csv')}
          >
            CSV（Excel 可直接打开）
          </button>
          <button
            type="button"
            role="menuitem"
            disabled={state.kind === 'working'}
            data-export="xlsx"
            onClick={act('xlsx')}
          >
            Excel（XLSX）
          </button>
        </div>
      </details>
      <TaskStatus state={state} />
    </div>
  )
}
