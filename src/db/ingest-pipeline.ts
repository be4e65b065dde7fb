import { getTable, TABLES } from '../datasets/registry'
import { analyseFile, decompressIfNeeded, type FileAnalysis } from '../ingest/analyse'
import { sniffBinary } from '../ingest/binary'
import { adhocTableName, legalTableName } from '../ingest/columns'
import { compressionOf, SAMPLE_BYTES, type TextEncoding } from '../ingest/encoding'
import { automaticTarget, mapHeaders, missingRequired } from '../ingest/mapping'
import { defaultMode, type StagePlan, type StageReport, type UploadDecisions, type UploadTarget } from '../ingest/plan'
import type { UploadIssue } from '../ingest/report'
import { linesSkipped } from '../ingest/stage-sql'
import { bytesOf, toDuckDbUtf8, type TranscodeOptions } from '../ingest/transcode'
import type { WorkbookSource } from '../ingest/xlsx/place'
import { err, ok, type Result } from '../lib/result'
import { testHooks } from '../lib/test-hooks'
import { type CommittedTable, commitUpload, existingTables, type IngestSession, stageUpload } from './ingest'

/**
 * What an upload reads: bytes in memory, or the user's File. A File that needs no decoding
 * is never read into the page at all: DuckDB reads it itself, in its worker.
 */
export type UploadInput = Uint8Array | Blob

/** Re-encodes to UTF-8; the browser passes one that runs in a worker (which reads a File itself). */
export type Transcoder = (input: UploadInput, encoding: TextEncoding, options: TranscodeOptions) => Promise<Uint8Array>
export const transcodeHere: Transcoder = async (input, encoding, options) =>
  toDuckDbUtf8(await bytesOf(input), encoding, options, input instanceof Blob)

/** The first bytes of an input, enough for detection; a compressed File is read whole and opened. */
export async function openInput(input: UploadInput): Promise<Result<{ input: UploadInput; head: Uint8Array }, string>> {
  if (input instanceof Uint8Array) {
    const opened = await decompressIfNeeded(input)
    return opened.ok ? ok({ input: opened.value, head: opened.value }) : opened
  }
  // A few bytes past the sample: detection then knows the file goes on, and that a character
  // the sample's end cuts in half is not a broken one (UTF-8 Chinese on every line).
  const head = new Uint8Array(await input.slice(0, SAMPLE_BYTES + 4).arrayBuffer())
  if (compressionOf(head) === null) return ok({ input, head })
  const opened = await decompressIfNeeded(await bytesOf(input))
  return opened.ok ? ok({ input: opened.value, head: opened.value }) : opened
}

export interface PreparedUpload {
  readonly fileName: string
  readonly analysis: FileAnalysis
  readonly plan: StagePlan
  readonly report: StageReport
  readonly decisions: UploadDecisions
}

/** The steps of a prepare a page can show as they start. */
export type PreparePhase = 'decoding' | 'loading' | 'validating'

export interface PrepareOptions {
  /** What the user chose (or what a stored upload recorded); anything left out is detected. */
  readonly decisions?: Partial<UploadDecisions>
  readonly transcode?: Transcoder
  readonly onPhase?: (phase: PreparePhase) => void
  /**
   * The input is the CSV a workbook's sheet (or several workbooks) was written as: the
   * report then names sheet, Excel row and column letter, and cells that hold no value
   * (a formula without a cached result) fail their rows.
   */
  readonly workbook?: WorkbookSource
}

async function targetFrom(
  decisions: Partial<UploadDecisions>,
  analysis: FileAnalysis,
  fileName: string,
  tables: () => Promise<string[]>,
): Promise<Result<UploadTarget, string>> {
  const wanted = decisions.target
  if (wanted?.kind === 'table') {
    const table = getTable(wanted.table)
    if (!table) return err(`没有名为 ${wanted.table} 的数据集`)
    const mapping =
      wanted.mapping.length === analysis.headers.length ? wanted.mapping : mapHeaders(table, analysis.rawHeaders)
    return ok({ kind: 'table', table, mapping, mode: wanted.mode })
  }
  if (wanted?.kind === 'adhoc') {
    const name = legalTableName(wanted.name)
    if (!name) return err('临时表名称不能为空')
    if (TABLES.some((t) => t.name.toLowerCase() === name.toLowerCase()))
      return err(`“${name}”是内置数据集的名称，请换一个`)
    return ok({ kind: 'adhoc', name })
  }
  const best = analysis.dialect.hasHeader ? automaticTarget(analysis.rawHeaders, fileName) : undefined
  if (best) return ok({ kind: 'table', table: best.table, mapping: best.mapping, mode: defaultMode(best.table) })
  return ok({ kind: 'adhoc', name: adhocTableName(fileName, [...TABLES.map((t) => t.name), ...(await tables())]) })
}

/**
 * Reads, maps, stages and validates a file; nothing outside the staging tables changes.
 * A Uint8Array input is consumed (DuckDB takes its buffer) unless it has to be decoded.
 */
