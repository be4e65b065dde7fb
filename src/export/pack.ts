/** What every briefing writer takes besides the document: a way to stop it between pages. */
export interface WriteOptions {
  readonly signal?: AbortSignal
}

/** Fits an image of w×h into a box, keeping its proportions. */
export function fitBox(w: number, h: number, boxW: number, boxH: number): { width: number; height: number } {
  const scale = Math.min(boxW / w, boxH / h)
  return { width: w * scale, height: h * scale }
}

export function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
