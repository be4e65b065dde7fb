import { useState } from 'react'

import { isWorkbookFile } from '../ingest/xlsx/client'
import { FileDrop } from '../widgets/upload/FileDrop'
import { StoredUploads } from '../widgets/upload/StoredUploads'
import { TemplateDownloads } from '../widgets/upload/TemplateDownloads'
import { UploadCard } from '../widgets/upload/UploadCard'
import { WorkbookUpload } from '../widgets/upload/WorkbookUpload'

import '../widgets/upload/upload.css'

let nextKey = 0

export default function UploadPage() {
  // A CSV is one card; the workbooks of one drop are read together (one card per dataset).
  const [drops, setDrops] = useState<({ key: number; file: File } | { key: number; workbooks: File[] })[]>([])
  return (
    <div className="page page--upload">
      <header className="page__head">
        <h2>数据上传</h2>
        <p className="page__lede">
          上传 Excel 工作簿或
          CSV：自动识别表头（含标题行、单位行、合并表头）、编码和分隔符，对应到数据集或作为临时表；导入前逐行校验，确认后才写入，并保存在本机浏览器中。
        </p>
      </header>
      <FileDrop
        onFiles={(picked) => {
          const workbooks = picked.filter(isWorkbookFile)
          const csvs = picked.filter((f) => !isWorkbookFile(f))
          setDrops((prev) => [
            ...(workbooks.length ? [{ key: nextKey++, workbooks }] : []),
            ...csvs.map((file) => ({ key: nextKey++, file })),
            ...prev,
          ])
        }}
      />
      <TemplateDownloads />
      <div className="upload-list">
        {drops.map((d) =>
          'file' in d ? <UploadCard key={d.key} file={d.file} /> : <WorkbookUpload key={d.key} files={d.workbooks} />,
        )}
      </div>
      <StoredUploads />
    </div>
  )
}
