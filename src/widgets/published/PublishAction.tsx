import { useState } from 'react'

import { getTable } from '../../datasets/registry'
import { periodLabel } from '../../lib/period'
import type { Credentials, PublishResult, WriteFailure } from '../../published/client'
import { useCatalog } from '../../state/catalog'
import { applyPending, pollManifest, usePublished } from '../../state/published'
import { forgetPassphrase } from '../../state/publisher'
import { cannotPublish, publishFromHere, type PublishProgress } from '../../state/publishing'
import { PublisherDialog } from './PublisherDialog'

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly progress: PublishProgress }
  | { readonly kind: 'published'; readonly result: PublishResult }
  | { readonly kind: 'failed'; readonly failure: WriteFailure }

const fmt = (n: number) => n.toLocaleString('zh-CN')

function progressText(p: PublishProgress): string {
  if (p.phase === 'packing') return '正在打包整张表…'
  if (p.phase === 'sending') return `正在上传到服务器…${Math.round((p.sent ?? 0) * 100)}%`
  return '服务器正在校验…'
}

function monthsText(months: PublishResult['months']): string {
  if (!months) return ''
  return months.from === months.to
    ? `，${periodLabel(months.to)}`
    : `，${periodLabel(months.from)}至${periodLabel(months.to)}`
}

/**
 * 发布: after a local commit, sends the whole resulting table to the server so every desk
 * and the wall show it. A table changed meanwhile by someone else (409) can take this
 * browser's upload again on top of the new version, then be published.
 */
export function PublishAction({ table }: { readonly table: string }) {
  const server = usePublished()
  useCatalog() // re-render when the table's state changes (what cannotPublish reads)
  const [open, setOpen] = useState(false)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [reapplying, setReapplying] = useState(false)
  if (server.mode === 'static') {
    return <p className="muted publish-note">此部署为只读（静态文件），上传只保存在本机浏览器中，无法发布。</p>
  }
  const label = getTable(table)?.label ?? table
  const refused = cannotPublish(table)
  const busy = status.kind === 'working'

  const run = async (credentials: Credentials) => {
    setStatus({ kind: 'working', progress: { phase: 'packing' } })
    const r = await publishFromHere(table, credentials, (progress) => setStatus({ kind: 'working', progress }))
    if (r.ok) {
      setOpen(false)
      setStatus({ kind: 'published', result: r.value })
    } else {
      if (r.error.kind === 'auth') forgetPassphrase()
      // A wrong passphrase is said in the dialog; anything else closes it and is said below.
      if (r.error.kind !== 'auth' && r.error.kind !== 'rate-limited') setOpen(false)
      setStatus({ kind: 'failed', failure: r.error })
    }
  }

  const reapply = async () => {
    setReapplying(true)
    await pollManifest()
    await applyPending()
    setReapplying(false)
    setStatus({ kind: 'idle' })
  }

  return (
    <div className="publish">
      <div className="publish__row">
        <button
          type="button"
          className="button button--primary"
          data-testid="publish"
          disabled={refused !== null || busy || status.kind === 'published'}
          onClick={() => setOpen(true)}
        >
          发布
        </button>
        <span className="muted">
          {status.kind === 'published'
            ? '已发布，所有桌面和大屏将显示这一版本。'
            : (refused ?? `「${label}」目前是本机草稿：发布后，所有桌面和大屏都会显示。`)}
        </span>
      </div>
      <PublisherDialog
        open={open}
        title={`发布「${label}」`}
        submitLabel={busy ? progressText(status.progress) : '发布'}
        busy={busy}
        onSubmit={(c) => void run(c)}
        onClose={() => setOpen(false)}
      >
        <p className="muted">发布整张表（包括本次上传），替换服务器上的当前版本；旧版本保留，可以回滚。</p>
        {status.kind === 'failed' && (status.failure.kind === 'auth' || status.failure.kind === 'rate-limited') && (
          <p className="upload-alert" role="alert">
            {status.failure.message}
          </p>
        )}
      </PublisherDialog>
      {busy && !open && (
        <p className="muted" aria-live="polite">
          {progressText(status.progress)}
        </p>
      )}
      {status.kind === 'published' && (
        <p
          className="upload-ok"
          data-testid="publish-result"
          data-status="published"
          data-version={status.result.version}
          role="status"
        >
          已发布「{label}」：{fmt(status.result.rows)} 行{monthsText(status.result.months)}，数据版本{' '}
          {status.result.version}。
        </p>
      )}
      {status.kind === 'failed' && (
        <div className="upload-alert" data-testid="publish-result" data-status="failed" role="alert">
          <p>发布失败：{status.failure.message}</p>
          {status.failure.kind === 'rejected' && status.failure.problems.length > 0 && (
            <ul className="publish__problems">
              {status.failure.problems.slice(0, 20).map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          )}
          {status.failure.kind === 'conflict' && (
            <p>
              <button type="button" className="button" disabled={reapplying} onClick={() => void reapply()}>
                {reapplying ? '正在载入新版本…' : '载入新版本并重新应用本次上传'}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  )
}
