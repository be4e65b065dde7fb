import { describe, expect, it } from 'vitest'

import { wrapText } from '../src/export/layout'
import { badBreaks, breakLines, breakUnits } from '../src/export/linebreak'

/** Every character one unit wide, Latin and digits half: a monospaced stand-in for a real font. */
const measure = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5), 0)

describe('Chinese line breaking', () => {
  it('keeps a number, its sign, decimals, % and unit in one piece', () => {
    expect(breakUnits('为117.30亿元，')).toEqual(['为', '117.30亿元', '，'])
    expect(breakUnits('下降-2.5%；')).toEqual(['下', '降', '-2.5%', '；'])
    expect(breakUnits('2026年1—10月')).toEqual(['2026年', '1—10月'])
    expect(breakUnits('1,234.5万元')).toEqual(['1,234.5万元'])
  })

  it('never starts a line with closing punctuation: the character before goes down with it', () => {
    // Ten units a line: the 11th character is "，", which may not start a line.
    const lines = breakLines('一二三四五六七八九十，十一', 10, measure)
    expect(lines).toEqual(['一二三四五六七八九', '十，十一'])
    expect(badBreaks(lines)).toEqual([])
  })

  it('never ends a line with an opening mark, and never splits a number', () => {
    const lines = breakLines('一二三四五六七八（九十）', 9, measure)
    expect(lines[0]).toBe('一二三四五六七八')
    expect(lines[1]!.startsWith('（')).toBe(true)
    const money = breakLines('累计产值为280.59亿元，同比增长5.4%。', 8, measure)
    expect(money.join('')).toBe('累计产值为280.59亿元，同比增长5.4%。')
    expect(money.some((l) => l.includes('280.59亿元'))).toBe(true)
    expect(money.some((l) => l.includes('5.4%'))).toBe(true)
    expect(badBreaks(money)).toEqual([])
  })

  it('holds for every width over a long sentence, and keeps every character', () => {
    const text =
      '2026年1—10月，从累计产值看，先进材料最高，为117.33亿元；其次为高端装备，为78.39亿元；文化旅游最低，为1.87亿元。' +
      '“两癌”免费筛查23000人次（含复查）、新增公共停车泊位2300个！'
    for (let width = 4; width <= 40; width++) {
      const lines = breakLines(text, width, measure)
      expect(lines.join(''), String(width)).toBe(text)
      expect(badBreaks(lines), String(width)).toEqual([])
    }
  })

  it('lays captions in images out by the same rules', () => {
    const lines = wrapText('各集群累计产值与同比（亿元），2026年1—10月', 10, 75)
    expect(badBreaks(lines)).toEqual([])
    expect(lines.join('')).toBe('各集群累计产值与同比（亿元），2026年1—10月')
  })
})
