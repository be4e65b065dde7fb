import { escapeHtml } from '../lib/html'

/**
 * Tooltip markup. Every piece of text passes through escapeHtml: names come from uploaded
 * files and ECharts puts tooltip content into the page as HTML.
 */
export function tooltipHtml(
  title: string,
  rows: readonly (readonly [label: string, value: string, color?: string])[],
): string {
  const head = `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>`
  const body = rows
    .map(([label, value, color]) => {
      const dot = color
        ? `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;background:${escapeHtml(color)};margin-right:6px"></span>`
        : ''
      return `<div style="display:flex;justify-content:space-between;gap:16px">${dot ? `<span>${dot}${escapeHtml(label)}</span>` : `<span>${escapeHtml(label)}</span>`}<span style="font-variant-numeric:tabular-nums">${escapeHtml(value)}</span></div>`
    })
    .join('')
  return head + body
}
