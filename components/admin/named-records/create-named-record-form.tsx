"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import {
  capitalised,
  type NamedRecordKind,
} from "@/components/admin/named-records/named-record-kind";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** "New location", "New topic": a name, created through the kind's API. */
export function CreateNamedRecordForm({ kind }: { kind: NamedRecordKind }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const titleId = `create-${kind.noun}-title`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<Record<string, { id: string; name: string }>>(kind.apiPath, {
      method: "POST",
      body: { name },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    const created = result.data[kind.responseKey]!;
    setNotice({ tone: "success", text: `${capitalised(kind.noun)} “${created.name}” created.` });
    setName("");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="text-lg font-semibold">
        New {kind.noun}
      </h2>
      <TextField
        label="Name"
        hint={kind.hint}
        required
        maxLength={kind.maxLength}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : `Create ${kind.noun}`}
      </Button>
      <LiveNotice notice={notice} />
    </form>
  );
}
