/**
 * The embedded sample tables of the build, as the app loads them when nothing is published:
 * dist/embedded-data.json (written by scripts/embedded-data.ts) names each table's Arrow asset.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { ApiError } from './errors'

export const EMBEDDED_INDEX = 'embedded-data.json'

export class EmbeddedData {
  private index: Promise<Record<string, string>> | null = null

  constructor(private readonly distDir: string) {}

  /** The file of a table's embedded stream, and the asset's name as its version. */
  async locate(table: string): Promise<{ key: string; file: string }> {
    const index = await (this.index ??= this.readIndex())
    const file = index[table]
    if (!file || !/^assets\/[^/\\]+\.arrow$/.test(file))
      throw new ApiError(503, `服务器找不到表 ${table} 的内置数据，无法检查引用（构建是否完整？）`)
    return { key: `embedded:${file}`, file: path.join(this.distDir, file) }
  }

  private async readIndex(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(path.join(this.distDir, EMBEDDED_INDEX), 'utf8')) as Record<string, string>
    } catch {
      this.index = null
      return {}
    }
  }
}
