"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export interface TimeZoneGroup {
  label: string;
  zones: string[];
}

export function OrgSettingsForm({
  name: initialName,
  timeZone: initialTimeZone,
  timeZoneGroups,
}: {
  name: string;
  timeZone: string;
  timeZoneGroups: TimeZoneGroup[];
}) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [timeZone, setTimeZone] = useState(initialTimeZone);
  const [saved, setSaved] = useState({ name: initialName, timeZone: initialTimeZone });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const change: { name?: string; timeZone?: string } = {};
    if (name.trim() !== saved.name) change.name = name;
    if (timeZone !== saved.timeZone) change.timeZone = timeZone;
    if (!change.name && !change.timeZone) {
      setNotice({ tone: "info", text: "Nothing has changed." });
      return;
    }
    setPending(true);
    setFields({});
    const result = await apiFetch<{ organization: { name: string; timeZone: string } }>(
      "/api/org",
      {
        method: "PATCH",
        body: change,
      },
    );
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    const org = result.data.organization;
    setSaved({ name: org.name, timeZone: org.timeZone });
    setName(org.name);
    setNotice({ tone: "success", text: "Organisation settings saved." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="org-settings-title">
      <h2 id="org-settings-title" className="text-lg font-semibold">
        Organisation
      </h2>
      <TextField
        label="Name"
        required
        minLength={2}
        maxLength={80}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        autoComplete="organization"
      />
      <SelectField
        label="Time zone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        error={fields.timeZone}
        hint="Used for dates, schedules and reports."
      >
        {timeZoneGroups.map((group) =>
          group.label ? (
            <optgroup key={group.label} label={group.label}>
              {group.zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </optgroup>
          ) : (
            group.zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))
          ),
        )}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
      <LiveNotice notice={notice} />
    </form>
  );
}
