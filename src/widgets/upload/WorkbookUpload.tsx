import { useEffect, useState } from 'react'

import type { BatchRead } from '../../ingest/xlsx/batch'
import { readWorkbooksInWorker } from '../../ingest/xlsx/client'
import { WorkbookGroupCard } from './WorkbookGroupCard'

/**
 * Workbooks dropped together: read in a worker, then one card per dataset they map onto (all
 * 19 monthly reports are one card, one preview, one commit). A file that cannot be read is
 * named with the reason and left out; a sheet picked for a file, or a month changed, reads the
 * batch again.
 */
export function WorkbookUpload({ files }: { files: readonly File[] }) {
  const [sheets, setSheets] = useState<Readonly<Record<number, string>>>({})
  const [month, setMonth] = useState<string | null | undefined>(undefined)
  const [read, setRead] = useState<{ batch: BatchRead; revision: number } | { error: string } | null>(null)

  useEffect(() => {
    let live = true
    setRead(null)
    const started = setTimeout(() => {
      void readWorkbooksInWorker(
        files.map((f, i) => ({ name: f.name, input: f, sheet: sheets[i] })),
        month !== undefined ? { month } : {},
      ).then((r) => {
        if (!live) return
        setRead((prev) =>
          r.ok
            ? { batch: r.value, revision: (prev && 'revision' in prev ? prev.revision : 0) + 1 }
            : { error: r.error },
        )
      })
    }, 0)
    return () => {
      live = false
      clearTimeout(started)
    }
  }, [files, sheets, month])

  const failed = read && 'batch' in read ? read.batch.files.filter((f) => f.error) : []
  return (
    <div
      className="upload-list"
      data-widget="workbook-upload"
      data-state={read ? ('error' in read ? 'error' : 'ready') : 'loading'}
      data-files={files.length}
    >
      {!read && (
        <section className="widget upload-card" data-widget="upload-card" data-state="loading">
          <div className="widget__head">
            <span className="upload-card__name">
              {files.length === 1 ? files[0]!.name : `${files.length} 个工作簿`}
            </span>
          </div>
          <div className="upload-card__phase" aria-live="polite">
            正在读取 Excel 工作簿（第 1/5 步）…
            <div className="progress progress--indeterminate" role="progressbar" aria-valuetext="正在读取 Excel 工作簿">
              <div className="progress__bar" />
            </div>
          </div>
        </section>
      )}
      {read && 'error' in read && (
        <section className="widget upload-card" data-widget="upload-card" data-state="error">
          <div className="upload-alert" data-testid="upload-result" data-status="rejected" data-rows={0} role="alert">
            {read.error}
          </div>
        </section>
      )}
      {failed.length > 0 && (
        <section
          className="widget upload-card"
          data-widget="upload-card"
          data-state="error"
          data-testid="workbook-failed"
        >
          {failed.map((f) => (
            <div key={f.name} className="upload-alert" data-testid="upload-result" data-status="rejected" role="alert">
              <strong>{f.name}</strong>：{f.error}
              {read && 'batch' in read && read.batch.groups.length > 0 ? '（此文件未包含在下面的导入中）' : ''}
            </div>
          ))}
        </section>
      )}
      {read &&
        'batch' in read &&
        read.batch.groups.map((_, g) => (
          <WorkbookGroupCard
            key={`${read.revision}-${g}`}
            batch={read.batch}
            group={g}
            onSheet={(file, sheet) => setSheets((s) => ({ ...s, [file]: sheet }))}
            onMonth={setMonth}
          />
        ))}
    </div>
  )
}
