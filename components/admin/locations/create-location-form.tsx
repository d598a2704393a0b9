"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateLocationForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ location: { id: string; name: string } }>("/api/locations", {
      method: "POST",
      body: { name },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setNotice({ tone: "success", text: `Location “${result.data.location.name}” created.` });
    setName("");
    router.refresh();
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4"
      noValidate
      aria-labelledby="create-location-title"
    >
      <h2 id="create-location-title" className="text-lg font-semibold">
        New location
      </h2>
      <TextField
        label="Name"
        hint="An office, site or city, e.g. Berlin or Remote."
        required
        maxLength={60}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create location"}
      </Button>
      <LiveNotice notice={notice} />
    </form>
  );
}
