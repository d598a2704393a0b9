"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import {
  importReportCsv,
  MAX_IMPORT_FILE_BYTES,
  readInvitationCsv,
  TEMPLATE_CSV,
  type ImportOutcome,
  type ImportRow,
} from "@/lib/domains/invitations/invitation-csv";
import { INVITATION_EXPIRY_DAYS } from "@/lib/domains/invitations/invitation-expiry";
import {
  precheckCsvRows,
  type PrecheckReport,
  type PrecheckResult,
} from "@/lib/domains/invitations/precheck-csv-rows";
import {
  runCsvImport,
  type ChunkReport,
  IMPORT_CHUNK_SIZE,
} from "@/lib/domains/invitations/run-csv-import";

type Ready = { source: string; rows: ImportRow[]; refused: ImportOutcome[] };
type Report = { outcomes: ImportOutcome[]; cancelled: boolean; stoppedBecause?: string };

const VISIBLE_PROBLEMS = 50;
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE_CSV)}`;
const fmt = (n: number) => n.toLocaleString("en");

/**
 * Bulk invitations from a CSV file: parsed in the browser, then checked by the server's dry run
 * (the import's own rule, so "ready to invite" is what gets invited), sent in chunks of 500, one
 * request at a time, with progress, cancel between chunks and a downloadable report.
 */
export function CsvImport({ emailConfigured }: { emailConfigured: boolean }) {
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [pasted, setPasted] = useState("");
  const [running, setRunning] = useState(false);
  const [checking, setChecking] = useState(false);
  /** The latest check: a slower, older one must not overwrite it. */
  const checkRun = useRef(0);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [report, setReport] = useState<Report | null>(null);
  const cancelled = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  useEffect(() => {
    if (report) reportHeading.current?.focus();
  }, [report]);

  async function check(text: string, source: string) {
    setReport(null);
    const run = ++checkRun.current;
    const result = readInvitationCsv(text);
    if (!result.ok) {
      setReady(null);
      setChecking(false);
      setNotice({ tone: "error", text: `${source}: ${result.message}` });
      return;
    }
    setReady(null);
    setChecking(true);
    setNotice({
      tone: "info",
      text: `${source}: checking ${fmt(result.rows.length)} row(s) against your organisation…`,
    });
    // The server's dry run: email, role, teams, already a member or invited, as the import does.
    const server: PrecheckResult = result.rows.length
      ? await precheckCsvRows(result.rows, (rows) =>
          apiFetch<PrecheckReport>("/api/invitations/import", {
            method: "POST",
            body: { rows, dryRun: true },
          }),
        )
      : { ok: true, ready: [], refused: [] };
    if (run !== checkRun.current) return;
    setChecking(false);
    const rows = server.ok ? server.ready : result.rows;
    const refused = [...result.refused, ...(server.ok ? server.refused : [])].sort(
      (a, b) => a.line - b.line,
    );
    setReady({ source, rows, refused });
    const parts = [
      `${source}: ${fmt(rows.length)} ${rows.length === 1 ? "person" : "people"} ready to invite.`,
    ];
    if (refused.length)
      parts.push(
        `${fmt(refused.length)} row(s) will not be invited: see the reasons below, or start anyway and they are listed in the report.`,
      );
    if (!server.ok)
      parts.push(
        `The rows could not be checked against your organisation (${server.message}); each row is checked when you start.`,
      );
    if (result.ignoredColumns.length)
      parts.push(`Ignored column(s): ${result.ignoredColumns.join(", ")}.`);
    if (rows.length === 0) parts.push("Nothing to send.");
    setNotice({ tone: rows.length ? "success" : "error", text: parts.join(" ") });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setReady(null);
      setNotice({
        tone: "error",
        text: `${file.name} is larger than 10 MB. Split it into smaller files.`,
      });
      return;
    }
    check(await file.text(), file.name);
  }

  async function start() {
    if (!ready) return;
    cancelled.current = false;
    setCancelling(false);
    setRunning(true);
    setReport(null);
    setNotice(null);
    const result = await runCsvImport(ready.rows, {
      chunkSize: IMPORT_CHUNK_SIZE,
      isCancelled: () => cancelled.current,
      onProgress: (done, total) => setProgress({ done, total }),
      send: (rows) =>
        apiFetch<ChunkReport>("/api/invitations/import", { method: "POST", body: { rows } }),
    });
    const outcomes = [...ready.refused, ...result.outcomes].sort((a, b) => a.line - b.line);
    setRunning(false);
    setReady(null);
    if (fileInput.current) fileInput.current.value = "";
    setReport({ outcomes, cancelled: result.cancelled, stoppedBecause: result.stoppedBecause });
    router.refresh();
  }

  function cancel() {
    cancelled.current = true;
    setCancelling(true);
  }

  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="space-y-6">
      <Card className="space-y-5">
        <div>
          <h2 className="text-lg font-semibold">1. Choose a CSV file</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The first line names the columns:{" "}
            <code className="font-mono">email,name,role,teams,location</code>. Only{" "}
            <strong>email</strong> is required. Role is employee (default), manager or admin; teams
            are existing team names separated by <code className="font-mono">;</code>; location is
            where the person works (a new name creates that location). Save the file as UTF-8.
          </p>
          <a
            href={TEMPLATE_HREF}
            download="chorus-invitations-template.csv"
            className={buttonClass("secondary", "mt-3")}
          >
            Download the template
          </a>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            CSV file
          </label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
            disabled={running}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700"
          />
        </div>
        <details className="group">
          <summary className="cursor-pointer pointer-coarse:py-3 rounded text-sm font-medium text-brand-700 dark:text-brand-100">
            Or paste the CSV text
          </summary>
          <div className="mt-3 space-y-2">
            <label htmlFor={`${id}-paste`} className="block text-sm font-medium">
              CSV text
            </label>
            <textarea
              id={`${id}-paste`}
              rows={8}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              disabled={running}
              spellCheck={false}
              placeholder={
                "email,name,role,teams,location\nada@example.com,Ada Lovelace,employee,Engineering,Berlin"
              }
              className={`${inputClass} font-mono text-xs`}
            />
            <Button
              variant="secondary"
              onClick={() => check(pasted, "Pasted text")}
              disabled={running || !pasted.trim()}
            >
              Check pasted text
            </Button>
          </div>
        </details>
        <LiveNotice notice={notice} />
        {ready && ready.refused.length > 0 ? (
          <ProblemRows
            title={`Rows that will not be invited (${fmt(ready.refused.length)})`}
            caption="Rows the check refused, with the reason"
            rows={ready.refused}
          />
        ) : null}
      </Card>

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">2. Send the invitations</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Rows go to the server in batches of {IMPORT_CHUNK_SIZE}. Each row is invited or refused on
          its own (invalid email, unknown team, already a member…).{" "}
          {emailConfigured
            ? "Each invited person gets an email with their link."
            : "Email is not set up on this server: the report holds each link for you to send."}{" "}
          Links expire after {INVITATION_EXPIRY_DAYS} days.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            onClick={start}
            disabled={!ready || ready.rows.length === 0 || running || checking}
          >
            {ready && ready.rows.length
              ? `Invite ${fmt(ready.rows.length)} people`
              : "Start import"}
          </Button>
          {running ? (
            <Button variant="secondary" onClick={cancel} disabled={cancelling}>
              {cancelling ? "Stopping after this batch…" : "Cancel"}
            </Button>
          ) : null}
        </div>
        {running || report ? (
          <div className="space-y-1.5">
            <label htmlFor={`${id}-progress`} className="block text-sm font-medium">
              Progress
            </label>
            <progress
              id={`${id}-progress`}
              max={progress.total || 1}
              value={progress.done}
              className="h-3 w-full overflow-hidden rounded-full accent-brand-600 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600 dark:[&::-webkit-progress-bar]:bg-slate-700"
            />
            <p
              aria-live="polite"
              className="text-sm tabular-nums text-slate-700 dark:text-slate-300"
            >
              {fmt(progress.done)} of {fmt(progress.total)} rows ({percent}%)
              {running ? "" : report?.cancelled ? ". Cancelled." : ". Finished."}
            </p>
          </div>
        ) : null}
      </Card>

      {report ? (
        <ImportReport
          report={report}
          headingRef={reportHeading}
          emailConfigured={emailConfigured}
        />
      ) : null}
    </div>
  );
}

function ImportReport({
  report,
  headingRef,
  emailConfigured,
}: {
  report: Report;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  emailConfigured: boolean;
}) {
  const invited = report.outcomes.filter((o) => o.status === "invited").length;
  const problems = report.outcomes.filter(
    (o): o is Extract<ImportOutcome, { reason: string }> => o.status !== "invited",
  );
  const refused = problems.filter((o) => o.status === "refused").length;
  const notProcessed = problems.length - refused;

  function download() {
    const blob = new Blob([importReportCsv(report.outcomes)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `chorus-invitations-report-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const stats = [
    { label: "Invited", value: invited },
    { label: "Refused", value: refused },
    ...(notProcessed ? [{ label: "Not processed", value: notProcessed }] : []),
  ];

  return (
    <Card className="space-y-4">
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        3. Report
      </h2>
      {report.stoppedBecause ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          <span aria-hidden="true">⚠ </span>The import stopped: {report.stoppedBecause}
        </p>
      ) : report.cancelled ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The import was cancelled; rows not sent are listed as not processed.
        </p>
      ) : null}
      <dl className="grid grid-cols-3 gap-3 sm:max-w-lg">
        {stats.map((s) => (
          <div
            key={s.label}
            className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 dark:bg-slate-800/50 dark:ring-slate-700"
          >
            <dt className="text-xs text-slate-600 dark:text-slate-400">{s.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{fmt(s.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-1">
        <Button variant="secondary" onClick={download}>
          Download report (CSV)
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          One line per row, with the invitation link of each invited person (
          {emailConfigured
            ? "they were also emailed it: no need to send it again"
            : "email is not set up on this server: send each link yourself"}
          ). Keep the file private: the links let people join.
        </p>
      </div>
      {problems.length > 0 ? (
        <ProblemRows
          title={`Rows not invited (${fmt(problems.length)})`}
          caption="Rows that were refused or not processed"
          rows={problems}
        />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">Every row was invited.</p>
      )}
    </Card>
  );
}

/** Rows not invited (or that will not be), with the reason: the first 50, the rest on request. */
function ProblemRows({
  title,
  caption,
  rows,
}: {
  title: string;
  caption: string;
  rows: ImportOutcome[];
}) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? rows : rows.slice(0, VISIBLE_PROBLEMS);
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold">{title}</h3>
      <div className="overflow-x-auto rounded-md ring-1 ring-slate-200 dark:ring-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {visible.map((o) => (
              <tr key={o.line}>
                <td className="px-3 py-2 tabular-nums">{o.line}</td>
                <td className="break-all px-3 py-2">
                  {o.email || <span className="text-slate-600 dark:text-slate-400">(empty)</span>}
                </td>
                <td className="px-3 py-2">{o.status === "invited" ? "" : o.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > VISIBLE_PROBLEMS ? (
        <Button variant="ghost" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll
            ? `Show the first ${VISIBLE_PROBLEMS} only`
            : `Show all ${fmt(rows.length)} rows`}
        </Button>
      ) : null}
    </div>
  );
}