export async function prepareUpload(
  session: IngestSession,
  original: UploadInput,
  fileName: string,
  options: PrepareOptions = {},
): Promise<Result<PreparedUpload, string>> {
  const mark = (what: string) =>
    testHooks()?.ingestTimings?.push({
      sql: what,
      ms: Math.round(performance.now()),
    })
  mark('prepare start (time)')
  const opened = await openInput(original)
  if (!opened.ok) return opened
  // A picture, PDF or program renamed .csv is refused before anything decodes it.
  const binary = sniffBinary(opened.value.head)
  if (binary) return err(binary.message)
  const decisions = options.decisions ?? {}
  const analysed = analyseFile(opened.value.head, {
    ...(decisions.encoding ? { encoding: decisions.encoding } : {}),
    ...(decisions.delimiter ? { delimiter: decisions.delimiter } : {}),
    ...(decisions.hasHeader !== undefined ? { hasHeader: decisions.hasHeader } : {}),
  })
  if (!analysed.ok) return analysed
  const analysis = analysed.value
  const target = await targetFrom(decisions, analysis, fileName, () => existingTables(session))
  if (!target.ok) return target
  const plan: StagePlan = {
    dialect: analysis.dialect,
    headers: analysis.headers,
    target: target.value,
    shapes: analysis.columnShapes,
    ...(options.workbook ? { cellFaults: options.workbook.group.faults } : {}),
  }

  mark('analysed (time)')
  options.onPhase?.('decoding')
  // UTF-8 that needs no rewriting goes to DuckDB as it is (its reader skips a BOM itself).
  const { normaliseLineEnds, dropNul, repairUtf8 } = analysis.transcode
  const asIs = analysis.encoding === 'utf-8' && !normaliseLineEnds && !dropNul && !repairUtf8
  let utf8: UploadInput
  try {
    utf8 =
      asIs && opened.value.input instanceof Blob
        ? opened.value.input
        : await (options.transcode ?? transcodeHere)(opened.value.input, analysis.encoding, {
            ...analysis.transcode,
            skippedLines: linesSkipped(plan.dialect),
          })
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e))
  }
  mark('transcoded (time)')
  options.onPhase?.('loading')
  const staged = await stageUpload(session, utf8, plan)
  if (!staged.ok) return staged
  let report = staged.value
  if (plan.target.kind === 'table') {
    const missing = missingRequired(plan.target.table, plan.target.mapping)
    if (missing.length) {
      const labels = missing.map((m) =>
        plan.target.kind === 'table' ? (plan.target.table.columns.find((c) => c.name === m)?.label ?? m) : m,
      )
      const fatal: UploadIssue = {
        line: null,
        column: null,
        problem: `缺少必填列：${labels.join('、')}（请在列对应中指定，或作为临时表导入）`,
        value: null,
        severity: 'file',
      }
      report = { ...report, fatal: [fatal, ...report.fatal] }
    }
  }
  if (options.workbook) {
    // Only a workbook upload needs this (its module comes with the workbook reader's chunk).
    const { placeIssues } = await import('../ingest/xlsx/place')
    report = { ...report, issues: placeIssues(options.workbook, report.issues) }
  }
  const finalDecisions: UploadDecisions = {
    encoding: analysis.encoding,
    delimiter: analysis.dialect.delimiter,
    hasHeader: analysis.dialect.hasHeader,
    target:
      plan.target.kind === 'table'
        ? { kind: 'table', table: plan.target.table.name, mapping: plan.target.mapping, mode: plan.target.mode }
        : { kind: 'adhoc', name: plan.target.name },
    skipFailing: decisions.skipFailing ?? true,
  }
  return ok({ fileName, analysis, plan, report, decisions: finalDecisions })
}

/** Whether the staged rows may be committed under this choice, and why not. */
export function commitBlocker(prepared: PreparedUpload, skipFailing: boolean): string | null {
  const { report } = prepared
  if (report.fatal.length) return report.fatal.map((f) => f.problem).join('；')
  if (!skipFailing && (report.failingRows > 0 || report.rejectedLines > 0))
    return `有 ${report.failingRows + report.rejectedLines} 行有问题，已按“整个文件不导入”处理`
  return null
}

/**
 * Commits a prepared upload. `targetUnchanged`: the caller knows no other upload changed the
 * target table since the preview, so its size and overlap still hold (an append may then
 * copy the smaller side).
 */
export async function confirmUpload(
  session: IngestSession,
  prepared: PreparedUpload,
  skipFailing: boolean,
  { targetUnchanged = false } = {},
): Promise<Result<CommittedTable, string>> {
  const blocker = commitBlocker(prepared, skipFailing)
  if (blocker) return err(blocker)
  return commitUpload(session, prepared.plan, {
    skipFailing,
    report: prepared.report,
    targetUnchanged,
    ...(prepared.report.adhocColumns ? { adhocColumns: prepared.report.adhocColumns } : {}),
  })
}
