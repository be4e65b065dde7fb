/**
 * The production server: the build, the published data and the publish API, one Fastify
 * plugin per concern. `buildApp` opens the data dir (checking every file the manifest
 * names) before it answers anything.
 */
import path from 'node:path'

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, LogController } from 'fastify'

import { CheckerClient } from './checks/client'
import type { ServerConfig, TestPause } from './config'
import { EmbeddedData } from './embedded'
import api from './plugins/api'
import auth from './plugins/auth'
import data from './plugins/data'
import security from './plugins/security'
import staticFiles from './plugins/static'
import { Publishing } from './publishing'
import { DataStore, TABLES_DIR } from './store/store'

/** A test hook, off unless set: the publish stops at `stage` and says so on stdout, to be killed there. */
function pauseFor(config: ServerConfig) {
  return async (stage: TestPause, file: string) => {
    if (config.testPause !== stage) return
    process.stdout.write(`OBSERVATORY_TEST_PAUSED ${stage} ${file}\n`)
    await new Promise(() => {})
  }
}

export async function buildApp(
  config: ServerConfig,
  logger: FastifyServerOptions['logger'] = { level: config.logLevel },
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // 200 screens polling every few seconds: one line each would drown what matters.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    // An ad-hoc table's Chinese name, percent-encoded, is far longer than the default 100.
    routerOptions: { maxParamLength: 1000 },
    bodyLimit: 64 * 1024,
    // A path that does not decode (%C0%AE…) never reaches a route: answered like any unsafe path.
    frameworkErrors: (_error, _request, reply) => void (reply as FastifyReply).code(400).send({ error: '路径不合法' }),
  })
  const store = await DataStore.open(config.dataDir, { log: app.log, pause: pauseFor(config) })
  const checker = new CheckerClient()
  app.addHook('onClose', () => checker.close())

  await app.register(security, { bodyLimit: config.bodyLimit })
  await app.register(staticFiles, {
    distDir: config.distDir,
    archiveDir: config.archiveDir,
    immutableDirs: [
      path.join(config.distDir, 'assets'),
      ...(config.archiveDir ? [path.join(config.archiveDir, 'assets')] : []),
      path.join(config.dataDir, TABLES_DIR),
    ],
  })
  await app.register(data, { store })
  await app.register(auth, {
    dataDir: config.dataDir,
    maxFailures: config.authMaxFailures,
    windowSeconds: config.authWindowSeconds,
  })
  await app.register(api, {
    publishing: new Publishing(store, checker, new EmbeddedData(config.distDir)),
    bodyLimit: config.bodyLimit,
    uploadDir: store.uploadDir,
  })
  return app
}
