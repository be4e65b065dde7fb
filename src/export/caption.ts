/**
 * What an exported chart says about itself, in the image and in a briefing: title, unit and
 * period, the active filters, the data source, and 示例数据 while the data is synthetic.
 */
export interface ChartCaption {
  readonly title: string
  /** Unit and period as the widget shows them, e.g. "亿元 · 2026年1—10月". */
  readonly subtitle?: string
  /** Active filters as the chips read, e.g. "集群：高端装备". */
  readonly filters: readonly string[]
  /** Names of the tables the chart reads. */
  readonly sources: readonly string[]
  readonly sample: boolean
}

export interface CaptionText {
  readonly title: string
  /** Lines under the title: unit and period, filters. */
  readonly head: readonly string[]
  /** Lines under the chart: source (with 示例数据), and when it was exported. */
  readonly foot: readonly string[]
}

/** "2026年12月1日" in Beijing time, whatever the machine's zone. */
export function chineseDate(date: Date): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .format(date)
    .split('-')
  return `${Number(y)}年${Number(m)}月${Number(d)}日`
}

export function captionText(caption: ChartCaption, exportedAt: Date): CaptionText {
  const head: string[] = []
  if (caption.subtitle) head.push(caption.subtitle)
  if (caption.filters.length > 0) head.push(`筛选条件：${caption.filters.join('；')}`)
  const source = caption.sources.length > 0 ? `数据来源：${caption.sources.join('、')}` : ''
  const foot = [
    [source, caption.sample ? '示例数据（合成，非真实统计）' : ''].filter(Boolean).join(' · '),
    `观察点数据看板 · 导出于${chineseDate(exportedAt)}`,
  ].filter(Boolean)
  return { title: caption.title, head, foot }
}

/** The period a subtitle names ("2026年1—10月", "2026年10月", "2024年"), if any. */
export function periodOf(subtitle: string | undefined): string | undefined {
  return subtitle?.match(/\d{4}年(\d{1,2}(—\d{1,2})?月)?(—\d{4}年(\d{1,2}月)?)?/)?.[0]
}

/** A file name that any OS accepts: the title, the period, the extension. */
export function exportFileName(title: string, subtitle: string | undefined, ext: string, suffix?: string): string {
  const clean = (s: string) =>
    [...s]
      .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(ch))
      .join('')
      .replace(/\s+/g, '')
      .slice(0, 60)
  const parts = [clean(title) || '图表', periodOf(subtitle), suffix].filter((p): p is string => Boolean(p))
  return `${parts.join('_')}.${ext}`
}
