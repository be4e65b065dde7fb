import { getTable } from '../../datasets/registry'
import type { UploadIssue } from '../../ingest/report'
import type { BatchRead } from '../../ingest/xlsx/batch'

const REASONS = { title: '标题/单位行', total: '合计行', note: '注释/签名行', example: '示例行' } as const

/**
 * The workbooks of one upload: per file the sheet read (any other can be picked; hidden and
 * notes sheets are marked), its rows, what was skipped and how many problems the report found.
 */
export function WorkbookFiles({
  batch,
  group,
  issues,
  disabled,
  onSheet,
}: {
  batch: BatchRead
  group: number
  issues: readonly UploadIssue[]
  disabled: boolean
  onSheet: (file: number, sheet: string) => void
}) {
  const members = batch.groups[group]!.files
  const several = members.length > 1
  return (
    <div className="upload-table-wrap">
      <table className="upload-table" data-testid="workbook-files">
        <thead>
          <tr>
            <th>文件</th>
            <th>工作表</th>
            <th>数据行</th>
            <th>跳过的行</th>
            <th>问题</th>
          </tr>
        </thead>
        <tbody>
          {members.map((i) => {
            const f = batch.files[i]!
            const skipped = Object.entries(REASONS)
              .map(([reason, label]) => [label, f.skipped.filter((s) => s.reason === reason)] as const)
              .filter(([, rows]) => rows.length > 0)
            const mine = several ? issues.filter((x) => x.place?.startsWith(`「${f.name}」`)) : issues
            return (
              <tr key={i} data-file={f.name}>
                <td title={f.name}>{f.name}</td>
                <td>
                  <select
                    aria-label={`「${f.name}」读取的工作表`}
                    value={f.sheet ?? ''}
                    disabled={disabled}
                    onChange={(e) => onSheet(i, e.target.value)}
                  >
                    {f.sheets.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.name}（{s.rows.toLocaleString('zh-CN')} 行{s.hidden ? '，隐藏' : ''}
                        {s.notes ? '，说明页' : ''}
                        {s.dataset ? `，${getTable(s.dataset)?.label ?? s.dataset}` : ''}）
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {f.rows.toLocaleString('zh-CN')}（表头在第 {f.headerRows[0]}
                  {f.headerRows[1] !== f.headerRows[0] ? `—${f.headerRows[1]}` : ''} 行）
                </td>
                <td title={f.skipped.map((s) => `第${s.row}行：${s.text}`).join('\n')}>
                  {skipped.length ? skipped.map(([label, rows]) => `${label} ${rows.length}`).join('，') : '—'}
                </td>
                <td className={mine.length ? 'warn' : ''}>{mine.length ? `${mine.length} 个` : '无'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
