/**
 * `npm test`: lint/format/types, unit, integration (real PostgreSQL), end-to-end (Chromium), then
 * the hardening summary — how many routes, probes and fuzzed cases each hardening suite ran and
 * how many failed. Stops at the first failing step but always prints the summary of what ran.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { hardeningReportDir, type SuiteReport } from "../tests/support/hardening-report";

const steps: [string, string[]][] = [
  ["check", ["run", "check"]],
  ["unit", ["run", "test:unit"]],
  ["integration", ["run", "test:integration"]],
  ["e2e", ["run", "test:e2e"]],
];

const dir = hardeningReportDir();
fs.rmSync(dir, { recursive: true, force: true });

let failedStep: string | null = null;
for (const [name, args] of steps) {
  const result = spawnSync("npm", args, { stdio: "inherit" });
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

printSummary();
if (failedStep) {
  console.error(`\nnpm test failed at the "${failedStep}" step.`);
  process.exit(1);
}

function printSummary(): void {
  const reports: SuiteReport[] = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as SuiteReport)
        .sort((a, b) => a.suite.localeCompare(b.suite))
    : [];
  console.log("\n== Hardening summary");
  if (reports.length === 0) {
    console.log("(no hardening suite ran)");
    return;
  }
  const rows = reports.map((r) => [
    r.suite,
    r.routes === undefined ? "–" : String(r.routes),
    String(r.probes),
    r.fuzzedCases === undefined ? "–" : String(r.fuzzedCases),
    String(r.failed),
  ]);
  const header = ["suite", "routes", "probes", "fuzzed cases", "failed"];
  const total = [
    "total",
    "",
    String(reports.reduce((n, r) => n + r.probes, 0)),
    String(reports.reduce((n, r) => n + (r.fuzzedCases ?? 0), 0)),
    String(reports.reduce((n, r) => n + r.failed, 0)),
  ];
  const table = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const [index, row] of table.entries()) {
    if (index === table.length - 1) console.log(widths.map((w) => "-".repeat(w)).join("  "));
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  "),
    );
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  for (const report of reports) {
    for (const note of report.notes ?? []) console.log(`  ${report.suite}: ${note}`);
  }
}
