import type { Page } from 'playwright-core'
import { afterAll } from 'vitest'

import { ArrowMaker } from '../../../scripts/arrow-maker'
import { readDataFile } from '../../support/embedded'

/** The URL of a table's embedded file in the build (an Arrow stream named after the table). */
export const embeddedFile = (table: string) => new RegExp(`/${table}-[^/]*\\.arrow$`)

/**
 * Serving the app other embedded data: the build gives each table as an Arrow stream made
 * from its CSV in data/; a test changes that CSV and serves the stream made from it, as the
 * build would make it. Registers this file's afterAll, which stops the engine that makes them.
 */
export function useEmbeddedData() {
  const maker = new ArrowMaker()
  afterAll(() => maker.close())
  return {
    /** `page` gets `table` made from `csv`: CSV text or bytes, or a change to the embedded CSV's text. */
    async serve(page: Page, table: string, csv: string | Uint8Array | ((embedded: string) => string)) {
      const text = typeof csv === 'function' ? csv(new TextDecoder().decode(readDataFile(`${table}.csv`))) : csv
      const body = Buffer.from(await maker.mustMake(table, text))
      await page.route(embeddedFile(table), (route) =>
        route.fulfill({ body, contentType: 'application/vnd.apache.arrow.stream' }),
      )
    },
  }
}
