import { formatWan } from '../lib/format'
import type { MarkerRow, TownMapRow } from '../queries/overview'
import { base, type ChartContext, dimmed, type EChartsOption, sz } from './common'
import { SCHEMATIC_MAP, spread } from './geo/schematic'
import { UP } from './palette'
import { themeTokens } from './theme'
import { dataTooltip, tooltipHtml } from './tooltip'

/** How far above its centre a town's name sits (degrees of latitude); its markers sit below. */
const NAME_LIFT = 0.01

/**
 * The towns as regions coloured by observation points' YTD output, with each point (circle)
 * and key project (diamond) placed around its town's centre. Regions are keyed by town id.
 */
export function townMapOption(
  towns: readonly TownMapRow[],
  ctx: ChartContext & { readonly map?: string; readonly schematic?: boolean },
): EChartsOption {
  const data = { towns, markers: towns.flatMap((t) => t.markers) }
  const t = themeTokens(ctx.theme)
  const max = Math.max(1, ...data.towns.map((r) => r.ytd_output ?? 0))
  const centre = new Map(data.towns.map((r) => [r.town_id, [r.lon, r.lat] as const]))
  const placed = (kind: MarkerRow['kind']) => {
    const byTown = new Map<string, MarkerRow[]>()
    for (const m of data.markers.filter((m) => m.kind === kind))
      byTown.set(m.town_id, [...(byTown.get(m.town_id) ?? []), m])
    return [...byTown.entries()].flatMap(([town, ms]) => {
      const c = centre.get(town)
      if (!c) return []
      // Below the town's name (NAME_LIFT): points to the left, projects on a wider ring to the right,
      // so the two never collide.
      const spots = spread(
        kind === 'point' ? [c[0] - 0.012, c[1] - 0.008] : [c[0] + 0.014, c[1] - 0.012],
        ms.length,
        kind === 'point' ? 0.012 : 0.017,
      )
      return ms.map((m, i) => ({ key: m.town_id, marker: m, value: [...spots[i]!, m.value ?? 0] }))
    })
  }
  const markerTooltip = (m: MarkerRow) =>
    m.kind === 'point'
      ? tooltipHtml(m.name, [['观察点', m.detail]])
      : tooltipHtml(m.name, [
          ['重点项目', m.detail],
          ['总投资', formatWan(m.value)],
        ])
  return {
    ...base('镇区示意图：观察点与重点项目分布'),
    tooltip: dataTooltip<{ marker?: MarkerRow; town?: TownMapRow } | undefined>((d) => {
      if (d?.marker) return markerTooltip(d.marker)
      const r = d?.town
      if (!r) return ''
      return tooltipHtml(r.name, [
        ['观察点', `${r.points}家`],
        ['观察点累计产值', formatWan(r.ytd_output)],
        ['重点项目', `${r.projects}个`],
        ['年度计划投资', formatWan(r.project_plan)],
      ])
    }),
    legend: { bottom: 0, data: ['观察点', '重点项目'] },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: max / 10_000,
      seriesIndex: 0,
      left: 0,
      top: 0,
      itemHeight: sz(ctx, 80),
      itemWidth: sz(ctx, 10),
      text: ['产值（亿元）', ''],
      calculable: false,
      inRange: { color: ctx.theme === 'dark' ? ['#1b2740', '#7a2b2b'] : ['#f3f5f8', '#e8a09a'] },
      textStyle: { color: t.subtext, fontSize: sz(ctx, 11) },
    },
    geo: {
      map: ctx.map ?? SCHEMATIC_MAP,
      roam: false,
      top: 24,
      bottom: 36,
      // The names are their own layer (the last series), drawn above the markers.
      label: { show: false },
      emphasis: { label: { show: false }, itemStyle: { areaColor: ctx.theme === 'dark' ? '#2a3a5c' : '#fde2df' } },
      select: { disabled: true },
      itemStyle: { borderColor: ctx.theme === 'dark' ? '#4a5a7b' : '#ffffff', borderWidth: 1.5 },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: data.towns.map((r) => ({
          key: r.town_id,
          name: r.name,
          town: r,
          value: (r.ytd_output ?? 0) / 10_000,
          itemStyle: { opacity: dimmed(r.town_id, ctx) },
        })),
      },
      {
        name: '观察点',
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        symbolSize: sz(ctx, 9),
        itemStyle: { color: UP, borderColor: '#fff', borderWidth: 1 },
        data: placed('point'),
      },
      {
        name: '重点项目',
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'diamond',
        symbolSize: sz(ctx, 9),
        itemStyle: { color: '#2e86c1', borderColor: '#fff', borderWidth: 1 },
        data: placed('project'),
      },
      {
        // Each town's name above its markers, on top of them and outlined in the map's own
        // colour, so no marker ever hides it; silent, so a click still reaches the town or marker under it.
        name: '镇区名称',
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        z: 5,
        symbolSize: 0,
        tooltip: { show: false },
        label: {
          show: true,
          position: 'inside',
          formatter: '{b}',
          color: t.text,
          fontSize: sz(ctx, 12),
          textBorderColor: ctx.theme === 'dark' ? 'rgba(16, 24, 42, 0.85)' : 'rgba(255, 255, 255, 0.9)',
          textBorderWidth: 3,
        },
        data: data.towns.map((r) => ({ name: r.name, value: [r.lon, r.lat + NAME_LIFT] })),
      },
    ],
    graphic:
      ctx.schematic === false
        ? []
        : [
            {
              type: 'text',
              right: sz(ctx, 8),
              top: 4,
              style: { text: '示意图 · 非实际行政区划', fill: t.subtext, fontSize: sz(ctx, 11) },
            },
          ],
  }
}
