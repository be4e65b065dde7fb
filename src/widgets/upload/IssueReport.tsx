import { useEffect, useMemo } from 'react'

import { reportCsv, type UploadIssue } from '../../ingest/report'

const SHOWN = 200

/** The validation report: each problem with its line and column; the full list downloads as CSV. */
export function IssueReport({
  fileName,
  issues,
  total,
}: {
  fileName: string
  issues: readonly UploadIssue[]
  total: number
}) {
  const href = useMemo(
    () => URL.createObjectURL(new Blob([reportCsv(fileName, issues)], { type: 'text/csv;charset=utf-8' })),
    [fileName, issues],
  )
  // A new report (another option tried) lets the previous download go.
  useEffect(() => () => URL.revokeObjectURL(href), [href])
  if (issues.length === 0) return null
  // A workbook's problems are placed in its sheets; a CSV's by its own line numbers.
  const placed = issues.some((i) => i.place)
  return (
    <div className="upload-report" data-testid="upload-report">
      <div className="upload-card__actions">
        <p className="upload-section-title">
          校验报告（共 {total.toLocaleString('zh-CN')} 个问题
          {issues.length < total ? `，列出前 ${issues.length} 个` : ''}）
        </p>
        <a className="link" href={href} download={`校验报告_${fileName.replace(/\.[^.]*$/, '')}.csv`}>
          下载校验报告（CSV）
        </a>
      </div>
      <div className="upload-table-wrap">
        <table className="upload-table">
          <thead>
            <tr>
              <th>{placed ? '位置' : '行号'}</th>
              <th>列</th>
              <th>问题</th>
              <th>原值</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, SHOWN).map((issue, i) => (
              <tr key={i}>
                <td data-place={issue.place ?? undefined}>
                  {placed ? (issue.place ?? '—') : issue.line === null ? '—' : `第 ${issue.line} 行`}
                </td>
                <td>{issue.column ?? '—'}</td>
                <td title={issue.problem}>{issue.problem}</td>
                <td title={issue.value ?? ''}>{issue.value ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {placed
          ? '位置即 Excel 中的工作表、行号和列号。'
          : '行号即表格中的行号（与 Excel 中看到的一致；单元格内的换行不另计行）。'}
      </p>
      {issues.length > SHOWN && <p className="muted">页面上只列出前 {SHOWN} 个问题，完整列表请下载报告。</p>}
    </div>
  )
}
