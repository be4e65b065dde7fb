import path from 'node:path'

/** Where a test may make a publish stop (and print a marker line) to be killed there. */
export type TestPause = 'table' | 'manifest'

export interface ServerConfig {
  readonly host: string
  readonly port: number
  /** The production build (index.html, assets/, embedded-data.json). */
  readonly distDir: string
  /** Assets of earlier builds, served when dist/ no longer has them (scripts/start.mjs fills it). */
  readonly archiveDir: string | null
  /** Published data: manifest.json, tables/, audit.jsonl, publishers.json. */
  readonly dataDir: string
  /** Largest request body, in bytes (a published table). */
  readonly bodyLimit: number
  /** Failed logins allowed per client address within `authWindowSeconds` before 429. */
  readonly authMaxFailures: number
  readonly authWindowSeconds: number
  /** Fastify's trustProxy: true behind a reverse proxy that sets X-Forwarded-For, so limits are per real client. */
  readonly trustProxy: boolean | string
  readonly logLevel: string
  readonly testPause: TestPause | null
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${raw}`)
  return value
}

function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false
  return raw === '1' || raw === 'true' ? true : raw
}

/** The server's settings from the environment; paths relative to `cwd`. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const pause = env.OBSERVATORY_TEST_PAUSE_AFTER_TEMP_WRITE
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4173, 0, 65535),
    distDir: path.resolve(cwd, env.OBSERVATORY_DIST || 'dist'),
    archiveDir:
      env.OBSERVATORY_ARCHIVE_DIR === '' ? null : path.resolve(cwd, env.OBSERVATORY_ARCHIVE_DIR ?? 'dist-archive'),
    dataDir: path.resolve(cwd, env.OBSERVATORY_DATA_DIR || 'published'),
    bodyLimit: integer(env, 'OBSERVATORY_BODY_LIMIT_MB', 256, 1, 4096) * 1024 * 1024,
    authMaxFailures: integer(env, 'OBSERVATORY_AUTH_MAX_FAILURES', 10, 1, 10_000),
    authWindowSeconds: integer(env, 'OBSERVATORY_AUTH_WINDOW_SECONDS', 15 * 60, 1, 7 * 24 * 3600),
    trustProxy: trustProxy(env.OBSERVATORY_TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    testPause: pause === 'manifest' ? 'manifest' : pause === '1' || pause === 'table' ? 'table' : null,
  }
}
