import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/core/csv/parse-csv";
import {
  importReportCsv,
  readInvitationCsv,
  TEMPLATE_CSV,
  type ImportRow,
} from "@/lib/domains/invitations/invitation-csv";
import {
  isRetryable,
  runCsvImport,
  type SendResult,
} from "@/lib/domains/invitations/run-csv-import";

describe("readInvitationCsv", () => {
  it("maps columns by name (any order, any case) and keeps line numbers", () => {
    const result = readInvitationCsv(
      "Teams,EMAIL,role,name\nSales;Ops,ann@x.com,manager,Ann\n\n,bob@x.com,,\n",
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, email: "ann@x.com", name: "Ann", role: "manager", teams: "Sales;Ops" },
        { line: 4, email: "bob@x.com", name: "", role: "", teams: "" },
      ],
      refused: [],
      ignoredColumns: [],
    });
  });

  it("needs only the email column and reports unknown columns as ignored", () => {
    const result = readInvitationCsv("email,department\nann@x.com,Finance\n");
    expect(result).toEqual({
      ok: true,
      rows: [{ line: 2, email: "ann@x.com" }],
      refused: [],
      ignoredColumns: ["department"],
    });
  });

  it("explains a missing email column, an empty file and a header without rows", () => {
    const missing = readInvitationCsv("name,role\nAnn,admin\n");
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/no "email" column.*found: name, role/);
    expect(readInvitationCsv("").ok).toBe(false);
    const headerOnly = readInvitationCsv("email,name\n");
    expect(!headerOnly.ok && headerOnly.message).toMatch(/no people/);
  });

  it("skips rows of empty cells and refuses rows with an over-long cell locally", () => {
    const long = "x".repeat(2001);
    const result = readInvitationCsv(`email,name\n,\nann@x.com,${long}\nbob@x.com,Bob\n`);
    expect(result.ok && result.rows).toEqual([{ line: 4, email: "bob@x.com", name: "Bob" }]);
    expect(result.ok && result.refused).toEqual([
      {
        line: 3,
        email: "ann@x.com",
        status: "refused",
        reason: "A cell is longer than 2000 characters.",
      },
    ]);
  });

  it("ships a template that reads back without problems", () => {
    const result = readInvitationCsv(TEMPLATE_CSV);
    expect(result.ok && result.rows.length).toBe(3);
    expect(result.ok && result.ignoredColumns).toEqual([]);
  });
});

describe("importReportCsv", () => {
  it("writes one line per row with status, reason and invite URL", () => {
    const csv = importReportCsv([
      { line: 2, email: "ann@x.com", status: "invited", url: "https://app/invite/abc" },
      { line: 3, email: "=cmd()", status: "refused", reason: 'Invalid email "=cmd()".' },
      { line: 4, email: "c@x.com", status: "not_processed", reason: "Not processed: timeout" },
    ]);
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ["line", "email", "status", "reason", "invite_url"],
      ["2", "ann@x.com", "invited", "", "https://app/invite/abc"],
      ["3", "'=cmd()", "refused", 'Invalid email "=cmd()".', ""],
      ["4", "c@x.com", "not processed", "Not processed: timeout", ""],
    ]);
  });
});

const rows = (n: number): ImportRow[] =>
  Array.from({ length: n }, (_, i) => ({ line: i + 2, email: `p${i}@x.com` }));

const invitedAll = (chunk: ImportRow[]): SendResult => ({
  ok: true,
  data: {
    invited: chunk.length,
    refused: 0,
    results: chunk.map((r) => ({
      line: r.line,
      email: r.email,
      status: "invited" as const,
      url: `u${r.line}`,
    })),
  },
});

const noSleep = async () => {};

