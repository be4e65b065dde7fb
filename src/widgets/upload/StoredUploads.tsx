import { useState } from 'react'

import { getTable } from '../../datasets/registry'
import { usePublished } from '../../state/published'
import { useViewState } from '../../state/readiness'
import { restoreBuiltInData, useUploads } from '../../state/uploads'

const MODE_LABELS = { replace: '替换', append: '追加', adhoc: '临时表' }

/** This browser's drafts (replayed at every start-up), and the way back to the published or embedded data. */
export function StoredUploads() {
  const snapshot = useUploads()
  const [confirming, setConfirming] = useState(false)
  const anyPublished = Object.keys(usePublished().applied.tables).length > 0
  const state = snapshot.replay.status === 'running' ? 'loading' : snapshot.stored.length === 0 ? 'empty' : 'ready'
  useViewState(state)
  return (
    <section
      className="widget upload-stored"
      data-widget="stored-uploads"
      data-state={state}
      data-count={snapshot.stored.length}
    >
      <div className="widget__head">
        <h3 className="widget__title">本机草稿</h3>
      </div>
      {snapshot.replay.status === 'running' && <p className="muted">正在恢复上次上传的数据…</p>}
      {snapshot.stored.length === 0 ? (
        <p className="muted">没有本机草稿：显示的是已发布的数据，未发布的表显示内置数据。</p>
      ) : (
        <ul>
          {snapshot.stored.map((s) => (
            <li key={s.id}>
              {s.fileName} → {getTable(s.table)?.label ?? s.table}（{MODE_LABELS[s.mode]}，
              {s.rows.toLocaleString('zh-CN')} 行，{new Date(s.committedAt).toLocaleString('zh-CN')}）
            </li>
          ))}
        </ul>
      )}
      {snapshot.replay.failures.length > 0 && (
        <div className="upload-alert" role="alert">
          {snapshot.replay.failures.map((f) => `“${f.fileName}”未能恢复：${f.reason}`).join('；')}
        </div>
      )}
      <div className="upload-card__actions">
        {!confirming ? (
          <button
            type="button"
            className="button button--danger"
            data-testid="restore-builtin"
            onClick={() => setConfirming(true)}
          >
            {anyPublished ? '放弃全部本机草稿' : '恢复内置示例数据'}
          </button>
        ) : (
          <>
            <span>将删除本机保存的全部草稿和临时表，并重新载入已发布的数据（未发布的表为内置数据）。</span>
            <button
              type="button"
              className="button button--danger"
              data-testid="restore-builtin-confirm"
              onClick={() => void restoreBuiltInData()}
            >
              确认恢复
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              取消
            </button>
          </>
        )}
      </div>
    </section>
  )
}
