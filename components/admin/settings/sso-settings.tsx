"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import type { SsoSettingsView } from "@/lib/domains/sso/get-sso-settings";

type Saved = { sso: SsoSettingsView };

/**
 * Single sign-on of the organisation (README "Single sign-on per organisation"): what to give the
 * identity provider, the SAML or OpenID Connect connection, the verified email domains, and
 * whether people of those domains must sign in through SSO.
 */
export function SsoSettings({ initial }: { initial: SsoSettingsView }) {
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [sso, setSso] = useState(initial);
  const [notice, setNotice] = useState<Notice>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [protocol, setProtocol] = useState<string>(initial.protocol ?? "off");
  const [requireSso, setRequireSso] = useState(initial.requireSso);
  const [metadataXml, setMetadataXml] = useState("");
  const [metadataUrl, setMetadataUrl] = useState(initial.saml.metadataUrl ?? "");
  const [keepCerts, setKeepCerts] = useState(false);
  const [issuer, setIssuer] = useState(initial.oidc.issuer ?? "");
  const [clientId, setClientId] = useState(initial.oidc.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domain, setDomain] = useState("");

  async function call(
    what: string,
    url: string,
    method: string,
    body: unknown,
    done: string,
  ): Promise<boolean> {
    setPending(what);
    setFields({});
    const result = await apiFetch<Saved>(url, { method, body });
    setPending(null);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return false;
    }
    setSso(result.data.sso);
    setProtocol(result.data.sso.protocol ?? "off");
    setRequireSso(result.data.sso.requireSso);
    setNotice({ tone: "success", text: done });
    return true;
  }

  async function savePolicy(event: FormEvent) {
    event.preventDefault();
    await call(
      "policy",
      "/api/org/sso",
      "PUT",
      { protocol, requireSso },
      "Sign-in settings saved.",
    );
  }

  async function saveSaml(event: FormEvent) {
    event.preventDefault();
    const saml = metadataXml.trim()
      ? { metadataXml, keepCurrentCertificates: keepCerts }
      : { metadataUrl: metadataUrl.trim(), keepCurrentCertificates: keepCerts };
    if (await call("saml", "/api/org/sso", "PUT", { saml }, "SAML settings saved.")) {
      setMetadataXml("");
    }
  }

  async function saveOidc(event: FormEvent) {
    event.preventDefault();
    const oidc = {
      issuer: issuer.trim(),
      clientId: clientId.trim(),
      ...(clientSecret ? { clientSecret } : {}),
    };
    if (await call("oidc", "/api/org/sso", "PUT", { oidc }, "OpenID Connect settings saved.")) {
      setClientSecret("");
    }
  }

  async function addDomain(event: FormEvent) {
    event.preventDefault();
    if (
      await call(
        "domain",
        "/api/org/sso/domains",
        "POST",
        { domain: domain.trim() },
        "Domain added. Verify it next.",
      )
    ) {
      setDomain("");
    }
  }

  const sp = sso.serviceProvider;
  return (
    <section className="space-y-6" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Single sign-on
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          People from your verified email domains sign in through your identity provider (SAML 2.0
          or OpenID Connect) and join as employees the first time.
        </p>
      </div>
      <LiveNotice ref={noticeRef} notice={notice} />

      <div className="space-y-2">
        <h3 className="font-medium">For your identity provider</h3>
        <dl className="grid gap-2 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="text-slate-600 dark:text-slate-400">SP metadata URL</dt>
          <dd className="break-all font-mono">{sp.metadataUrl}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Entity ID (audience)</dt>
          <dd className="break-all font-mono">{sp.entityId}</dd>
          <dt className="text-slate-600 dark:text-slate-400">ACS URL (HTTP-POST)</dt>
          <dd className="break-all font-mono">{sp.acsUrl}</dd>
          <dt className="text-slate-600 dark:text-slate-400">OIDC redirect URI</dt>
          <dd className="break-all font-mono">{sp.oidcRedirectUri}</dd>
        </dl>
      </div>

      <form onSubmit={saveSaml} className="space-y-3" aria-labelledby={`${id}-saml`} noValidate>
        <h3 id={`${id}-saml`} className="font-medium">
          SAML 2.0
        </h3>
        {sso.saml.idpEntityId ? (
          <div className="text-sm">
            <p>
              Identity provider: <span className="break-all font-mono">{sso.saml.idpEntityId}</span>
            </p>
            <ul className="mt-1 list-disc pl-5" aria-label="Trusted signing certificates">
              {sso.saml.certificates.map((c) => (
                <li key={c.fingerprint} className="break-all">
                  {c.subject} — valid until {c.validTo.slice(0, 10)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-xml`} className="block text-sm font-medium">
            IdP metadata XML
          </label>
          <textarea
            id={`${id}-xml`}
            value={metadataXml}
            onChange={(e) => setMetadataXml(e.target.value)}
            rows={4}
            className={`${inputClass} font-mono text-xs`}
            aria-invalid={fields.metadataXml ? true : undefined}
          />
        </div>
        <TextField
          label="Or IdP metadata URL"
          type="url"
          value={metadataUrl}
          onChange={(e) => setMetadataUrl(e.target.value)}
          hint="Fetched by the server (https only)."
          error={fields.metadataUrl}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={keepCerts}
            onChange={(e) => setKeepCerts(e.target.checked)}
          />
          Keep the current certificates too (certificate rotation)
        </label>
        <Button type="submit" variant="secondary" disabled={pending !== null}>
          {pending === "saml" ? "Saving…" : "Save SAML settings"}
        </Button>
      </form>

      <form onSubmit={saveOidc} className="space-y-3" aria-labelledby={`${id}-oidc`} noValidate>
        <h3 id={`${id}-oidc`} className="font-medium">
          OpenID Connect
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Issuer"
            type="url"
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            error={fields.issuer}
          />
          <TextField
            label="Client ID"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            error={fields.clientId}
          />
          <TextField
            label="Client secret"
            type="password"
            autoComplete="off"
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
            hint={
              sso.oidc.hasClientSecret ? "A secret is stored; leave empty to keep it." : undefined
            }
            error={fields.clientSecret}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending !== null}>
          {pending === "oidc" ? "Saving…" : "Save OpenID Connect settings"}
        </Button>
      </form>

      <div className="space-y-3">
        <h3 className="font-medium">Email domains</h3>
        <ul className="space-y-3" aria-label="Email domains">
          {sso.domains.map((d) => (
            <li
              key={d.id}
              className="space-y-2 rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-700"
              aria-label={d.domain}
            >
              <p className="font-medium">
                {d.domain}{" "}
                <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                  {d.verified
                    ? `Verified (${d.verifiedBy === "admin" ? "by an admin" : "DNS"})`
                    : "Not verified"}
                </span>
              </p>
              {d.verified ? null : (
                <p className="break-all text-xs text-slate-600 dark:text-slate-400">
                  Add a TXT record <span className="font-mono">{d.txtName}</span> with the value{" "}
                  <span className="font-mono">{d.txtValue}</span>, then verify.
                </p>
              )}
              <div className="flex flex-wrap gap-2">
                {d.verified ? null : (
                  <Button
                    variant="secondary"
                    disabled={pending !== null}
                    onClick={() =>
                      call(
                        "verify",
                        `/api/org/sso/domains/${d.id}/verify`,
                        "POST",
                        { method: "dns" },
                        `${d.domain} is verified.`,
                      )
                    }
                  >
                    Verify by DNS
                  </Button>
                )}
                {!d.verified && sso.adminVerificationAllowed ? (
                  <Button
                    variant="secondary"
                    disabled={pending !== null}
                    onClick={() =>
                      call(
                        "verify",
                        `/api/org/sso/domains/${d.id}/verify`,
                        "POST",
                        { method: "admin" },
                        `${d.domain} is verified.`,
                      )
                    }
                  >
                    Mark as verified
                  </Button>
                ) : null}
                <Button
                  variant="secondary"
                  disabled={pending !== null}
                  onClick={() =>
                    call(
                      "remove",
                      `/api/org/sso/domains/${d.id}`,
                      "DELETE",
                      undefined,
                      `${d.domain} was removed.`,
                    )
                  }
                >
                  Remove {d.domain}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <form onSubmit={addDomain} className="flex flex-wrap items-end gap-2" noValidate>
          <div className="min-w-0 flex-1">
            <TextField
              label="Domain"
              value={domain}
              onChange={(e) => setDomain(e.target.value)}
              placeholder="example.com"
              error={fields.domain}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending !== null}>
            Add domain
          </Button>
        </form>
      </div>

      <form onSubmit={savePolicy} className="space-y-3" aria-labelledby={`${id}-policy`} noValidate>
        <h3 id={`${id}-policy`} className="font-medium">
          Sign-in
        </h3>
        <SelectField
          label="Single sign-on protocol"
          value={protocol}
          onChange={(e) => setProtocol(e.target.value)}
        >
          <option value="off">Off</option>
          <option value="saml">SAML 2.0</option>
          <option value="oidc">OpenID Connect</option>
        </SelectField>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={requireSso}
            onChange={(e) => setRequireSso(e.target.checked)}
          />
          Require single sign-on for the verified domains (no password sign-in)
        </label>
        <Button type="submit" disabled={pending !== null}>
          {pending === "policy" ? "Saving…" : "Save sign-in settings"}
        </Button>
      </form>
    </section>
  );
}
