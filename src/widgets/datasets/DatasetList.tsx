import { TABLES } from '../../datasets/registry'
import type { Provenance } from '../../datasets/schema'
import { formatNumber } from '../../lib/format'
import { periodLabel } from '../../lib/period'
import { adhocTablesIn, originOf, useCatalog } from '../../state/catalog'
import { WidgetFrame } from '../WidgetFrame'

const PROVENANCE: Record<Provenance, { label: string; className: string; title: string }> = {
  sample: { label: '示例数据', className: 'tag--sample', title: '由仓库中的生成脚本产生的合成数据' },
  report: { label: '工作报告', className: 'tag--report', title: '逐字摘自市人大常委会工作报告，每行注明出处' },
  reference: { label: '基础数据', className: 'tag--reference', title: '工作报告和产品说明中的名称；坐标为示意' },
}

const ORIGIN: Record<string, { label: string; className: string; title: string }> = {
  draft: { label: '本机草稿', className: 'tag--upload', title: '本浏览器上传的数据，尚未发布：其他屏幕看不到' },
  published: { label: '已发布', className: 'tag--published', title: '已发布到服务器的数据，所有屏幕都显示这一版本' },
}

export interface DatasetListProps {
  readonly selected: string
  readonly onSelect: (name: string) => void
}

/** Every table with its row count, latest month, origin and load status; then the tables uploaded as they were (ad-hoc). */
export function DatasetList({ selected, onSelect }: DatasetListProps) {
  const snapshot = useCatalog()
  const adhoc = adhocTablesIn(snapshot)
  const state = snapshot.dataReady ? 'ready' : 'loading'
  return (
    <WidgetFrame
      id="datasets-list"
      title="数据集"
      subtitle={`${TABLES.length}张表${adhoc.length ? ` · ${adhoc.length}张临时表` : ''}`}
      state={state}
      tables={[]}
    >
      <ul className="dataset-list">
        {TABLES.map((table) => {
          const t = snapshot.tables[table.name]
          const rows = t?.status === 'ready' ? t.rows : 0
          const origin = ORIGIN[originOf(t) ?? ''] ?? PROVENANCE[table.provenance]
          return (
            <li
              key={table.name}
              data-table={table.name}
              data-rows={t?.status === 'ready' ? rows : undefined}
              data-status={t?.status ?? 'loading'}
            >
              <button
                type="button"
                className={`dataset-item${selected === table.name ? ' dataset-item--active' : ''}`}
                aria-pressed={selected === table.name}
                onClick={() => onSelect(table.name)}
              >
                <span className="dataset-item__label">{table.label}</span>
                <code className="dataset-item__name">{table.name}</code>
                <span className={`tag ${origin.className}`} title={origin.title}>
                  {origin.label}
                </span>
                <span className="dataset-item__meta">
                  {t?.status === 'ready' &&
                    `${formatNumber(rows)}行${t.latestPeriod ? ` · 至${periodLabel(t.latestPeriod)}` : ''}`}
                  {t?.status === 'error' && (
                    <span className="warn" role="alert">
                      {t.reason}
                    </span>
                  )}
                  {(!t || t.status === 'loading') && '加载中…'}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      {adhoc.length > 0 && (
        <>
          <h4 className="dataset-list__group">上传的临时表</h4>
          <ul className="dataset-list">
            {adhoc.map((a) => (
              <li key={a.name} data-table={a.name} data-rows={a.rows} data-status="ready">
                <button
                  type="button"
                  className={`dataset-item${selected === a.name ? ' dataset-item--active' : ''}`}
                  aria-pressed={selected === a.name}
                  onClick={() => onSelect(a.name)}
                >
                  <span className="dataset-item__label">{a.name}</span>
                  <span className="tag tag--upload" title="上传时没有对应到数据集的文件，原样保存为一张表">
                    临时表
                  </span>
                  {a.draft ? (
                    <span className="tag tag--upload" title={ORIGIN.draft!.title}>
                      本机草稿
                    </span>
                  ) : a.source === 'published' ? (
                    <span className="tag tag--published" title={ORIGIN.published!.title}>
                      已发布
                    </span>
                  ) : null}
                  <span className="dataset-item__meta">{formatNumber(a.rows)}行</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </WidgetFrame>
  )
}
