"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { CopyLink } from "@/components/admin/copy-link";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ScimTokenView } from "@/lib/domains/scim/list-scim-tokens";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

function formatWhen(iso: string | null, dates: DateFormat): string {
  return iso ? formatDate(iso, "dateTime", dates) : "Never";
}

/**
 * Provisioning (SCIM): the base URL for the identity provider, tokens created here (shown once,
 * stored hashed), listed with prefix and last use, revoked with confirmation.
 */
export function ScimTokensPanel({
  initialTokens,
  baseUrl,
  dates,
}: {
  initialTokens: ScimTokenView[];
  baseUrl: string;
  dates: DateFormat;
}) {
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [tokens, setTokens] = useState(initialTokens);
  const [name, setName] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ token: string; scimToken: ScimTokenView } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ token: string; scimToken: ScimTokenView }>("/api/scim-tokens", {
      method: "POST",
      body: { name: name.trim() },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setCreated(result.data);
    setTokens((list) => [result.data.scimToken, ...list]);
    setName("");
    setNotice({
      tone: "success",
      text: `Token “${result.data.scimToken.name}” created. Copy it now: it is shown only once.`,
    });
  }

  async function revoke(token: ScimTokenView) {
    const result = await apiFetch<{ scimToken: ScimTokenView }>(`/api/scim-tokens/${token.id}`, {
      method: "DELETE",
    });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
    } else {
      setTokens((list) => list.map((t) => (t.id === token.id ? result.data.scimToken : t)));
      if (created?.scimToken.id === token.id) setCreated(null);
      setNotice({
        tone: "success",
        text: `Token “${token.name}” revoked. It stopped working at once.`,
      });
    }
    focusNoticeSoon(noticeRef);
  }

  return (
    <section className="space-y-5" aria-labelledby={`${id}-title`}>
      <div className="space-y-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Provisioning (SCIM)
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Let Okta, Microsoft Entra ID or another identity provider add people, keep their names and
          emails current, deactivate them when they leave, and push groups as teams. People it adds
          join as employees. Deactivating someone ends their access to this organisation at once and
          keeps their history.
        </p>
        <CopyLink url={baseUrl} label="SCIM base URL" />
      </div>

      <form
        onSubmit={create}
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start"
      >
        <TextField
          label="Token name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="The identity provider it is for, e.g. “Okta”."
          autoComplete="off"
        />
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? "Creating…" : "Create SCIM token"}
        </Button>
      </form>

      {created ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900">
          <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
            Copy this token now. Chorus stores only a fingerprint of it and cannot show it again.
          </p>
          <CopyLink url={created.token} label={`SCIM token “${created.scimToken.name}”`} />
          <Button variant="secondary" onClick={() => setCreated(null)}>
            I have copied it
          </Button>
        </div>
      ) : null}

      <LiveNotice notice={notice} ref={noticeRef} />

      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No SCIM tokens yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">SCIM tokens of your organisation</caption>
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Token
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
              {tokens.map((token) => (
                <tr
                  key={token.id}
                  className={token.revokedAt ? "text-slate-500 dark:text-slate-400" : undefined}
                >
                  <td className="py-2 pr-3 font-medium">{token.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
                  <td className="py-2 pr-3">{formatWhen(token.createdAt, dates)}</td>
                  <td className="py-2 pr-3">{formatWhen(token.lastUsedAt, dates)}</td>
                  <td className="py-2 text-right">
                    {token.revokedAt ? (
                      <span>Revoked {formatWhen(token.revokedAt, dates)}</span>
                    ) : (
                      <ConfirmButton
                        title={`Revoke “${token.name}”?`}
                        description="The identity provider's requests with this token fail at once. Create a new token to replace it."
                        confirmLabel="Revoke token"
                        onConfirm={() => revoke(token)}
                        aria-label={`Revoke SCIM token ${token.name}`}
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
