import type { UploadDecisions } from '../ingest/plan'
import type { BatchRead } from '../ingest/xlsx/batch'
import { groupFileName, workbookSource } from '../ingest/xlsx/place'
import type { Result } from '../lib/result'
import type { IngestSession } from './ingest'
import { type PreparedUpload, type PrepareOptions, prepareUpload, type UploadInput } from './ingest-pipeline'

/** How the CSV a workbook group was written as is read: UTF-8, commas, a header on line 1. */
export const WORKBOOK_CSV: Pick<UploadDecisions, 'encoding' | 'delimiter' | 'hasHeader'> = {
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
}

/**
 * Stages one group of a workbook batch (one workbook, or the monthly reports of every point)
 * as one upload: one preview, one report naming file, sheet, row and column, one commit.
 */
export function prepareWorkbookGroup(
  session: IngestSession,
  batch: BatchRead,
  group: number,
  options: Omit<PrepareOptions, 'workbook'> & { readonly input?: UploadInput } = {},
): Promise<Result<PreparedUpload, string>> {
  const { input, ...rest } = options
  const g = batch.groups[group]!
  return prepareUpload(session, input ?? g.csv.slice(), groupFileName(batch, group), {
    ...rest,
    decisions: { ...rest.decisions, ...WORKBOOK_CSV },
    workbook: workbookSource(batch, group),
  })
}
