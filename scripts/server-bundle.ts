// `vite build` also bundles the production server, so every build (npm start, the browser
// tests, the benchmarks) has a dist-server/ that matches its dist/.
import path from 'node:path'

import { build, type Plugin } from 'vite'

export function serverBundle(): Plugin {
  let root = process.cwd()
  let ssr = false
  return {
    name: 'observatory-server-bundle',
    apply: 'build',
    configResolved(config) {
      root = config.root
      ssr = !!config.build.ssr
    },
    async closeBundle() {
      if (ssr) return
      await build({ root, configFile: path.join(root, 'vite.server.config.ts'), logLevel: 'warn' })
    },
  }
}
