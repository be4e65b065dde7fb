import { describe, expect, it } from 'vitest'

import {
  describeYoY,
  formatCount,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatValue,
  formatWan,
  formatYoY,
  scaleWan,
  unitDigits,
} from '../src/lib/format'
import { addMonths, latestCompleteMonth, monthSpan, periodLabel, periodRange, ytdLabel } from '../src/lib/period'

describe('Chinese money style (input in 万元)', () => {
  it('switches to 亿元 from 10,000万元 with two decimals', () => {
    expect(formatWan(1_234_567.8)).toBe('123.46亿元')
    expect(formatWan(10_000)).toBe('1.00亿元')
    expect(scaleWan(25_000)).toEqual({ text: '2.50', unit: '亿元' })
  })
  it('stays in 万元 below that, with one decimal and thousands separators', () => {
    expect(formatWan(9_999.94)).toBe('9,999.9万元')
    expect(formatWan(876.54)).toBe('876.5万元')
    expect(formatWan(0)).toBe('0.0万元')
  })
  it('shows the dash for missing values', () => {
    expect(formatWan(null)).toBe('—')
    expect(formatWan(Number.NaN)).toBe('—')
    expect(formatNumber(undefined)).toBe('—')
  })
  it('never prints negative zero', () => {
    expect(formatNumber(-0.001, 1)).toBe('0.0')
  })
})

describe('rates', () => {
  it('signs year-on-year growth with a true minus sign', () => {
    expect(formatSignedPercent(0.0523)).toBe('+5.2%')
    expect(formatSignedPercent(-0.031)).toBe('−3.1%')
    expect(formatSignedPercent(0.00001)).toBe('0.0%')
    expect(formatYoY(0.065217)).toBe('同比 +6.5%')
    expect(formatYoY(null)).toBe('同比 —')
  })
  it('words growth for narrative sentences', () => {
    expect(describeYoY(0.0523)).toBe('同比增长5.2%')
    expect(describeYoY(-0.031)).toBe('同比下降3.1%')
    expect(describeYoY(0.0004)).toBe('与上年同期持平')
    expect(describeYoY(null)).toBe('同比无可比数据')
  })
  it('formats shares and counts', () => {
    expect(formatPercent(0.853)).toBe('85.3%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatCount(1234, '件')).toBe('1,234件')
  })
})

describe('one decimals rule per unit', () => {
  it('writes 亿元 with two decimals, 万元 and rates with one, counts with none', () => {
    expect(formatValue(117.3, '亿元')).toBe('117.30亿元')
    expect(formatValue(78.394, '亿元')).toBe('78.39亿元')
    expect(formatValue(8765.43, '万元')).toBe('8,765.4万元')
    expect(formatValue(100, '%')).toBe('100.0%')
    expect(formatValue(5.44, '%')).toBe('5.4%')
    expect(formatValue(19, '家')).toBe('19家')
    expect(formatValue(2300, '个')).toBe('2,300个')
    expect(formatValue(-2.04, '%')).toBe('-2.0%')
  })
  it('gives an unknown unit one decimal and a missing value the dash', () => {
    expect(unitDigits('吨')).toBe(1)
    expect(formatValue(3, '吨')).toBe('3.0吨')
    expect(formatValue(null, '亿元')).toBe('—')
    expect(formatValue(Number.NaN, '%')).toBe('—')
  })
})

describe('periods', () => {
  it('spells year-to-date spans the statistical way, with an em dash', () => {
    expect(monthSpan(1, 10)).toBe('1—10月')
    expect(monthSpan(1, 1)).toBe('1月')
    expect(ytdLabel('2026-10')).toBe('2026年1—10月')
    expect(ytdLabel('2026-01', false)).toBe('1月')
    expect(periodLabel('2026-03')).toBe('2026年3月')
  })
  it('steps over year boundaries', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01')
    expect(addMonths('2026-01', -13)).toBe('2024-12')
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
  it('knows the latest complete month', () => {
    expect(latestCompleteMonth(new Date(2026, 10, 22))).toBe('2026-10')
    expect(latestCompleteMonth(new Date(2027, 0, 5))).toBe('2026-12')
  })
})
