/**
 * WOFF 1.0 → the plain OpenType font inside it. fontkit can read WOFF itself, but inflates
 * its tables with a pure-JS inflater: seconds for a CJK font. The browser's own
 * DecompressionStream does it in milliseconds. (WOFF 1.0: a 44-byte header, a 20-byte
 * directory entry per table, each table zlib-compressed unless that would not shrink it.)
 */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (src.getUint32(0) !== 0x774f4646) return woff // not WOFF ('wOFF'): already a font
  const flavor = src.getUint32(4)
  const count = src.getUint16(12)
  const tables = Array.from({ length: count }, (_, i) => {
    const o = 44 + i * 20
    return {
      tag: src.getUint32(o),
      offset: src.getUint32(o + 4),
      compLength: src.getUint32(o + 8),
      origLength: src.getUint32(o + 12),
      checksum: src.getUint32(o + 16),
    }
  })
  const datas = await Promise.all(
    tables.map((t) => {
      const bytes = woff.subarray(t.offset, t.offset + t.compLength)
      return t.compLength < t.origLength ? inflate(bytes) : Promise.resolve(bytes)
    }),
  )
  const size = 12 + 16 * count + tables.reduce((n, t) => n + ((t.origLength + 3) & ~3), 0)
  const out = new Uint8Array(size)
  const dst = new DataView(out.buffer)
  const power = 2 ** Math.floor(Math.log2(count))
  dst.setUint32(0, flavor)
  dst.setUint16(4, count)
  dst.setUint16(6, power * 16)
  dst.setUint16(8, Math.log2(power))
  dst.setUint16(10, count * 16 - power * 16)
  let offset = 12 + 16 * count
  tables.forEach((t, i) => {
    const data = datas[i]!
    if (data.length !== t.origLength) throw new Error('字体文件已损坏')
    out.set(data, offset)
    const r = 12 + i * 16
    dst.setUint32(r, t.tag)
    dst.setUint32(r + 4, t.checksum)
    dst.setUint32(r + 8, offset)
    dst.setUint32(r + 12, t.origLength)
    offset += (t.origLength + 3) & ~3
  })
  return out
}
