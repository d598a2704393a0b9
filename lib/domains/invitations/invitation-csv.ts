import { parseCsv } from "@/lib/core/csv/parse-csv";
import { toCsv } from "@/lib/core/csv/to-csv";

/**
 * The bulk-invite CSV as the browser reads it before sending rows to POST /api/invitations/import.
 * Pure and browser-safe: no server imports here.
 */
export const CSV_COLUMNS = ["email", "name", "role", "teams", "location"] as const;
export const REQUIRED_COLUMNS = ["email"] as const;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** The server refuses a whole chunk with a longer cell, so such rows are refused here instead. */
const MAX_CELL = 2000;

type Column = (typeof CSV_COLUMNS)[number];

export interface ImportRow {
  line: number;
  email: string;
  name?: string;
  role?: string;
  teams?: string;
  /** Where the person works; a name the organisation does not have yet is created. */
  location?: string;
}

export type ImportOutcome =
  | { line: number; email: string; status: "invited"; url: string }
  | { line: number; email: string; status: "refused" | "not_processed"; reason: string };

export type ReadCsvResult =
  | { ok: false; message: string }
  | { ok: true; rows: ImportRow[]; refused: ImportOutcome[]; ignoredColumns: string[] };

export function readInvitationCsv(text: string): ReadCsvResult {
  const parsed = parseCsv(text);
  const [header, ...body] = parsed;
  if (!header)
    return {
      ok: false,
      message: "The file is empty. Start with the header row: email,name,role,teams.",
    };

  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<Column, number>();
  for (const column of CSV_COLUMNS) {
    const at = names.indexOf(column);
    if (at >= 0) index.set(column, at);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    return {
      ok: false,
      message:
        `The header row has no "${missing.join('", "')}" column. The first line must name the ` +
        `columns, e.g. email,name,role,teams (found: ${header.cells
          .map((c) => c.trim() || "(blank)")
          .join(", ")
          .slice(0, 200)}).`,
    };
  }
  if (body.length === 0)
    return { ok: false, message: "The file has a header row but no people to invite." };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message: `The file has ${body.length.toLocaleString("en")} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString("en")} at a time. Split it into several files.`,
    };
  }

  const rows: ImportRow[] = [];
  const refused: ImportOutcome[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? undefined : (cells[at] ?? "");
    };
    const row: ImportRow = { line, email: cell("email") ?? "" };
    for (const column of ["name", "role", "teams", "location"] as const) {
      const value = cell(column);
      if (value !== undefined) row[column] = value;
    }
    if (Object.values(row).some((v) => typeof v === "string" && v.length > MAX_CELL)) {
      refused.push({
        line,
        email: row.email.trim().slice(0, 254),
        status: "refused",
        reason: `A cell is longer than ${MAX_CELL} characters.`,
      });
      continue;
    }
    // A repeated address is refused here with the line it repeats, wherever the chunks fall.
    const address = row.email.trim().toLowerCase();
    const first = address ? firstLine.get(address) : undefined;
    if (first !== undefined) {
      refused.push({
        line,
        email: row.email.trim(),
        status: "refused",
        reason: `Duplicate of line ${first}.`,
      });
      continue;
    }
    if (address) firstLine.set(address, line);
    rows.push(row);
  }
  const known = new Set<string>(CSV_COLUMNS);
  const ignoredColumns = header.cells
    .map((c) => c.trim())
    .filter((c) => c && !known.has(c.toLowerCase()));
  return { ok: true, rows, refused, ignoredColumns };
}

export const TEMPLATE_CSV = toCsv(
  [...CSV_COLUMNS],
  [
    ["ada@example.com", "Ada Lovelace", "employee", "Engineering", "Berlin"],
    ["grace@example.com", "Grace Hopper", "manager", "Engineering;Sales", "Remote"],
    ["alan@example.com", "", "", "", ""],
  ],
);

/** The report offered for download once an import ends: one line per CSV row. */
export function importReportCsv(outcomes: ImportOutcome[]): string {
  return toCsv(
    ["line", "email", "status", "reason", "invite_url"],
    outcomes.map((o) => [
      o.line,
      o.email,
      o.status.replace("_", " "),
      o.status === "invited" ? "" : o.reason,
      o.status === "invited" ? o.url : "",
    ]),
  );
}