describe("runCsvImport", () => {
  it("sends chunks one after the other and reports progress", async () => {
    const sizes: number[] = [];
    const progress: string[] = [];
    let inFlight = 0;
    const result = await runCsvImport(rows(1201), {
      chunkSize: 500,
      sleep: noSleep,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
      send: async (chunk) => {
        inFlight++;
        expect(inFlight).toBe(1);
        sizes.push(chunk.length);
        await Promise.resolve();
        inFlight--;
        return invitedAll(chunk);
      },
    });
    expect(sizes).toEqual([500, 500, 201]);
    expect(progress).toEqual(["0/1201", "500/1201", "1000/1201", "1201/1201"]);
    expect(result.outcomes).toHaveLength(1201);
    expect(result.outcomes.every((o) => o.status === "invited")).toBe(true);
    expect(result.cancelled).toBe(false);
  });

  it("retries a failed chunk once, then reports its rows as not processed and goes on", async () => {
    const calls: number[] = [];
    const result = await runCsvImport(rows(3), {
      chunkSize: 1,
      sleep: noSleep,
      send: async (chunk) => {
        const line = chunk[0]!.line;
        calls.push(line);
        if (line === 2 && calls.filter((l) => l === 2).length === 1) {
          return { ok: false, status: 0, message: "Could not reach the server." };
        }
        if (line === 3) return { ok: false, status: 502, message: "Request failed (502)." };
        return invitedAll(chunk);
      },
    });
    expect(calls).toEqual([2, 2, 3, 3, 4]);
    expect(result.outcomes.map((o) => [o.line, o.status])).toEqual([
      [2, "invited"],
      [3, "not_processed"],
      [4, "invited"],
    ]);
    expect(result.outcomes[1]).toMatchObject({ reason: "Not processed: Request failed (502)." });
  });

  it("does not retry a request the server refused, and stops when signed out", async () => {
    let calls = 0;
    const refused = await runCsvImport(rows(2), {
      chunkSize: 1,
      sleep: noSleep,
      send: async (chunk) => {
        calls++;
        return chunk[0]!.line === 2
          ? { ok: false, status: 400, message: "Invalid input." }
          : invitedAll(chunk);
      },
    });
    expect(calls).toBe(2);
    expect(refused.outcomes.map((o) => o.status)).toEqual(["not_processed", "invited"]);

    calls = 0;
    const stopped = await runCsvImport(rows(3), {
      chunkSize: 1,
      sleep: noSleep,
      send: async () => {
        calls++;
        return { ok: false, status: 401, message: "Sign in to continue." };
      },
    });
    expect(calls).toBe(1);
    expect(stopped.stoppedBecause).toBe("Sign in to continue.");
    expect(stopped.outcomes).toHaveLength(3);
    expect(stopped.outcomes.every((o) => o.status === "not_processed")).toBe(true);
  });

  it("stops between chunks when cancelled and lists the rest as not processed", async () => {
    let cancelled = false;
    const result = await runCsvImport(rows(5), {
      chunkSize: 2,
      sleep: noSleep,
      isCancelled: () => cancelled,
      send: async (chunk) => {
        cancelled = true; // the user presses Cancel while the first chunk is in flight
        return invitedAll(chunk);
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.map((o) => o.status)).toEqual([
      "invited",
      "invited",
      "not_processed",
      "not_processed",
      "not_processed",
    ]);
  });

  it("keeps refusals from the server and flags rows it did not answer", async () => {
    const result = await runCsvImport(rows(2), {
      sleep: noSleep,
      send: async () => ({
        ok: true,
        data: {
          invited: 0,
          refused: 1,
          results: [{ line: 2, email: "p0@x.com", status: "refused", reason: "Already a member." }],
        },
      }),
    });
    expect(result.outcomes).toEqual([
      { line: 2, email: "p0@x.com", status: "refused", reason: "Already a member." },
      {
        line: 3,
        email: "p1@x.com",
        status: "not_processed",
        reason: "Not processed: the server returned no result for this row.",
      },
    ]);
  });

  it("treats network errors, timeouts, rate limits and 5xx as retryable", () => {
    expect([0, 408, 429, 500, 503].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 404, 409, 413].some(isRetryable)).toBe(false);
  });
});

describe("duplicates across the whole file", () => {
  it("refuses a repeated address with the line it repeats, case-insensitively", () => {
    const result = readInvitationCsv("email\nA@x.example\nb@x.example\n a@X.example \n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(result.refused).toEqual([
      { line: 4, email: "a@X.example", status: "refused", reason: "Duplicate of line 2." },
    ]);
  });
});
