"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/components/api-fetch";

export function AcceptInvitation({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    setError(null);
    const result = await apiFetch("/api/invitations/accept", { method: "POST", body: { token } });
    if (!result.ok) {
      setError(result.message);
      setPending(false);
      return;
    }
    router.push("/");
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button className="w-full" onClick={accept} disabled={pending}>
        {pending ? "Joining…" : `Join ${orgName}`}
      </Button>
    </div>
  );
}
