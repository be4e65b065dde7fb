import { useEffect, useRef } from 'react'

import { Store } from '../../state/store'

/** A page's opening sentences as shown now, for the briefing: the same words, not written twice. */
export interface NarrativeSource {
  readonly id: string
  /** The tables the sentences are written from: where in the briefing they belong. */
  readonly tables: readonly string[]
  readonly text: () => string | null
}

export const narrativeSources = new Store<ReadonlyMap<string, NarrativeSource>>(new Map())

/** Registers a narrative widget's current text while it has some. */
export function useNarrativeExport(id: string, tables: readonly string[], text: string | null): void {
  const latest = useRef(text)
  useEffect(() => {
    latest.current = text
  })
  const tableKey = tables.join('\u0000')
  const has = text !== null
  useEffect(() => {
    if (!has) return
    const source: NarrativeSource = { id, tables: tableKey.split('\u0000'), text: () => latest.current }
    narrativeSources.set((m) => new Map(m).set(id, source))
    return () =>
      narrativeSources.set((m) => {
        if (m.get(id) !== source) return m
        const next = new Map(m)
        next.delete(id)
        return next
      })
  }, [id, tableKey, has])
}

/** The narratives shown on one page (its `data-page`), with their current text. */
export function narrativesOnPage(sources: ReadonlyMap<string, NarrativeSource>, path: string): NarrativeSource[] {
  return [...sources.values()].filter((s) => {
    const el = document.querySelector(`.page-root [data-widget="${CSS.escape(s.id)}"]`)
    return el?.closest('.page-root')?.getAttribute('data-page') === path && Boolean(s.text())
  })
}
