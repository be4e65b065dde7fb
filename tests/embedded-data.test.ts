import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Plugin, ResolvedConfig } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'

import { EMBEDDED_QUERY, embeddedData } from '../scripts/embedded-data'
import { requireTable } from '../src/datasets/registry'
import { readEmbeddedArrow } from '../src/db/load-table'
import { readDataFile } from './support/embedded'

const root = mkdtempSync(path.join(tmpdir(), 'observatory-embedded-'))
mkdirSync(path.join(root, 'data'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

type Hook = (this: unknown, ...args: unknown[]) => unknown
const hook = (plugin: Plugin, name: 'configResolved' | 'load' | 'buildEnd') => plugin[name] as unknown as Hook

/** The plugin's load hook for one file, as the build calls it; what it emitted and returned, or the error it raised. */
async function buildLoad(file: string, command: 'build' | 'serve' = 'build') {
  const plugin = embeddedData()
  hook(plugin, 'configResolved').call(null, { command, root } as ResolvedConfig)
  const emitted: { name: string; source: Uint8Array }[] = []
  const context = {
    emitFile: (f: { name: string; source: Uint8Array }) => (emitted.push(f), `ref${emitted.length}`),
    error: (message: string) => {
      throw new Error(message)
    },
    addWatchFile: () => undefined,
  }
  try {
    const code = await hook(plugin, 'load').call(context, `${path.join(root, 'data', file)}?${EMBEDDED_QUERY}`)
    return { code, emitted }
  } finally {
    await hook(plugin, 'buildEnd').call(context)
  }
}

describe('the build’s embedded data', () => {
  it('gives each CSV in data/ to the build as its table’s Arrow stream', async () => {
    writeFileSync(path.join(root, 'data', 'towns.csv'), readDataFile('towns.csv'))
    const { code, emitted } = await buildLoad('towns.csv')
    expect(code).toBe('export default import.meta.ROLLUP_FILE_URL_ref1')
    expect(emitted.map((e) => e.name)).toEqual(['towns.arrow'])
    expect(readEmbeddedArrow(requireTable('towns'), emitted[0]!.source)).toEqual({ ok: true, value: { rows: 10 } })
  })

  it('fails the build on a corrupt cell, naming the file, the line and the value', async () => {
    const lines = new TextDecoder().decode(readDataFile('point_indicators.csv')).split('\n')
    lines[14] = lines[14]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1十二万')
    writeFileSync(path.join(root, 'data', 'point_indicators.csv'), lines.join('\n'))
    await expect(buildLoad('point_indicators.csv')).rejects.toThrow(
      /^data\/point_indicators\.csv：文件损坏：第15行，列 output_value，值"十二万"无法转换为规定类型/,
    )
  })

  it('leaves the dev server to make a stream when the page asks for it', async () => {
    const { code, emitted } = await buildLoad('towns.csv', 'serve')
    expect(code).toBe('export default "/@embedded-data/towns.arrow"')
    expect(emitted).toEqual([])
  })
})
