/** Reads a File's bytes, reporting progress (a large file takes a moment even from disk). */
export async function readFileWithProgress(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  if (typeof file.stream !== 'function') return new Uint8Array(await file.arrayBuffer())
  const out = new Uint8Array(file.size)
  const reader = file.stream().getReader()
  let offset = 0
  let reported = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    out.set(value, offset)
    offset += value.length
    const fraction = file.size ? offset / file.size : 1
    // A re-render per 64 KB chunk would cost more than the read itself: report every 2%.
    if (fraction - reported >= 0.02 || fraction === 1) {
      reported = fraction
      onProgress(fraction)
    }
  }
  return offset === out.length ? out : out.subarray(0, offset)
}
