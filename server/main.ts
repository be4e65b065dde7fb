// The production server's entry (bundled to dist-server/server.mjs by the build; `npm start`
// runs it): settings from the environment, see server/config.ts and docs/DEPLOY.md.
import { buildApp } from './app'
import { ConfigError, configFromEnv } from './config'

async function main() {
  let config
  try {
    config = configFromEnv()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(2)
  }
  const app = await buildApp(config)
  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  // Tests and scripts read this line for the port (PORT=0 picks a free one).
  console.log(
    `观察点数据看板 is running at http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/  (Ctrl+C to stop)`,
  )
  console.log(`  data: ${config.dataDir}`)

  let closing = false
  const stop = () => {
    if (closing) return
    closing = true
    // Waits for a publish in progress to finish writing; open keep-alive connections are dropped.
    app.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  // Started by a test or a script with an IPC channel: end with whoever started it.
  if (process.channel) {
    process.channel.unref()
    process.once('disconnect', stop)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
