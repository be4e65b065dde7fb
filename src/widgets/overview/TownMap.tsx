import { useMemo, useRef, useState } from 'react'

import { townMapOption } from '../../charts/overview'
import { parseTownBoundaries } from '../../datasets/geojson'
import type { FilterSet } from '../../queries/filters'
import type { TownMapRow } from '../../queries/overview'
import { TOWN_MAP } from '../../specs/overview'
import { clearTownBoundaries, saveTownBoundaries, useTownBoundaries } from '../../state/boundaries'
import { SpecChart } from '../SpecChart'

const USER_MAP = 'observatory-user-boundaries'

/**
 * The town map's GeoJSON and option builder, on the user's own boundaries when they imported
 * some, else on the schematic drawn around the towns' centres. `onRows` sees the towns drawn.
 */
export function useTownMapChart(onRows?: (rows: readonly TownMapRow[]) => void) {
  const boundaries = useTownBoundaries()
  const seen = useRef(onRows)
  seen.current = onRows
  const maps = useMemo(
    () =>
      boundaries
        ? () => ({ [USER_MAP]: boundaries.geo })
        : (rows: readonly TownMapRow[]) => {
            seen.current?.(rows)
            return TOWN_MAP.maps!(rows)
          },
    [boundaries],
  )
  const option = useMemo(
    () => (rows: readonly TownMapRow[], ctx: Parameters<typeof townMapOption>[1]) => {
      seen.current?.(rows)
      return boundaries ? townMapOption(rows, { ...ctx, map: USER_MAP, schematic: false }) : TOWN_MAP.option(rows, ctx)
    },
    [boundaries],
  )
  return { boundaries, maps, option }
}

/** The towns and zones with observation points and key projects: a labelled schematic, or the user's own boundaries. */
export function TownMap({ filters }: { readonly filters: FilterSet }) {
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const townNames = useRef<string[]>([])
  const { boundaries, maps, option } = useTownMapChart((rows) => {
    townNames.current = rows.map((r) => r.name)
  })

  const onFile = async (file: File) => {
    const result = parseTownBoundaries(await file.text(), townNames.current)
    if (!result.ok) {
      setMessage({ kind: 'error', text: `无法使用 ${file.name}：${result.error}` })
      return
    }
    saveTownBoundaries({
      fileName: file.name,
      geo: result.value.geo,
      matched: result.value.matched,
      missing: result.value.missing,
    })
    const missing = result.value.missing.length ? `；文件中缺少：${result.value.missing.join('、')}` : ''
    setMessage({ kind: 'info', text: `已使用 ${file.name}：匹配${result.value.matched.length}个镇区${missing}` })
  }

  const actions = (
    <span className="map-actions">
      <input
        ref={input}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        hidden
        data-testid="geojson-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) void onFile(file)
          e.target.value = ''
        }}
      />
      <button type="button" className="link" onClick={() => input.current?.click()}>
        导入镇区边界
      </button>
      {boundaries && (
        <button
          type="button"
          className="link"
          onClick={() => {
            clearTownBoundaries()
            setMessage({ kind: 'info', text: '已恢复示意图' })
          }}
        >
          恢复示意图
        </button>
      )}
    </span>
  )

  return (
    <SpecChart<TownMapRow>
      spec={TOWN_MAP}
      filters={filters}
      {...(boundaries
        ? {
            subtitle: () =>
              `边界：${boundaries.fileName}（用户导入）${boundaries.transient ? '，文件较大，仅本次使用' : ''}`,
          }
        : {})}
      option={option}
      maps={maps}
      actions={actions}
      footer={
        message && (
          <p
            className={message.kind === 'error' ? 'widget__message widget__message--error' : 'muted'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )
      }
    />
  )
}
