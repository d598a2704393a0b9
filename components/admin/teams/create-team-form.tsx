"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateTeamForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    setCreated(null);
    const result = await apiFetch<{ team: { id: string; name: string } }>("/api/teams", {
      method: "POST",
      body: { name, description: description.trim() || null },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setCreated(result.data.team);
    setNotice({ tone: "success", text: `Team “${result.data.team.name}” created.` });
    setName("");
    setDescription("");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="create-team-title">
      <h2 id="create-team-title" className="text-lg font-semibold">
        New team
      </h2>
      <TextField
        label="Name"
        required
        maxLength={60}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        autoComplete="off"
      />
      <TextField
        label="Description (optional)"
        maxLength={500}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fields.description}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </Button>
      <LiveNotice notice={notice} />
      {created ? (
        <p className="text-sm">
          <Link
            href={`/admin/teams/${created.id}`}
            className="font-medium text-brand-700 underline hover:no-underline dark:text-brand-100"
          >
            Choose managers and members for {created.name}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
