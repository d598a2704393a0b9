"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { CopyLink } from "@/components/admin/copy-link";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/domains/access/permissions";
import type { InvitationEmailOutcome } from "@/lib/domains/invitations/create-invitation";
import { INVITATION_EXPIRY_DAYS } from "@/lib/domains/invitations/invitation-expiry";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

type Team = { id: string; name: string };
type Location = { id: string; name: string };
type Created = {
  invitation: {
    id: string;
    expiresAt: string;
    url: string;
    /** Email invitations: what became of the email (null for invite links). */
    emailed: InvitationEmailOutcome | null;
  };
};

/** What the admin is told once an email invitation exists: the truth about its email. */
function createdNotice(email: string, emailed: InvitationEmailOutcome | null): string {
  switch (emailed) {
    case "queued":
      return `Invitation sent to ${email} by email. The link below is the one in the email: no need to send it again.`;
    case "not_configured":
      return `Invitation created for ${email}, but not emailed: email is not set up on this server. Send them the link below yourself.`;
    default:
      return `Invitation created for ${email}, but its email could not be queued. Send them the link below yourself.`;
  }
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  return (
    <SelectField label="Role" value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </SelectField>
  );
}

/** Where the person will work: none, or one of the organisation's locations (placed on joining). */
function LocationSelect({
  locations,
  value,
  onChange,
  error,
}: {
  locations: Location[];
  value: string;
  onChange: (locationId: string) => void;
  error?: string;
}) {
  if (locations.length === 0) return null;
  return (
    <SelectField
      label="Location"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint="They are placed at this location when they join."
    >
      <option value="">No location</option>
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Invite one person by email, or create a shareable invite link. */
export function InvitePanel({
  teams,
  locations = [],
  dates,
  emailConfigured,
}: {
  teams: Team[];
  /** The organisation's locations (a Location select appears when there are any). */
  locations?: Location[];
  dates: DateFormat;
  /** This server sends email (SMTP_URL is set): email invitations are emailed. */
  emailConfigured: boolean;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <EmailInviteForm
        teams={teams}
        locations={locations}
        dates={dates}
        emailConfigured={emailConfigured}
      />
      <LinkInviteForm teams={teams} locations={locations} dates={dates} />
    </div>
  );
}

function EmailInviteForm({
  teams,
  locations,
  dates,
  emailConfigured,
}: {
  teams: Team[];
  locations: Location[];
  dates: DateFormat;
  emailConfigured: boolean;
}) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("EMPLOYEE");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [locationId, setLocationId] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<{ email: string; url: string; expiresAt: string } | null>(
    null,
  );
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    setCreated(null);
    const result = await apiFetch<Created>("/api/invitations", {
      method: "POST",
      body: {
        kind: "EMAIL",
        email,
        name: name.trim() || undefined,
        role,
        teamIds,
        locationId: locationId || null,
      },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setCreated({ email: email.trim(), ...result.data.invitation });
    setNotice({
      tone: result.data.invitation.emailed === "failed" ? "error" : "success",
      text: createdNotice(email.trim(), result.data.invitation.emailed),
    });
    setEmail("");
    setName("");
    router.refresh();
  }

  return (
    <Card>
      <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="invite-email-title">
        <div>
          <h3 id="invite-email-title" className="text-base font-semibold">
            Invite by email
          </h3>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
            {emailConfigured
              ? "We email them a link to join."
              : "Email is not set up on this server: you send them the link yourself."}{" "}
            It can be used once and expires in {INVITATION_EXPIRY_DAYS} days.
          </p>
        </div>
        <TextField
          label="Email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label="Name (optional)"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
          hint="Pre-fills their sign-up form."
        />
        <RoleSelect value={role} onChange={setRole} />
        <CheckboxList
          legend="Teams"
          options={teams.map((t) => ({ id: t.id, label: t.name }))}
          selected={teamIds}
          onChange={setTeamIds}
          emptyText="No teams yet. You can add people to teams later."
          error={fields.teamIds}
        />
        <LocationSelect
          locations={locations}
          value={locationId}
          onChange={setLocationId}
          error={fields.locationId}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation"}
        </Button>
        <LiveNotice notice={notice} />
        {created ? (
          <div className="space-y-1">
            <CopyLink url={created.url} label={`Invitation link for ${created.email}`} />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Valid until {formatDate(created.expiresAt, "dateTime", dates)}. This is the only time
              the link is shown.
            </p>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function LinkInviteForm({
  teams,
  locations,
  dates,
}: {
  teams: Team[];
  locations: Location[];
  dates: DateFormat;
}) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("EMPLOYEE");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [locationId, setLocationId] = useState("");
  const [maxUses, setMaxUses] = useState("25");
  const [expiresInDays, setExpiresInDays] = useState(String(INVITATION_EXPIRY_DAYS));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<{
    url: string;
    expiresAt: string;
    maxUses: number;
  } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const uses = Number(maxUses);
    const days = Number(expiresInDays);
    const local: Record<string, string> = {};
    if (!Number.isInteger(uses) || uses < 1 || uses > 1000)
      local.maxUses = "Enter a whole number from 1 to 1000.";
    if (!Number.isInteger(days) || days < 1 || days > 30)
      local.expiresInDays = "Enter a whole number of days from 1 to 30.";
    setFields(local);
    if (Object.keys(local).length) {
      setNotice({ tone: "error", text: "Check the highlighted fields." });
      return;
    }
    setPending(true);
    setCreated(null);
    const result = await apiFetch<Created>("/api/invitations", {
      method: "POST",
      body: {
        kind: "LINK",
        role,
        teamIds,
        locationId: locationId || null,
        maxUses: uses,
        expiresInDays: days,
      },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setCreated({ ...result.data.invitation, maxUses: uses });
    setNotice({
      tone: "success",
      text: `Invite link created: anyone with it can join as ${ROLE_LABELS[role]}, up to ${uses} ${uses === 1 ? "person" : "people"}.`,
    });
    router.refresh();
  }

  return (
    <Card>
      <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="invite-link-title">
        <div>
          <h3 id="invite-link-title" className="text-base font-semibold">
            Create invite link
          </h3>
          <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
            A link to share in a channel or an intranet page. Revoke it any time.
          </p>
        </div>
        <RoleSelect value={role} onChange={setRole} />
        <CheckboxList
          legend="Teams"
          options={teams.map((t) => ({ id: t.id, label: t.name }))}
          selected={teamIds}
          onChange={setTeamIds}
          emptyText="No teams yet. You can add people to teams later."
          error={fields.teamIds}
        />
        <LocationSelect
          locations={locations}
          value={locationId}
          onChange={setLocationId}
          error={fields.locationId}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Maximum uses"
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            required
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
            error={fields.maxUses}
            hint="1 to 1000"
          />
          <TextField
            label="Expires after (days)"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            required
            value={expiresInDays}
            onChange={(e) => setExpiresInDays(e.target.value)}
            error={fields.expiresInDays}
            hint="1 to 30"
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invite link"}
        </Button>
        <LiveNotice notice={notice} />
        {created ? (
          <div className="space-y-1">
            <CopyLink url={created.url} label="Invite link" />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Valid until {formatDate(created.expiresAt, "dateTime", dates)} or {created.maxUses}{" "}
              uses. This is the only time the link is shown.
            </p>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
