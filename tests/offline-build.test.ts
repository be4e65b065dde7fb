import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import {
  cdnNamed,
  ENGINE_CDN_LINK,
  ENGINE_CDN_LINK_OFFLINE,
  PACKAGE_CDN_FIELDS,
  replaceBytes,
  replaceOnce,
} from '../scripts/offline-build'

const require = createRequire(import.meta.url)
const duckdbFile = (name: string) => readFileSync(require.resolve(`@duckdb/duckdb-wasm/dist/${name}`))

describe('a build that names no CDN', () => {
  it('finds a CDN named anywhere in a file, text or bytes, and nothing in a clean one', () => {
    expect(cdnNamed('fetch("https://cdn.jsdelivr.net/npm/x")')).toContain('cdn.jsdelivr.net')
    expect(cdnNamed(new TextEncoder().encode('<link href="https://UNPKG.com/a.css">'))).toContain('UNPKG.com')
    expect(cdnNamed('{jsdelivr:"dist/x.cjs"}')).toContain('jsdelivr')
    expect(cdnNamed('@import url(https://fonts.googleapis.com/css2)')).toContain('fonts.googleapis.com')
    expect(cdnNamed('new URL("assets/duckdb-eh.wasm", import.meta.url)')).toBeNull()
  })

  it('swaps the engine’s style-sheet link for a comment of the same length, everywhere it occurs, and says so when it is missing', () => {
    expect(ENGINE_CDN_LINK_OFFLINE).toHaveLength(ENGINE_CDN_LINK.length)
    expect(cdnNamed(ENGINE_CDN_LINK_OFFLINE)).toBeNull()
    const bytes = new TextEncoder().encode(`a${ENGINE_CDN_LINK}b${ENGINE_CDN_LINK}c`)
    const out = new TextDecoder().decode(replaceBytes(bytes, ENGINE_CDN_LINK, ENGINE_CDN_LINK_OFFLINE, 'x.wasm'))
    expect(out).toBe(`a${ENGINE_CDN_LINK_OFFLINE}b${ENGINE_CDN_LINK_OFFLINE}c`)
    expect(() => replaceBytes(new Uint8Array(8), ENGINE_CDN_LINK, ENGINE_CDN_LINK_OFFLINE, 'x.wasm')).toThrow(
      /x\.wasm.*not found/,
    )
    expect(() => replaceBytes(bytes, 'ab', 'abc', 'x.wasm')).toThrow(/same length/)
  })

  it('removes the package fields only when they occur exactly once', () => {
    expect(replaceOnce(`{a:1,${PACKAGE_CDN_FIELDS}b:2}`, PACKAGE_CDN_FIELDS, '', 'm.mjs')).toBe('{a:1,b:2}')
    expect(() => replaceOnce('{a:1}', PACKAGE_CDN_FIELDS, '', 'm.mjs')).toThrow(/m\.mjs.*exactly once/)
    expect(() => replaceOnce(PACKAGE_CDN_FIELDS + PACKAGE_CDN_FIELDS, PACKAGE_CDN_FIELDS, '', 'm.mjs')).toThrow(
      /exactly once/,
    )
  })

  // What the plugin takes out must still be in the DuckDB-WASM installed: an upgrade that
  // changes it fails here (and the build says which file), rather than shipping a CDN name.
  it('finds what it takes out in the installed DuckDB-WASM, and nothing else naming a CDN there', () => {
    const browser = duckdbFile('duckdb-browser.mjs').toString('utf8')
    expect(browser.split(PACKAGE_CDN_FIELDS)).toHaveLength(2)
    for (const wasm of ['duckdb-eh.wasm', 'duckdb-mvp.wasm']) {
      const cleaned = replaceBytes(duckdbFile(wasm), ENGINE_CDN_LINK, ENGINE_CDN_LINK_OFFLINE, wasm)
      expect(cdnNamed(cleaned), wasm).toBeNull()
    }
  })
})
