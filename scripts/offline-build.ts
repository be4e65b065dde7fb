// The production build must run with no internet, and must not even name a CDN: a Vite
// plugin that takes out the two CDN references the build inherits from DuckDB-WASM, and then
// fails the build if any emitted file still names one.
import type { Plugin } from 'vite'

/** Public CDNs a page could load code or styles from. */
export const CDN =
  /jsdelivr|unpkg|cdnjs\.cloudflare\.com|esm\.sh|cdn\.skypack\.dev|fonts\.googleapis\.com|fonts\.gstatic\.com/i

/**
 * DuckDB-WASM bundles its own package.json, with the fields that tell jsDelivr and unpkg
 * which file to serve. Nothing reads those two fields; everything else stays.
 */
export const PACKAGE_CDN_FIELDS = 'jsdelivr:"dist/duckdb-browser.cjs",unpkg:"dist/duckdb-browser.mjs",'

/**
 * DuckDB's engine holds one HTML template (for `EXPLAIN (FORMAT html)`) that links a style
 * sheet on unpkg. It is swapped, in place, for an HTML comment of the same length, so the
 * wasm's data keeps its layout; such a page is then drawn without that style sheet.
 */
export const ENGINE_CDN_LINK = '<link rel="stylesheet" href="https://unpkg.com/treeflex/dist/css/treeflex.css">'
const OFFLINE_NOTE = '<!-- treeflex.css: not linked, works offline'
export const ENGINE_CDN_LINK_OFFLINE = `${OFFLINE_NOTE}${' '.repeat(ENGINE_CDN_LINK.length - OFFLINE_NOTE.length - 4)} -->`

/** `text` with `what` (which must occur exactly once) replaced by `by`. */
export function replaceOnce(text: string, what: string, by: string, where: string): string {
  const at = text.indexOf(what)
  if (at < 0 || text.indexOf(what, at + 1) >= 0)
    throw new Error(`${where}: expected ${JSON.stringify(what.slice(0, 40))}… exactly once (has DuckDB-WASM changed?)`)
  return text.slice(0, at) + by + text.slice(at + what.length)
}

/** `bytes` with every occurrence of the (same-length) `what` replaced by `by`; throws if there is none. */
export function replaceBytes(bytes: Uint8Array, what: string, by: string, where: string): Uint8Array {
  if (Buffer.byteLength(what) !== Buffer.byteLength(by))
    throw new Error('replaceBytes: the replacement must have the same length')
  const out = Buffer.from(bytes)
  const needle = Buffer.from(what)
  let found = 0
  for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, at + needle.length)) {
    out.write(by, at)
    found++
  }
  if (found === 0)
    throw new Error(`${where}: ${JSON.stringify(what.slice(0, 40))}… not found (has DuckDB-WASM changed?)`)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** The first CDN an emitted file names, with some context, or null. */
export function cdnNamed(content: string | Uint8Array): string | null {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1')
  const m = CDN.exec(text)
  return m ? text.slice(Math.max(0, m.index - 40), m.index + 60) : null
}

export function offlineBuild(): Plugin {
  return {
    name: 'observatory-offline-build',
    apply: 'build',
    transform(code, id) {
      if (!/@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]duckdb-browser\.mjs$/.test(id)) return null
      return { code: replaceOnce(code, PACKAGE_CDN_FIELDS, '', id), map: null }
    },
    generateBundle(_, bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'asset' && /duckdb-(eh|mvp)-[^/]*\.wasm$/.test(file)) {
          out.source = replaceBytes(
            typeof out.source === 'string' ? Buffer.from(out.source) : out.source,
            ENGINE_CDN_LINK,
            ENGINE_CDN_LINK_OFFLINE,
            file,
          )
        }
        const named = cdnNamed(out.type === 'chunk' ? out.code : out.source)
        if (named) this.error(`${file} names a CDN, and the dashboard must run with no internet: …${named}…`)
      }
    },
  }
}
