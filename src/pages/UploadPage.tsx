import { useState } from 'react'

import { FileDrop } from '../widgets/upload/FileDrop'
import { StoredUploads } from '../widgets/upload/StoredUploads'
import { UploadCard } from '../widgets/upload/UploadCard'

import '../widgets/upload/upload.css'

let nextKey = 0

export default function UploadPage() {
  const [files, setFiles] = useState<{ key: number; file: File }[]>([])
  return (
    <div className="page page--upload">
      <header className="page__head">
        <h2>数据上传</h2>
        <p className="page__lede">
          上传
          CSV：自动识别编码、分隔符和表头，对应到数据集或作为临时表；导入前逐行校验，确认后才写入，并保存在本机浏览器中。
        </p>
      </header>
      <FileDrop
        onFiles={(picked) => setFiles((prev) => [...picked.map((file) => ({ key: nextKey++, file })), ...prev])}
      />
      <div className="upload-list">
        {files.map(({ key, file }) => (
          <UploadCard key={key} file={file} />
        ))}
      </div>
      <StoredUploads />
    </div>
  )
}
