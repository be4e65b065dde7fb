/**
 * Spreadsheet-formula injection: a cell whose text starts with one of these is taken as a
 * formula by Excel and WPS (=HYPERLINK(...) that phones home, +cmd|...). OWASP's list.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])
/** A plain number written as text ("-12.5") is harmless: Excel reads it as that number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!) && !PLAIN_NUMBER.test(text)
}

/** The text as a CSV cell must carry it so that a spreadsheet shows it as text: a leading apostrophe. */
export function neutraliseForCsv(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text
}
