"use client";

import { useId, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyLink } from "@/components/admin/copy-link";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { AddConnectionForm } from "@/components/connectors/add-connection-form";
import type { ConnectionView } from "@/lib/domains/connectors/manage-connections";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

const KIND_LABELS = { hubspot: "HubSpot", greenhouse: "Greenhouse", webhook: "Inbound webhook" };
const STATUS = {
  active: [
    "Active",
    "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  ],
  error: [
    "Error",
    "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
  ],
  paused: [
    "Paused",
    "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  ],
} as const;

function cursorSummary(connection: ConnectionView, dates: DateFormat): string | null {
  const entries = Object.entries(connection.cursor).flatMap(([stream, value]) =>
    typeof value === "number" || typeof value === "string"
      ? [`${stream} since ${formatDate(new Date(value).toISOString(), "dateTime", dates)}`]
      : value && typeof value === "object"
        ? [`${Object.keys(value).length} form(s)`]
        : [],
  );
  return entries.length ? entries.join(" · ") : null;
}

/**
 * Outcome connectors: HubSpot and Greenhouse pulled on a schedule, inbound webhooks for anything
 * else. Shows each connection's status (last sync, cursor, error, records imported / unmatched)
 * with "Sync now", pause/resume and remove. Tokens and secrets are never sent to the page.
 */
export function ConnectorsPanel({
  initial,
  appUrl,
  dates,
}: {
  initial: ConnectionView[];
  appUrl: string;
  dates: DateFormat;
}) {
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [connections, setConnections] = useState(initial);
  const [secret, setSecret] = useState<{ name: string; url: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  function say(tone: "success" | "error", text: string) {
    setNotice({ tone, text });
    focusNoticeSoon(noticeRef);
  }
  const replace = (c: ConnectionView) =>
    setConnections((list) => list.map((x) => (x.id === c.id ? c : x)));

  async function refresh() {
    const result = await apiFetch<{ connections: ConnectionView[] }>("/api/connectors");
    if (result.ok) setConnections(result.data.connections);
  }

  async function syncNow(c: ConnectionView) {
    const result = await apiFetch(`/api/connectors/${c.id}/sync`, { method: "POST" });
    if (!result.ok) return say("error", result.message);
    say("success", `Sync of “${c.name}” queued. Refresh the status in a moment.`);
  }

  async function patch(c: ConnectionView, body: object, done: string) {
    const result = await apiFetch<{ connection: ConnectionView; secret: string | null }>(
      `/api/connectors/${c.id}`,
      { method: "PATCH", body },
    );
    if (!result.ok) return say("error", result.message);
    replace(result.data.connection);
    if (result.data.secret) {
      setSecret({ name: c.name, url: `${appUrl}${c.inboundPath}`, secret: result.data.secret });
    }
    say("success", done);
  }

  async function remove(c: ConnectionView) {
    const result = await apiFetch(`/api/connectors/${c.id}`, { method: "DELETE" });
    if (!result.ok) return say("error", result.message);
    setConnections((list) => list.filter((x) => x.id !== c.id));
    say("success", `“${c.name}” removed. The conversions it recorded stay.`);
  }

  return (
    <section className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Outcome connectors
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Bring sign-ups, leads, deals, applications and hires from your CRM or ATS without code.
          Records are credited to the share whose click id (or tracked-link code) they carry, each
          at most once; records without one are counted as unmatched.
        </p>
      </div>

      <LiveNotice notice={notice} ref={noticeRef} />

      {secret ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900">
          <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
            Copy the secret of “{secret.name}” now: it is shown only once. Send it as{" "}
            <code>Authorization: Bearer &lt;secret&gt;</code>, or sign each body with HMAC-SHA256 in{" "}
            <code>X-Chorus-Signature: sha256=&lt;hex&gt;</code>.
          </p>
          <CopyLink url={secret.url} label="Webhook URL" />
          <CopyLink url={secret.secret} label="Webhook secret" />
          <Button variant="secondary" onClick={() => setSecret(null)}>
            I have copied it
          </Button>
        </div>
      ) : null}

      {connections.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No connections yet.</p>
      ) : (
        <ul className="space-y-3">
          {connections.map((c) => {
            const [label, tone] = STATUS[c.status];
            const cursor = cursorSummary(c, dates);
            return (
              <li
                key={c.id}
                className="space-y-2 rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-800"
                aria-label={`${c.name} (${KIND_LABELS[c.kind]})`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium break-words">{c.name}</h3>
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {KIND_LABELS[c.kind]}
                  </span>
                  <span
                    className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
                  >
                    {label}
                  </span>
                  {c.syncing ? <span className="text-xs">Syncing…</span> : null}
                </div>
                <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm sm:grid-cols-4">
                  <dt className="text-slate-600 dark:text-slate-400">Imported</dt>
                  <dd>{c.imported}</dd>
                  <dt className="text-slate-600 dark:text-slate-400">Unmatched</dt>
                  <dd>{c.unmatched}</dd>
                  {c.kind !== "webhook" ? (
                    <>
                      <dt className="text-slate-600 dark:text-slate-400">Last sync</dt>
                      <dd>
                        {c.lastSyncAt ? formatDate(c.lastSyncAt, "dateTime", dates) : "Never"}
                      </dd>
                      <dt className="text-slate-600 dark:text-slate-400">Every</dt>
                      <dd>{c.intervalMinutes} min</dd>
                    </>
                  ) : null}
                </dl>
                {cursor ? (
                  <p className="text-xs text-slate-600 dark:text-slate-400">Cursor: {cursor}</p>
                ) : null}
                {c.lastError ? (
                  <p className="text-sm text-red-700 dark:text-red-400">{c.lastError}</p>
                ) : null}
                {c.inboundPath ? (
                  <CopyLink url={`${appUrl}${c.inboundPath}`} label="Webhook URL" />
                ) : null}
                <div className="flex flex-wrap gap-2">
                  {c.kind !== "webhook" ? (
                    <Button
                      variant="secondary"
                      disabled={c.status === "paused"}
                      onClick={() => syncNow(c)}
                    >
                      Sync now<span className="sr-only"> {c.name}</span>
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() =>
                        patch(
                          c,
                          { rotateSecret: true },
                          `New secret for “${c.name}”. The old one stopped working.`,
                        )
                      }
                    >
                      New secret<span className="sr-only"> for {c.name}</span>
                    </Button>
                  )}
                  <Button
                    variant="secondary"
                    onClick={() =>
                      patch(
                        c,
                        { paused: c.status !== "paused" },
                        c.status === "paused" ? `“${c.name}” resumed.` : `“${c.name}” paused.`,
                      )
                    }
                  >
                    {c.status === "paused" ? "Resume" : "Pause"}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                  <ConfirmButton
                    title={`Remove “${c.name}”?`}
                    description="Chorus stops importing from it. Conversions already recorded stay."
                    confirmLabel="Remove connection"
                    onConfirm={() => remove(c)}
                    aria-label={`Remove connection ${c.name}`}
                  >
                    Remove
                  </ConfirmButton>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Button variant="ghost" onClick={refresh}>
        Refresh status
      </Button>

      <div className="border-t border-slate-200 pt-5 dark:border-slate-800">
        <AddConnectionForm
          onCreated={(connection, newSecret) => {
            setConnections((list) => [...list, connection]);
            if (newSecret && connection.inboundPath) {
              setSecret({
                name: connection.name,
                url: `${appUrl}${connection.inboundPath}`,
                secret: newSecret,
              });
            }
            say("success", `“${connection.name}” added.`);
          }}
        />
      </div>
    </section>
  );
}
