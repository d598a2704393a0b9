"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateTopicForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ topic: { id: string; name: string } }>("/api/topics", {
      method: "POST",
      body: { name },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setNotice({ tone: "success", text: `Topic “${result.data.topic.name}” created.` });
    setName("");
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="create-topic-title">
      <h2 id="create-topic-title" className="text-lg font-semibold">
        New topic
      </h2>
      <TextField
        label="Name"
        hint="What posts are about, e.g. Renewables, Careers or Engineering."
        required
        maxLength={40}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create topic"}
      </Button>
      <LiveNotice notice={notice} />
    </form>
  );
}
