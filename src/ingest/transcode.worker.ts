/// <reference lib="webworker" />
import { toDuckDbUtf8, type TranscodeOptions } from './transcode'
import type { TextEncoding } from './encoding'

/** Decoding a big GB18030 or UTF-16 file takes a while: it happens here, off the main thread. */
self.onmessage = (e: MessageEvent<{ bytes: Uint8Array; encoding: TextEncoding; options: TranscodeOptions }>) => {
  try {
    const out = toDuckDbUtf8(e.data.bytes, e.data.encoding, e.data.options)
    ;(self as unknown as Worker).postMessage({ ok: true, bytes: out }, [out.buffer])
  } catch (error) {
    ;(self as unknown as Worker).postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
