/// <reference lib="webworker" />
import type { TextEncoding } from './encoding'
import { bytesOf, toDuckDbUtf8, type TranscodeOptions } from './transcode'

/** Decoding a big GB18030 or UTF-16 file takes a while: it happens here, off the main thread. */
self.onmessage = async (
  e: MessageEvent<{ input: Uint8Array | Blob; encoding: TextEncoding; options: TranscodeOptions }>,
) => {
  try {
    // Bytes read here, or a copy made for this worker: ours to hand on.
    const out = toDuckDbUtf8(await bytesOf(e.data.input), e.data.encoding, e.data.options, true)
    ;(self as unknown as Worker).postMessage({ ok: true, bytes: out }, [out.buffer])
  } catch (error) {
    ;(self as unknown as Worker).postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}
