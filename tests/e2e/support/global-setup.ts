import type { TestProject } from 'vitest/node'

import { startBuildServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** One production server of dist/ for the whole browser-test run, with nothing published. */
export default async function setup(project: TestProject) {
  const server = await startBuildServer()
  project.provide('baseUrl', server.url)
  return () => server.close()
}
