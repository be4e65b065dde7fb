/**
 * The production server's app in the test process, for Fastify's inject(): the same
 * plugins as the listening server, a temporary data dir with one publisher (张敏), the
 * fixture build made from data/.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

import { buildApp } from '../../server/app'
import { configFromEnv, type ServerConfig } from '../../server/config'
import { addPublisher } from '../../server/publishers'
import { basic, fixtureDist, ROOT, tempDir } from './server'

export const PUBLISHER = '张敏'
export const PASSPHRASE = 'secret1'
export const AUTH = basic(PUBLISHER, PASSPHRASE)
export const ARROW = 'application/vnd.apache.arrow.stream'

export interface TestApp {
  readonly app: FastifyInstance
  readonly dataDir: string
  publish(table: string, body: Uint8Array | string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  manifest(): Promise<{ version: number; tables: Record<string, Record<string, unknown>> }>
  /** Every file under the data dir's tables/, and the audit log: what a refused write must leave alone. */
  snapshot(): { files: string[]; audit: string; manifest: string }
  close(): Promise<void>
}

export async function openApp(overrides: Partial<ServerConfig> = {}): Promise<TestApp> {
  const data = tempDir('observatory-api-')
  await addPublisher(data.dir, PUBLISHER, PASSPHRASE)
  const config: ServerConfig = {
    ...configFromEnv({}, ROOT),
    distDir: await fixtureDist(),
    dataDir: data.dir,
    archiveDir: null,
    ...overrides,
  }
  const app = await buildApp(config, false)
  const read = (file: string) => {
    try {
      return readFileSync(path.join(data.dir, file), 'utf8')
    } catch {
      return ''
    }
  }
  return {
    app,
    dataDir: data.dir,
    publish: (table, body, headers = {}) =>
      app.inject({
        method: 'POST',
        url: `/api/publish/${table}`,
        headers: { authorization: AUTH, 'content-type': ARROW, 'if-match': 'none', ...headers },
        payload: typeof body === 'string' ? body : Buffer.from(body),
      }),
    manifest: async () => (await app.inject('/data/manifest.json')).json(),
    snapshot: () => ({
      files: (readdirSync(path.join(data.dir, 'tables'), { recursive: true }) as string[]).sort(),
      audit: read('audit.jsonl'),
      manifest: read('manifest.json'),
    }),
    async close() {
      await app.close()
      data.remove()
    },
  }
}
