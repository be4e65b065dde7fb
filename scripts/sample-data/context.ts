import { Random } from './random'

export type Cell = string | number | boolean | null
export type SampleRow = Record<string, Cell>

/** Everything the generators depend on. Same config, same bytes. */
export interface SampleConfig {
  readonly seed: number
  /** First month of the monthly tables. */
  readonly firstPeriod: string
  /** Last month of every table: the latest complete month when the data was made. */
  readonly throughPeriod: string
  /** First year of the annual ledgers (activities, suggestions), so both report years reconcile. */
  readonly ledgerFromYear: number
}

/**
 * The embedded data is pinned to a month so `npm run data` re-creates the same bytes;
 * `npm run data -- --through=latest` moves it to the latest complete month.
 */
export const DEFAULT_CONFIG: SampleConfig = {
  seed: 20240419,
  firstPeriod: '2023-01',
  throughPeriod: '2026-10',
  ledgerFromYear: 2022,
}

export interface Context {
  readonly config: SampleConfig
  readonly random: Random
}

export function makeContext(config: SampleConfig): Context {
  return { config, random: new Random(config.seed) }
}

const pad = (n: number) => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

/** A day-of-month that exists in every month. */
export function safeDay(random: Random): number {
  return random.int(1, 28)
}

export function yearOf(period: string): number {
  return Number(period.slice(0, 4))
}

export function monthOf(period: string): number {
  return Number(period.slice(5, 7))
}
