import type { ImagePalette } from './colors'
import type { CaptionLayout } from './layout'

export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

/** Text in XML: every markup character escaped, so file contents stay text. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
}

const colorOf = (role: CaptionLayout['lines'][number]['role'], p: ImagePalette, text: string) =>
  role === 'title' ? p.title : role === 'foot' ? (text.includes('示例数据') ? p.sample : p.muted) : p.text

/**
 * One SVG: a solid background, the caption lines as real text, and the chart's own SVG
 * (from ECharts' SVG renderer) placed under the header.
 */
export function composeSvg(chartSvg: string, layout: CaptionLayout, palette: ImagePalette, title: string): string {
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="0" y="${layout.chartTop}"`)
  const text = layout.lines
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" font-size="${l.size}" font-weight="${l.weight}" fill="${colorOf(l.role, palette, l.text)}">${escapeXml(l.text)}</text>`,
    )
    .join('\n')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
    text,
    inner,
    '</svg>',
  ].join('\n')
}

export { colorOf as captionColor }
