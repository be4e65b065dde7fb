import { periodLabel } from '../../lib/period'
import type { ManifestChange } from '../../published/manifest'
import { applyPending, usePublished } from '../../state/published'

function when(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** One change in words: 观察点月度指标（2026年11月，张敏，12月7日 10:30）. */
export function changeText(change: ManifestChange): string {
  const next = change.next
  if (!next) return `${change.previous?.label ?? change.table}（已恢复为内置数据）`
  const facts = [
    next.months ? periodLabel(next.months.to) : null,
    next.publisher || null,
    when(next.publishedAt) || null,
  ]
  return `${next.label}（${facts.filter(Boolean).join('，')}）`
}

/**
 * A desk's notice that newer data was published: applied on a click, or at the next page
 * change (never under the user's eyes while they read a page).
 */
export function DataUpdateNotice() {
  const { pending, applying } = usePublished()
  if (pending.length === 0) return null
  const text = pending.map(changeText).join('；')
  return (
    <div className="data-update" role="status" data-testid="data-update">
      <span className="data-update__text" title={`数据已更新：${text}`}>
        数据已更新：{text}
      </span>
      <button type="button" className="button button--small" disabled={applying} onClick={() => void applyPending()}>
        {applying ? '正在更新…' : '立即显示'}
      </button>
    </div>
  )
}
