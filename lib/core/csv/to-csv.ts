/**
 * Serialises rows to CSV. Text cells that a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR, LF) are prefixed with an apostrophe: exported data cannot execute in Excel or Sheets.
 * Numbers are written as they are (a negative number is data, not a formula).
 */
export function csvCell(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") {
    return Number.isFinite(Number(value)) ? String(value) : "";
  }
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, with its line break (for streamed exports). */
export function csvLine(row: readonly unknown[]): string {
  return row.map(csvCell).join(",") + "\r\n";
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(csvLine).join("");
}
