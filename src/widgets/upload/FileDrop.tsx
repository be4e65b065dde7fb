import { useRef, useState } from 'react'

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
      <p className="file-drop__title">把 CSV 文件拖到这里，或</p>
      <button type="button" className="button button--primary" onClick={() => input.current?.click()}>
        选择文件
      </button>
      <p className="muted file-drop__hint">
        支持 Excel 导出的 CSV（GB18030/GBK、UTF-8、UTF-16“Unicode
        文本”），逗号、制表符、分号或竖线分隔，也可一次选多个文件。文件只在本机浏览器中处理，不会上传到任何服务器。
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.gz,text/csv,text/plain"
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
