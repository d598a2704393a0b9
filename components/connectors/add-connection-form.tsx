"use client";

import { useId, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import type { ConnectionView } from "@/lib/domains/connectors/manage-connections";
import type { MappingPreview } from "@/lib/domains/connectors/preview-webhook-mapping";

type Kind = "hubspot" | "greenhouse" | "webhook";
const OUTCOMES = ["visit", "signup", "application", "hire", "lead", "opportunity", "deal"];
const MAPPING_FIELDS = [
  ["externalId", "Record id", "$.id"],
  ["clickId", "Click id", "$.chorus_click_id"],
  ["shareCode", "Tracked-link code (utm_content)", "$.utm_content"],
  ["outcome", "Outcome", "$.stage"],
  ["value", "Value", "$.amount"],
  ["currency", "Currency", "$.currency"],
  ["occurredAt", "When it happened", "$.closed_at"],
] as const;

const SAMPLE = `{
  "id": "006Qy000001",
  "stage": "deal",
  "amount": 5400,
  "currency": "EUR",
  "chorus_click_id": "clk_…"
}`;

/**
 * Adds a HubSpot, Greenhouse or inbound-webhook connection. Tokens go to the server once and are
 * never shown again; a webhook's secret is answered once (the panel shows it with a copy button).
 */
export function AddConnectionForm({
  onCreated,
}: {
  onCreated: (connection: ConnectionView, secret: string | null) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("hubspot");
  const [name, setName] = useState("");
  const [token, setToken] = useState("");
  const [interval, setInterval] = useState("15");
  const [clickField, setClickField] = useState("chorus_click_id");
  const [contactOutcome, setContactOutcome] = useState("lead");
  const [syncDeals, setSyncDeals] = useState(true);
  const [formGuids, setFormGuids] = useState("");
  const [mapping, setMapping] = useState<Record<string, string>>({
    externalId: "$.id",
    clickId: "$.chorus_click_id",
    outcome: "$.stage",
    value: "$.amount",
    currency: "$.currency",
  });
  const [defaultOutcome, setDefaultOutcome] = useState("deal");
  const [sample, setSample] = useState(SAMPLE);
  const [preview, setPreview] = useState<MappingPreview | string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function mappingBody() {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(mapping)) if (value.trim()) out[key] = value.trim();
    return { ...out, defaultOutcome };
  }

  function body() {
    const interval_ = Number(interval);
    if (kind === "webhook") return { kind, name: name.trim(), config: { mapping: mappingBody() } };
    if (kind === "greenhouse") {
      return {
        kind,
        name: name.trim(),
        token,
        intervalMinutes: interval_,
        config: { clickIdField: clickField },
      };
    }
    return {
      kind,
      name: name.trim(),
      token,
      intervalMinutes: interval_,
      config: {
        clickIdProperty: clickField,
        contactOutcome,
        syncDeals,
        formGuids: formGuids
          .split(/[\s,]+/)
          .map((g) => g.trim())
          .filter(Boolean),
      },
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    setError(null);
    const result = await apiFetch<{ connection: ConnectionView; secret: string | null }>(
      "/api/connectors",
      { method: "POST", body: body() },
    );
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setError(result.message);
      return;
    }
    setName("");
    setToken("");
    onCreated(result.data.connection, result.data.secret);
  }

  async function test() {
    let payload: unknown;
    try {
      payload = JSON.parse(sample);
    } catch {
      setPreview("The sample payload is not valid JSON.");
      return;
    }
    const result = await apiFetch<{ preview: MappingPreview }>("/api/connectors/preview", {
      method: "POST",
      body: { mapping: mappingBody(), payload },
    });
    setPreview(result.ok ? result.data.preview : result.message);
  }

  const field = (key: string) =>
    fields[key] ?? fields[`config.${key}`] ?? fields[`config.mapping.${key}`];

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-base font-semibold">
        Add a connection
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Source" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="hubspot">HubSpot (contacts, deals, forms)</option>
          <option value="greenhouse">Greenhouse (applications, hires)</option>
          <option value="webhook">Inbound webhook (any system)</option>
        </SelectField>
        <TextField
          label="Name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          autoComplete="off"
        />
      </div>

      {kind !== "webhook" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={kind === "hubspot" ? "Private app access token" : "Harvest API key"}
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            error={fields.token}
            autoComplete="off"
            hint={
              kind === "hubspot"
                ? "HubSpot → Settings → Integrations → Private apps; scopes crm.objects.contacts.read, crm.objects.deals.read, forms. Stored encrypted, never shown again."
                : "Greenhouse → Configure → Dev Center → API Credentials (Harvest, GET applications). Stored encrypted, never shown again."
            }
          />
          <TextField
            label="Sync every (minutes)"
            type="number"
            min={5}
            max={1440}
            value={interval}
            onChange={(e) => setInterval(e.target.value)}
            error={fields.intervalMinutes}
          />
          <TextField
            label={
              kind === "hubspot"
                ? "Click id property (or form field)"
                : "Click id custom field (or question)"
            }
            value={clickField}
            onChange={(e) => setClickField(e.target.value)}
            error={field(kind === "hubspot" ? "clickIdProperty" : "clickIdField")}
            hint="Holds the click id (aid) or the tracked link's code (utm_content)."
          />
          {kind === "hubspot" ? (
            <>
              <SelectField
                label="New contacts count as"
                value={contactOutcome}
                onChange={(e) => setContactOutcome(e.target.value)}
              >
                <option value="lead">Lead</option>
                <option value="signup">Sign-up</option>
                <option value="none">Nothing (skip contacts)</option>
              </SelectField>
              <TextField
                label="Form GUIDs (optional)"
                value={formGuids}
                onChange={(e) => setFormGuids(e.target.value)}
                error={field("formGuids")}
                hint="Comma-separated; their submissions count as sign-ups."
              />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={syncDeals}
                  onChange={(e) => setSyncDeals(e.target.checked)}
                  className="size-4"
                />
                Import closed-won deals (with amount and currency)
              </label>
            </>
          ) : null}
        </div>
      ) : (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Mapping (JSON paths into the event)</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {MAPPING_FIELDS.map(([key, label, placeholder]) => (
              <TextField
                key={key}
                label={label}
                value={mapping[key] ?? ""}
                placeholder={placeholder}
                onChange={(e) => setMapping((m) => ({ ...m, [key]: e.target.value }))}
                error={field(key)}
                autoComplete="off"
                spellCheck={false}
              />
            ))}
            <SelectField
              label="Default outcome"
              value={defaultOutcome}
              onChange={(e) => setDefaultOutcome(e.target.value)}
              hint="When the event has no outcome."
            >
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-sample`} className="block text-sm font-medium">
              Sample payload
            </label>
            <textarea
              id={`${id}-sample`}
              value={sample}
              onChange={(e) => setSample(e.target.value)}
              rows={7}
              spellCheck={false}
              className={`${inputClass} font-mono text-xs`}
            />
          </div>
          <Button variant="secondary" onClick={test}>
            Test with sample payload
          </Button>
          <div aria-live="polite">
            {preview === null ? null : typeof preview === "string" ? (
              <p className="text-sm text-red-700 dark:text-red-400">{preview}</p>
            ) : preview.ok ? (
              <div className="space-y-1 text-sm">
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">
                  {JSON.stringify(preview.record, null, 2)}
                </pre>
                <p>
                  {preview.attribution?.matched
                    ? `Would be credited to the tracked link ${preview.attribution.shareCode}.`
                    : `Would be counted as unmatched: ${preview.attribution?.reason ?? ""}`}
                </p>
              </div>
            ) : (
              <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
                {Object.entries(preview.fields).map(([k, v]) => (
                  <li key={k}>
                    {k}: {v}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </fieldset>
      )}

      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add connection"}
      </Button>
    </form>
  );
}
