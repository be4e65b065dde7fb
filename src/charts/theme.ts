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
  light: {
    text: '#1d2129',
    subtext: '#4e5969',
    axis: '#c9cdd4',
    split: '#eef0f3',
    tooltipBg: '#ffffff',
    tooltipBorder: '#e3e6eb',
  },
  dark: {
    text: '#e8edf7',
    subtext: '#b5c0d4',
    axis: '#3a4a6b',
    split: '#1f2b45',
    tooltipBg: '#16213a',
    tooltipBorder: '#2d3d61',
  },
}

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

/**
 * The big screen's base text size, in design pixels of its 1920×1080 canvas. On a 55-inch
 * 1080p panel a pixel is 0.63 mm, so 24 px text is 15 mm tall: about 10 minutes of arc from
 * 5 m, the smallest size high-contrast text is still read at that distance. Headline
 * figures are far larger; nothing on the screen is smaller.
 */
export const SCREEN_FONT = 24

/**
 * An ECharts theme object for a theme name, registered once under `observatory-<name>`;
 * `font` sets every default text size (axes, legends, labels, tooltips).
 */
export function echartsTheme(name: ThemeName, font = 12): Record<string, unknown> {
  const t = TOKENS[name]
  const axis = {
    axisLine: { lineStyle: { color: t.axis } },
    axisTick: { lineStyle: { color: t.axis } },
    axisLabel: { color: t.subtext, fontSize: font },
    splitLine: { lineStyle: { color: t.split } },
    nameTextStyle: { color: t.subtext, fontSize: font },
  }
  return {
    color: SERIES,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, color: t.text, fontSize: font },
    title: {
      textStyle: { color: t.text, fontSize: Math.round(font * 1.4) },
      subtextStyle: { color: t.subtext, fontSize: font },
    },
    legend: {
      textStyle: { color: t.subtext, fontSize: font },
      itemWidth: Math.round(font * 2),
      itemHeight: Math.round(font * 1.15),
    },
    tooltip: {
      backgroundColor: t.tooltipBg,
      borderColor: t.tooltipBorder,
      textStyle: { color: t.text, fontSize: font },
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    visualMap: { textStyle: { color: t.subtext, fontSize: font } },
    // Series labels in the theme's text colour, without the outline ECharts adds by default.
    ...Object.fromEntries(
      ['bar', 'line', 'pie', 'scatter', 'custom'].map((type) => [
        type,
        { label: { color: t.text, textBorderWidth: 0, fontSize: font } },
      ]),
    ),
    // Heat-map cells use light colours on either theme: their labels stay dark.
    heatmap: { label: { color: '#1d2129', textBorderWidth: 0, fontSize: font } },
    geo: {
      itemStyle: {
        areaColor: name === 'dark' ? '#1b2740' : '#eef1f6',
        borderColor: name === 'dark' ? '#3a4a6b' : '#c9cdd4',
      },
      label: { color: t.subtext, fontSize: font },
    },
  }
}

export function themeTokens(name: ThemeName): Tokens {
  return TOKENS[name]
}
