import { SERIES } from './palette'

export type ThemeName = 'light' | 'dark'

interface Tokens {
  readonly text: string
  readonly subtext: string
  readonly axis: string
  readonly split: string
  readonly tooltipBg: string
  readonly tooltipBorder: string
}

const TOKENS: Record<ThemeName, Tokens> = {
  light: { text: '#1d2129', subtext: '#4e5969', axis: '#c9cdd4', split: '#eef0f3', tooltipBg: '#ffffff', tooltipBorder: '#e3e6eb' },
  dark: { text: '#e8edf7', subtext: '#b5c0d4', axis: '#3a4a6b', split: '#1f2b45', tooltipBg: '#16213a', tooltipBorder: '#2d3d61' },
}

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

/** An ECharts theme object for a theme name: registered once under `observatory-<name>`. */
export function echartsTheme(name: ThemeName): Record<string, unknown> {
  const t = TOKENS[name]
  const axis = {
    axisLine: { lineStyle: { color: t.axis } },
    axisTick: { lineStyle: { color: t.axis } },
    axisLabel: { color: t.subtext },
    splitLine: { lineStyle: { color: t.split } },
    nameTextStyle: { color: t.subtext },
  }
  return {
    color: SERIES,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, color: t.text },
    title: { textStyle: { color: t.text }, subtextStyle: { color: t.subtext } },
    legend: { textStyle: { color: t.subtext } },
    tooltip: { backgroundColor: t.tooltipBg, borderColor: t.tooltipBorder, textStyle: { color: t.text } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    visualMap: { textStyle: { color: t.subtext } },
    // Series labels in the theme's text colour, without the outline ECharts adds by default.
    ...Object.fromEntries(['bar', 'line', 'pie', 'scatter', 'custom'].map((type) => [type, { label: { color: t.text, textBorderWidth: 0 } }])),
    // Heat-map cells use light colours on either theme: their labels stay dark.
    heatmap: { label: { color: '#1d2129', textBorderWidth: 0 } },
    geo: { itemStyle: { areaColor: name === 'dark' ? '#1b2740' : '#eef1f6', borderColor: name === 'dark' ? '#3a4a6b' : '#c9cdd4' }, label: { color: t.subtext } },
  }
}

export function themeTokens(name: ThemeName): Tokens {
  return TOKENS[name]
}
