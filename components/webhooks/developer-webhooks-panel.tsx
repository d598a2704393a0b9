"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyLink } from "@/components/admin/copy-link";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { DeliveryStatusBadge } from "@/components/ui/delivery-status-badge";
import {
  DEVELOPER_WEBHOOK_EVENTS,
  EVENT_LABELS,
  type DeveloperWebhookEvent,
} from "@/lib/domains/developer-webhooks/developer-webhook-events";
import type { DeveloperWebhookView } from "@/lib/domains/developer-webhooks/manage-developer-webhooks";
import type { DeveloperWebhookDeliveryView } from "@/lib/domains/developer-webhooks/developer-webhook-deliveries";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

interface State {
  webhooks: DeveloperWebhookView[];
  deliveries: DeveloperWebhookDeliveryView[];
}

const EVENT_OPTIONS = DEVELOPER_WEBHOOK_EVENTS.map((event) => ({
  id: event,
  label: EVENT_LABELS[event],
  hint: event,
}));

const label = (event: string) => EVENT_LABELS[event as DeveloperWebhookEvent] ?? event;

/**
 * Developer webhooks: signed event messages (Standard Webhooks) to an organisation's own systems.
 * Add one (events to send; the signing secret is shown once), turn on/off, delete, and the
 * delivery log of the last 50 messages with Replay.
 */
export function DeveloperWebhooksPanel({ initial, dates }: { initial: State; dates: DateFormat }) {
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState(initial);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const refresh = useCallback(async () => {
    const result = await apiFetch<State>("/api/developer-webhooks");
    if (result.ok) setState(result.data);
  }, []);

  const waiting = state.deliveries.some((d) => d.status === "PENDING");
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, 3000);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  function say(next: Notice) {
    setNotice(next);
    focusNoticeSoon(noticeRef);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ webhook: DeveloperWebhookView; signingSecret: string }>(
      "/api/developer-webhooks",
      { method: "POST", body: { name: name.trim(), url: url.trim(), events } },
    );
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      return say({ tone: "error", text: result.message });
    }
    setCreated({ name: result.data.webhook.name, secret: result.data.signingSecret });
    setName("");
    setUrl("");
    setEvents([]);
    await refresh();
    say({
      tone: "success",
      text: `Webhook “${result.data.webhook.name}” added. Copy its signing secret now: it is shown only once.`,
    });
  }

  async function act(path: string, method: string, success: string, body?: unknown) {
    const result = await apiFetch(path, { method, body });
    if (!result.ok) return say({ tone: "error", text: result.message });
    await refresh();
    say({ tone: "success", text: success });
  }

  return (
    <section className="space-y-6" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Developer webhooks
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Send events to your own systems as signed JSON messages (Standard Webhooks: headers
          webhook-id, webhook-timestamp and webhook-signature). Failed messages are retried with
          growing pauses for about half an hour; a webhook whose messages keep failing is turned off
          and admins are notified. See “Developer webhooks” in the README to verify signatures.
        </p>
      </div>

      <form onSubmit={create} noValidate className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-[14rem_1fr]">
          <TextField
            label="Name"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
            hint="e.g. Data warehouse"
            autoComplete="off"
          />
          <TextField
            label="Endpoint URL"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            error={fields.url}
            hint="https://… on your servers"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <CheckboxList
          legend="Events to send"
          options={EVENT_OPTIONS}
          selected={events}
          onChange={setEvents}
          filterFrom={100}
          error={fields.events}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Add developer webhook"}
        </Button>
      </form>

      {created ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900">
          <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
            Copy the signing secret of “{created.name}” now. Chorus stores it encrypted and cannot
            show it again.
          </p>
          <CopyLink url={created.secret} label="Signing secret" />
          <Button variant="secondary" onClick={() => setCreated(null)}>
            I have copied it
          </Button>
        </div>
      ) : null}

      <LiveNotice notice={notice} ref={noticeRef} />

      {state.webhooks.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No developer webhooks yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {state.webhooks.map((hook) => (
            <li key={hook.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium">{hook.name}</p>
                <p className="font-mono text-xs break-all">{hook.urlHost}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {hook.events.map(label).join(", ")}
                </p>
                {hook.disabledReason ? (
                  <p className="text-xs text-red-700 dark:text-red-400">{hook.disabledReason}</p>
                ) : null}
              </div>
              <div className="flex items-center gap-2">
                <label className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={hook.active}
                    onChange={(e) =>
                      act(
                        `/api/developer-webhooks/${hook.id}`,
                        "PATCH",
                        `“${hook.name}” turned ${e.target.checked ? "on" : "off"}.`,
                        { active: e.target.checked },
                      )
                    }
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  <span className="sr-only">Send events to {hook.name}</span>
                  <span aria-hidden>{hook.active ? "On" : "Off"}</span>
                </label>
                <ConfirmButton
                  title={`Delete “${hook.name}”?`}
                  description="No more events go to this endpoint, and its delivery log is deleted."
                  confirmLabel="Delete webhook"
                  onConfirm={() =>
                    act(`/api/developer-webhooks/${hook.id}`, "DELETE", `“${hook.name}” deleted.`)
                  }
                  aria-label={`Delete developer webhook ${hook.name}`}
                >
                  Delete
                </ConfirmButton>
              </div>
            </li>
          ))}
        </ul>
      )}

      <div>
        <div className="flex items-center justify-between">
          <h3 className="text-base font-semibold">Developer webhook messages</h3>
          <Button variant="ghost" onClick={refresh}>
            Refresh
          </Button>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The last 50 messages. Replay sends one again with the same webhook-id.
        </p>
        {state.deliveries.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No messages sent yet.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Developer webhook messages, newest first</caption>
              <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Time
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Event
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Webhook
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Attempts
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Response
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {state.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <time dateTime={d.createdAt}>
                        {formatDate(d.createdAt, "dateTime", dates)}
                      </time>
                    </td>
                    <td className="py-2 pr-3">
                      {label(d.event)}
                      {d.replayOfId ? <span className="block text-xs">(replay)</span> : null}
                    </td>
                    <td className="py-2 pr-3">{d.webhookName}</td>
                    <td className="py-2 pr-3">
                      <DeliveryStatusBadge status={d.status} />
                    </td>
                    <td className="py-2 pr-3">{d.attempts}</td>
                    <td className="max-w-xs py-2 pr-3 text-xs">
                      {d.responseStatus ? (
                        <span className="font-mono">{d.responseStatus}</span>
                      ) : null}
                      {d.lastError ? (
                        <span className="block break-words text-red-700 dark:text-red-400">
                          {d.lastError}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2 text-right">
                      {d.status !== "PENDING" ? (
                        <Button
                          variant="secondary"
                          aria-label={`Replay ${label(d.event)} to ${d.webhookName}`}
                          onClick={() =>
                            act(
                              `/api/developer-webhooks/deliveries/${d.id}/replay`,
                              "POST",
                              "Replaying; the log updates when it is through.",
                            )
                          }
                        >
                          Replay
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
