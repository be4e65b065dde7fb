import { CLUSTERS, TOWNS } from '../../src/datasets/vocabulary'
import { periodRange } from '../../src/lib/period'

/**
 * A large synthetic observation-point dataset for benchmarks: `points` points with monthly
 * indicators over `months` months, as the two CSV files the app loads. Deterministic.
 */
export function bigIndicatorFiles(targetRows: number, through = '2026-10', first = '2023-01') {
  const periods = periodRange(first, through)
  const points = Math.ceil(targetRows / periods.length)
  let seed = 12345
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const id = (i: number) => `B${String(i).padStart(6, '0')}`
  const pointLines = [
    'point_id,name,cluster_id,town_id,industry,established_on,deputy,ownership,german_cooperation,employees',
  ]
  const base: number[] = []
  for (let i = 0; i < points; i++) {
    const cluster = CLUSTERS[i % CLUSTERS.length]!.id
    const town = TOWNS[(i * 7) % TOWNS.length]!.id
    base.push(500 + rand() * 20_000)
    pointLines.push(`${id(i)},基准企业${i},${cluster},${town},,2024-04-18,,民营,${i % 5 === 0},${100 + (i % 900)}`)
  }
  const chunks: string[] = [
    'period,point_id,output_value,revenue,tax,electricity,employees,export_value,new_orders,rd_expense,capacity_utilization\n',
  ]
  let rows = 0
  for (let p = 0; p < periods.length && rows < targetRows; p++) {
    const lines: string[] = []
    for (let i = 0; i < points && rows < targetRows; i++, rows++) {
      const v = base[i]! * (1 + 0.06 * (p / 12)) * (0.9 + 0.2 * rand())
      lines.push(
        `${periods[p]},${id(i)},${v.toFixed(2)},${(v * 1.05).toFixed(2)},${(v * 0.04).toFixed(2)},${(v * 0.03).toFixed(2)},${100 + (i % 900)},${(v * 0.2).toFixed(2)},${v.toFixed(2)},${(v * 0.03).toFixed(2)},${(70 + 25 * rand()).toFixed(1)}`,
      )
    }
    chunks.push(lines.join('\n') + '\n')
  }
  return { points: pointLines.join('\n') + '\n', indicators: Buffer.from(chunks.join('')), rows, pointCount: points }
}
