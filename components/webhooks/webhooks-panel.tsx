"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { WebhookEndpointView } from "@/lib/domains/webhooks/manage-webhooks";
import type { WebhookDeliveryView } from "@/lib/domains/webhooks/webhook-deliveries";
import { DeliveryStatusBadge } from "@/components/ui/delivery-status-badge";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

const KIND_LABELS = { SLACK: "Slack", TEAMS: "Microsoft Teams" } as const;
const EVENT_LABELS: Record<string, string> = {
  "content.published": "New content",
  test: "Test message",
};

interface State {
  endpoints: WebhookEndpointView[];
  deliveries: WebhookDeliveryView[];
}

/**
 * Chat notifications: Slack / Teams incoming webhooks (add, turn on/off, test, delete) and the
 * delivery log of the last 50 messages with a Retry for failed ones. The URL is a secret: after
 * saving, only its host is shown.
 */
export function WebhooksPanel({ initial, dates }: { initial: State; dates: DateFormat }) {
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState(initial);
  const [kind, setKind] = useState<"SLACK" | "TEAMS">("SLACK");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  const refresh = useCallback(async () => {
    const result = await apiFetch<State>("/api/webhooks");
    if (result.ok) setState(result.data);
  }, []);

  // While messages are on their way, the log refreshes itself.
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
    const result = await apiFetch<{ endpoint: WebhookEndpointView }>("/api/webhooks", {
      method: "POST",
      body: { kind, name: name.trim(), url: url.trim() },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      return say({ tone: "error", text: result.message });
    }
    setName("");
    setUrl("");
    await refresh();
    say({
      tone: "success",
      text: `Webhook “${result.data.endpoint.name}” added. Send a test message to check it.`,
    });
  }

  async function act(path: string, method: string, success: string, body?: unknown): Promise<void> {
    const result = await apiFetch(path, { method, body });
    if (!result.ok) return say({ tone: "error", text: result.message });
    await refresh();
    say({ tone: "success", text: success });
  }

  return (
    <section className="space-y-6" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Chat notifications
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Announce new content in a Slack or Microsoft Teams channel, with a “Share it” button.
          Create an incoming webhook in Slack (Apps → Incoming Webhooks) or in Teams (a channel’s
          Workflows → “Post to a channel when a webhook request is received”) and paste its URL
          here. The URL is stored encrypted; only its host is shown afterwards.
        </p>
      </div>

      <form
        onSubmit={create}
        noValidate
        className="grid gap-3 sm:grid-cols-[10rem_1fr] lg:grid-cols-[10rem_14rem_1fr_auto] lg:items-start"
      >
        <SelectField
          label="Service"
          value={kind}
          onChange={(e) => setKind(e.target.value as "SLACK" | "TEAMS")}
          error={fields.kind}
        >
          <option value="SLACK">{KIND_LABELS.SLACK}</option>
          <option value="TEAMS">{KIND_LABELS.TEAMS}</option>
        </SelectField>
        <TextField
          label="Name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="e.g. #announcements"
          autoComplete="off"
        />
        <TextField
          label="Webhook URL"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={fields.url}
          hint={
            kind === "SLACK"
              ? "https://hooks.slack.com/services/…"
              : "https://….webhook.office.com/… or a Power Automate workflow URL"
          }
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" disabled={pending} className="lg:mt-7">
          {pending ? "Checking…" : "Add webhook"}
        </Button>
      </form>

      <LiveNotice notice={notice} ref={noticeRef} />

      {state.endpoints.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No webhooks yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Chat webhooks of your organisation</caption>
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Service
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Host
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Active
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {state.endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <td className="py-2 pr-3 font-medium">{endpoint.name}</td>
                  <td className="py-2 pr-3">{KIND_LABELS[endpoint.kind]}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{endpoint.urlHost}</td>
                  <td className="py-2 pr-3">
                    <label className="inline-flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={endpoint.active}
                        onChange={(e) =>
                          act(
                            `/api/webhooks/${endpoint.id}`,
                            "PATCH",
                            `“${endpoint.name}” turned ${e.target.checked ? "on" : "off"}.`,
                            { active: e.target.checked },
                          )
                        }
                        className="h-4 w-4 rounded border-slate-300"
                      />
                      <span className="sr-only">Send messages to {endpoint.name}</span>
                      <span aria-hidden>{endpoint.active ? "On" : "Off"}</span>
                    </label>
                  </td>
                  <td className="space-x-2 py-2 text-right whitespace-nowrap">
                    <Button
                      variant="secondary"
                      disabled={!endpoint.active}
                      aria-label={`Send a test message to ${endpoint.name}`}
                      onClick={() =>
                        act(
                          `/api/webhooks/${endpoint.id}/test`,
                          "POST",
                          `Test message to “${endpoint.name}” queued; its result shows in the log below.`,
                        )
                      }
                    >
                      Test
                    </Button>
                    <ConfirmButton
                      title={`Delete “${endpoint.name}”?`}
                      description="No more messages go to this channel, and its delivery log is deleted."
                      confirmLabel="Delete webhook"
                      onConfirm={() =>
                        act(`/api/webhooks/${endpoint.id}`, "DELETE", `“${endpoint.name}” deleted.`)
                      }
                      aria-label={`Delete webhook ${endpoint.name}`}
                    >
                      Delete
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div>
        <div className="flex items-center justify-between">
          <h3 className="text-base font-semibold">Delivery log</h3>
          <Button variant="ghost" onClick={refresh}>
            Refresh
          </Button>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The last 50 messages. Failed sends are retried automatically (5 times over about 5
          minutes); a message that still failed can be sent again.
        </p>
        {state.deliveries.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No messages sent yet.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Webhook delivery log, newest first</caption>
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
                    <td className="py-2 pr-3">{EVENT_LABELS[d.event] ?? d.event}</td>
                    <td className="py-2 pr-3">
                      {d.endpointName}{" "}
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        ({KIND_LABELS[d.endpointKind]})
                      </span>
                    </td>
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
                      {d.status === "FAILED" ? (
                        <Button
                          variant="secondary"
                          aria-label={`Retry ${EVENT_LABELS[d.event] ?? d.event} to ${d.endpointName}`}
                          onClick={() =>
                            act(
                              `/api/webhooks/deliveries/${d.id}/retry`,
                              "POST",
                              "Sending again; the log updates when it is through.",
                            )
                          }
                        >
                          Retry
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
