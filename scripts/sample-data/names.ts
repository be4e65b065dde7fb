import type { Random } from './random'

/**
 * Fictitious names. Enterprise brands are two characters drawn from a pool and checked for
 * uniqueness; people's names are a common surname and one or two given-name characters.
 * None is meant to name a real enterprise or person.
 */

const BRAND_FIRST = '恒泓瑞凯博弘诺卓信澄汇锦安天华启睿致嘉润宏德鼎晟裕铭同远'
const BRAND_SECOND = '锐德科沃川泰维航嘉禾海隆程拓宇麟晟远恒辰盛峰岳鑫'

export function brandNames(random: Random, count: number): string[] {
  const used = new Set<string>()
  const out: string[] = []
  while (out.length < count) {
    const name = random.pick([...BRAND_FIRST]) + random.pick([...BRAND_SECOND])
    if (name[0] === name[1] || used.has(name)) continue
    used.add(name)
    out.push(name)
  }
  return out
}

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武'
const GIVEN =
  '建国华明伟芳敏静丽强磊军洋勇艳杰娟涛超秀英霞平刚桂兰志红晓东海燕波辉宁鹏飞斌玲萍雪梅琳亮丹瑜晨婷雯浩宇嘉慧晖峰'

export function personName(random: Random): string {
  const given = random.chance(0.6) ? random.pick([...GIVEN]) + random.pick([...GIVEN]) : random.pick([...GIVEN])
  return random.pick([...SURNAMES]) + given
}

/** Distinct people, for deputies who each appear once. */
export function personNames(random: Random, count: number): string[] {
  const used = new Set<string>()
  const out: string[] = []
  while (out.length < count) {
    const name = personName(random)
    if (used.has(name)) continue
    used.add(name)
    out.push(name)
  }
  return out
}
