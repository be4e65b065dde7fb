import { useRef, useState } from 'react'

import { limitsText } from '../../ingest/xlsx/limits'

/** Drag files here or pick them; several at once. */
export function FileDrop({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        const files = [...e.dataTransfer.files]
        if (files.length) onFiles(files)
      }}
    >
      <p className="file-drop__title">把 Excel 工作簿（.xlsx）或 CSV 文件拖到这里，或</p>
      <button type="button" className="button button--primary" onClick={() => input.current?.click()}>
        选择文件
      </button>
      <p className="muted file-drop__hint">
        支持 Excel/WPS 保存的 .xlsx
        工作簿（含标题行、单位行、合并表头、合计行的报表；一次拖入多个工作簿即合并为一次导入）， 以及 Excel 导出的
        CSV（GB18030/GBK、UTF-8、UTF-16“Unicode
        文本”），逗号、制表符、分号或竖线分隔。文件只在本机浏览器中处理，不会上传到任何服务器。
      </p>
      <p className="muted file-drop__hint" data-testid="xlsx-limits">
        {limitsText()}。旧版 .xls 和 WPS .et 请先另存为 .xlsx。
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.gz,.xlsx,.xlsm,.xls,.et,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="upload-input"
        className="file-drop__input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length) onFiles(files)
        }}
      />
    </div>
  )
}
