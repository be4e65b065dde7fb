/**
 * A GB18030 encoder for test fixtures (Node has only the decoder): every two-byte GBK
 * sequence is decoded once and the table inverted. ASCII passes through; characters
 * outside GBK are not needed by the fixtures and throw.
 */
let table: Map<string, [number, number]> | null = null

function build(): Map<string, [number, number]> {
  const map = new Map<string, [number, number]>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail])
    }
  }
  return map
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= build()
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const pair = table.get(ch)
      if (!pair) throw new Error(`No GBK code for ${ch}`)
      out.push(pair[0], pair[1])
    }
  }
  return new Uint8Array(out)
}

/** What Excel writes for "Unicode text": UTF-16LE with a BOM. */
export function encodeUtf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  let o = 0
  if (bom) {
    out[o++] = 0xff
    out[o++] = 0xfe
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[o++] = c & 0xff
    out[o++] = c >> 8
  }
  return out
}
