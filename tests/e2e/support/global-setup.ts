import type { TestProject } from 'vitest/node'

import { startPreviewServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** One preview server of dist/ for the whole browser-test run. */
export default async function setup(project: TestProject) {
  const server = await startPreviewServer()
  project.provide('baseUrl', server.url)
  return () => server.close()
}
