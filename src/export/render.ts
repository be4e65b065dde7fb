import { still } from '../ui/echart/still'
import type { EChartsOption } from '../ui/echart/types'
import type { CaptionText } from './caption'
import type { ImagePalette } from './colors'
import { layoutCaption } from './layout'
import { captionColor, composeSvg, FONT_STACK } from './svg'

/** What an exported image is drawn from: the option built for the export's theme, at the chart's CSS size. */
export interface ChartDrawing {
  readonly option: EChartsOption
  readonly width: number
  readonly height: number
  readonly palette: ImagePalette
  readonly caption: CaptionText
}

// The chart runtime, the same module the dashboard's charts use (maps registered there are known).
const runtime = () => import('../ui/echart/runtime').then((m) => m.echarts)

/** Draws the chart alone, off screen, at `pixelRatio`; returns its canvas. */
async function chartCanvas(d: ChartDrawing, pixelRatio: number): Promise<HTMLCanvasElement> {
  const echarts = await runtime()
  const holder = document.createElement('div')
  holder.style.cssText = `position:fixed;left:-100000px;top:0;width:${d.width}px;height:${d.height}px;`
  document.body.appendChild(holder)
  const chart = echarts.init(holder, `observatory-${d.palette.theme}`, {
    renderer: 'canvas',
    devicePixelRatio: pixelRatio,
    width: d.width,
    height: d.height,
    locale: 'ZH',
  })
  try {
    chart.setOption(still(d.option))
    return chart.renderToCanvas({ pixelRatio, backgroundColor: d.palette.background })
  } finally {
    chart.dispose()
    holder.remove()
  }
}

/** The whole image (caption, chart, source) on a solid background, `pixelRatio` device pixels per CSS pixel. */
export async function renderPng(d: ChartDrawing, pixelRatio: number): Promise<Blob> {
  const layout = layoutCaption(d.caption, d.width, d.height)
  const chart = await chartCanvas(d, pixelRatio)
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(layout.width * pixelRatio)
  canvas.height = Math.round(layout.height * pixelRatio)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('画布不可用')
  ctx.fillStyle = d.palette.background
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(
    chart,
    0,
    Math.round(layout.chartTop * pixelRatio),
    Math.round(d.width * pixelRatio),
    Math.round(d.height * pixelRatio),
  )
  ctx.scale(pixelRatio, pixelRatio)
  ctx.textBaseline = 'alphabetic'
  for (const line of layout.lines) {
    ctx.font = `${line.weight} ${line.size}px ${FONT_STACK}`
    ctx.fillStyle = captionColor(line.role, d.palette, line.text)
    ctx.fillText(line.text, line.x, line.y)
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图片生成失败'))), 'image/png'),
  )
}

/** The whole image as SVG: real text for the caption, the chart from ECharts' SVG renderer. */
export async function renderSvg(d: ChartDrawing): Promise<string> {
  const echarts = await runtime()
  const chart = echarts.init(null, `observatory-${d.palette.theme}`, {
    renderer: 'svg',
    ssr: true,
    width: d.width,
    height: d.height,
    locale: 'ZH',
  })
  try {
    chart.setOption(still(d.option))
    return composeSvg(
      chart.renderToSVGString(),
      layoutCaption(d.caption, d.width, d.height),
      d.palette,
      d.caption.title,
    )
  } finally {
    chart.dispose()
  }
}

/** The chart alone (no caption), as PNG bytes: what a briefing slide places under its own title. */
export async function renderChartPng(d: ChartDrawing, pixelRatio: number): Promise<Uint8Array> {
  const canvas = await chartCanvas(d, pixelRatio)
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图片生成失败'))), 'image/png'),
  )
  return new Uint8Array(await blob.arrayBuffer())
}

/** The chart alone (no caption) as SVG from ECharts' SVG renderer: text stays text, for a vector PDF. */
export async function renderChartSvg(d: ChartDrawing): Promise<string> {
  const echarts = await runtime()
  const chart = echarts.init(null, `observatory-${d.palette.theme}`, {
    renderer: 'svg',
    ssr: true,
    width: d.width,
    height: d.height,
    locale: 'ZH',
  })
  try {
    chart.setOption(still(d.option))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
