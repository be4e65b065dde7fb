import { describe, expect, it } from 'vitest'

import { parseFilters, removeFilter, toggleValue, writeFilters } from '../src/state/url-filters'

const parse = (q: string) => parseFilters(new URLSearchParams(q))

describe('filters in the URL', () => {
  it('reads year, month range, lists and the German-cooperation flag', () => {
    expect(parse('year=2026&from=3&to=10&cluster=materials,equipment&town=hitech&german=1')).toEqual({
      year: 2026,
      fromMonth: 3,
      toMonth: 10,
      clusters: ['equipment', 'materials'],
      towns: ['hitech'],
      german: true,
    })
  })

  it('drops what is malformed instead of failing, and orders a reversed month range', () => {
    expect(parse('year=20x6&from=13&to=0&cluster=%3Cimg%20src%3Dx%3E,,equipment')).toEqual({ clusters: ['equipment'] })
    expect(parse('from=10&to=3')).toEqual({ fromMonth: 3, toMonth: 10 })
  })

  it('writes a canonical URL and keeps other page parameters', () => {
    const params = writeFilters(
      { towns: ['shaxi'], year: 2025, clusters: ['materials', 'equipment'] },
      new URLSearchParams('point=P07&year=2020'),
    )
    expect(params.toString()).toBe('year=2025&cluster=equipment%2Cmaterials&town=shaxi&point=P07')
  })

  it('round-trips', () => {
    const f = { year: 2024, fromMonth: 1, toMonth: 6, statuses: ['在建', '新开工'], categories: ['教育'], german: true }
    expect(parseFilters(writeFilters(f))).toEqual({ ...f, statuses: ['在建', '新开工'].sort() })
  })

  it('toggles a clicked value on and off, and removes a chip', () => {
    const on = toggleValue({ year: 2026 }, 'clusters', 'biomed')
    expect(on).toEqual({ year: 2026, clusters: ['biomed'] })
    expect(toggleValue(on, 'clusters', 'biomed')).toEqual({ year: 2026 })
    expect(removeFilter({ towns: ['a', 'b'], year: 2026 }, 'towns', 'a')).toEqual({ towns: ['b'], year: 2026 })
    expect(removeFilter({ year: 2026, german: true }, 'german')).toEqual({ year: 2026 })
  })
})
