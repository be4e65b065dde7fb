// `npm start`: build the production bundle, then serve it on 127.0.0.1 (PORT, default 4173).
import { build, preview } from 'vite'

const port = Number(process.env.PORT ?? 4173)
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`)
  process.exit(2)
}

await build({ logLevel: 'warn' })
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } })
console.log(`\n  观察点数据看板 is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`)
for (const signal of ['SIGINT', 'SIGTERM']) {
  // server.close() also drops keep-alive connections, so an open browser tab cannot hold the exit.
  process.once(signal, () => server.close().finally(() => process.exit(0)))
}
