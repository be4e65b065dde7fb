/** Colours with meaning, the same in every chart: a cluster is always the same colour. */
export const CLUSTER_COLORS: Record<string, string> = {
  equipment: '#c0392b',
  materials: '#d9822b',
  logistics: '#2e86c1',
  aerospace: '#6c5ce7',
  biomed: '#16a085',
  culture_tourism: '#b8860b',
}

export const STATUS_COLORS: Record<string, string> = {
  前期: '#9aa5b1',
  新开工: '#f0a202',
  在建: '#2e86c1',
  竣工: '#27ae60',
  投产: '#8e44ad',
}

/** A fallback series palette, chosen for contrast on both themes. */
export const SERIES = [
  '#c0392b',
  '#2e86c1',
  '#d9822b',
  '#16a085',
  '#6c5ce7',
  '#b8860b',
  '#e84393',
  '#0984e3',
  '#00b894',
  '#636e72',
]

/** Growth: red up, green down (the Chinese market convention), grey flat. */
export const UP = '#d03a2e'
export const DOWN = '#1f8a4c'

export function colorFor(key: string, index: number, table: Record<string, string> = CLUSTER_COLORS): string {
  return table[key] ?? SERIES[index % SERIES.length]!
}
