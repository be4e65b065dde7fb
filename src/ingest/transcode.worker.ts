/// <reference lib="webworker" />
import { toDuckDbUtf8, type TranscodeOptions } from './transcode'
import type { TextEncoding } from './encoding'

/** Decoding a big GB18030 or UTF-16 file takes a while: it happens here, off the main thread. */
self.onmessage = async (e: MessageEvent<{ input: Uint8Array | Blob; encoding: TextEncoding; options: TranscodeOptions }>) => {
  try {
    const { input } = e.data
    const out = toDuckDbUtf8(input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()), e.data.encoding, e.data.options)
    ;(self as unknown as Worker).postMessage({ ok: true, bytes: out }, [out.buffer])
  } catch (error) {
    ;(self as unknown as Worker).postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
