/**
 * A text cell a spreadsheet would run as a formula: one starting with =, +, -, @, tab, CR or LF —
 * also after leading white space (some apps trim cells on import) and in the full-width forms
 * ＝ ＋ － ＠ (which East Asian spreadsheet set-ups read as formula signs).
 */
const FORMULA_START = /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Serialises rows to CSV. Text cells that a spreadsheet would run as a formula (FORMULA_START) are
 * prefixed with an apostrophe: exported data cannot execute in Excel or Sheets. Numbers are
 * written as they are (a negative number is data, not a formula).
 */
export function csvCell(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") {
    return Number.isFinite(Number(value)) ? String(value) : "";
  }
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, with its line break (for streamed exports). */
export function csvLine(row: readonly unknown[]): string {
  return row.map(csvCell).join(",") + "\r\n";
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(csvLine).join("");
}
