"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyLink } from "@/components/admin/copy-link";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ApiKeyView } from "@/lib/domains/api-keys/list-api-keys";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

const KIND_LABELS = { secret: "Secret (server)", publishable: "Publishable (browser snippet)" };

function formatWhen(iso: string | null, dates: DateFormat): string {
  return iso ? formatDate(iso, "dateTime", dates) : "Never";
}

/**
 * Organisation API keys: create (shown once, with a copy button), list with prefix, created and
 * last used, revoke with confirmation. Keys are stored hashed; the list never contains them.
 */
export function ApiKeysPanel({
  initialKeys,
  appUrl,
  dates,
}: {
  initialKeys: ApiKeyView[];
  appUrl: string;
  dates: DateFormat;
}) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [keys, setKeys] = useState(initialKeys);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"secret" | "publishable">("secret");
  const [canRead, setCanRead] = useState(false);
  const [canWrite, setCanWrite] = useState(true);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ key: string; apiKey: ApiKeyView } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ key: string; apiKey: ApiKeyView }>("/api/api-keys", {
      method: "POST",
      body: {
        name: name.trim(),
        kind,
        ...(kind === "secret"
          ? {
              access: [...(canRead ? ["read"] : []), ...(canWrite ? ["write"] : [])],
            }
          : {}),
      },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setCreated(result.data);
    setKeys((list) => [result.data.apiKey, ...list]);
    setName("");
    setNotice({
      tone: "success",
      text: `Key “${result.data.apiKey.name}” created. Copy it now: it is shown only once.`,
    });
    router.refresh();
  }

  async function revoke(key: ApiKeyView) {
    const result = await apiFetch<{ apiKey: ApiKeyView }>(`/api/api-keys/${key.id}`, {
      method: "DELETE",
    });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
    } else {
      setKeys((list) => list.map((k) => (k.id === key.id ? result.data.apiKey : k)));
      if (created?.apiKey.id === key.id) setCreated(null);
      setNotice({
        tone: "success",
        text: `Key “${key.name}” revoked. It stopped working at once.`,
      });
    }
    focusNoticeSoon(noticeRef);
  }

  return (
    <section className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          API keys
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Report conversions (sign-ups, applications, deals…) to Chorus, or read your data through
          the read API. <strong>Secret</strong> keys belong on your servers only.{" "}
          <strong>Publishable</strong> keys go into the browser snippet and can only report a
          conversion for a real click, once per outcome, without a value. See the{" "}
          <a className="underline" href="/api/v1/openapi.json">
            OpenAPI document
          </a>
          .
        </p>
      </div>

      <form
        onSubmit={create}
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      >
        <TextField
          label="Key name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="Where it is used, e.g. “Careers site” or “CRM”."
          autoComplete="off"
        />
        <SelectField
          label="Key kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as "secret" | "publishable")}
          error={fields.kind}
        >
          <option value="secret">{KIND_LABELS.secret}</option>
          <option value="publishable">{KIND_LABELS.publishable}</option>
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Creating…" : "Create key"}
        </Button>
        {kind === "secret" ? (
          <fieldset
            className="sm:col-span-3"
            aria-describedby={fields.access ? `${id}-access-error` : undefined}
          >
            <legend className="text-sm font-medium">What the key may do</legend>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={canRead}
                  onChange={(e) => setCanRead(e.target.checked)}
                />
                Read data (items, shares, members, stats…)
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={canWrite}
                  onChange={(e) => setCanWrite(e.target.checked)}
                />
                Report conversions
              </label>
            </div>
            {fields.access ? (
              <p id={`${id}-access-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
                {fields.access}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </form>

      {created ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900">
          <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
            Copy this key now. Chorus stores only a fingerprint of it and cannot show it again.
          </p>
          <CopyLink url={created.key} label={`API key “${created.apiKey.name}”`} />
          {created.apiKey.kind === "publishable" ? (
            <CopyLink
              url={`<script src="${appUrl}/chorus.js" data-key="${created.key}" data-param="aid" async></script>`}
              label="Snippet for your landing pages"
            />
          ) : null}
          <Button variant="secondary" onClick={() => setCreated(null)}>
            I have copied it
          </Button>
        </div>
      ) : null}

      <LiveNotice notice={notice} ref={noticeRef} />

      {keys.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No API keys yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API keys of your organisation</caption>
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Scopes
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Key
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Created
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Last used
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {keys.map((key) => (
                <tr
                  key={key.id}
                  className={key.revokedAt ? "text-slate-500 dark:text-slate-400" : undefined}
                >
                  <td className="py-2 pr-3 font-medium">{key.name}</td>
                  <td className="py-2 pr-3">{KIND_LABELS[key.kind]}</td>
                  <td className="py-2 pr-3 text-xs">{key.scopes.join(", ")}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{key.prefix}…</td>
                  <td className="py-2 pr-3">
                    {formatWhen(key.createdAt, dates)}
                    {key.createdBy ? (
                      <span className="block text-xs">by {key.createdBy}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{formatWhen(key.lastUsedAt, dates)}</td>
                  <td className="py-2 text-right">
                    {key.revokedAt ? (
                      <span>Revoked {formatWhen(key.revokedAt, dates)}</span>
                    ) : (
                      <ConfirmButton
                        title={`Revoke “${key.name}”?`}
                        description="Requests with this key fail at once. This cannot be undone; create a new key to replace it."
                        confirmLabel="Revoke key"
                        onConfirm={() => revoke(key)}
                        aria-label={`Revoke key ${key.name}`}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
