import { useState } from 'react'

import type { ResultBounds } from '../../explore/bounded-result'
import { downloadBlob } from '../../export/download'
import { useCoordinator } from '../../state/coordinator-context'
import { type CutCell, fullCellText } from './console-run'

const fileNameFor = (cell: CutCell) => `查询结果_第${cell.row + 1}行_${cell.name.replace(/[\\/:*?"<>|\s]+/g, '_')}.txt`

/**
 * The cells the console shows cut, each with its full length and a button that downloads the
 * whole value as a text file (read in pieces, never shown in the grid).
 */
export function CutCells({
  sql,
  bounds,
  cells,
  count,
}: {
  readonly sql: string
  readonly bounds: ResultBounds
  readonly cells: readonly CutCell[]
  readonly count: number
}) {
  const [status, setStatus] = useState<string | null>(null)
  const coordinator = useCoordinator()
  const download = async (cell: CutCell) => {
    const session = coordinator.session()
    if (!session) return setStatus('数据引擎尚未就绪，请稍候再试')
    setStatus(`正在下载第 ${cell.row + 1} 行“${cell.name}”的完整内容…`)
    try {
      downloadBlob(await fullCellText(await session, sql, cell, bounds), fileNameFor(cell))
      setStatus(`已下载第 ${cell.row + 1} 行“${cell.name}”的完整内容`)
    } catch (e) {
      setStatus(`下载失败：${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return (
    <div className="console-message console-message--warn" data-cut-cells={count}>
      <p>
        有 {count.toLocaleString('en-US')} 个单元格超过 {bounds.cellChars.toLocaleString('en-US')}{' '}
        个字符，表格中只显示开头部分（一次结果在页面中保留的文字总量有上限，以免浏览器崩溃）。完整内容可逐个下载：
      </p>
      <ul className="cut-cells">
        {cells.map((cell) => (
          <li key={`${cell.row}:${cell.column}`}>
            第 {cell.row + 1} 行 · 列“{cell.name}” · 共 {cell.length.toLocaleString('en-US')} 个字符{' '}
            <button type="button" className="button" data-action="download-cell" onClick={() => void download(cell)}>
              下载完整内容
            </button>
          </li>
        ))}
      </ul>
      {count > cells.length && <p className="muted">（只列出前 {cells.length} 个）</p>}
      {status && (
        <p role="status" data-cut-status>
          {status}
        </p>
      )}
    </div>
  )
}
