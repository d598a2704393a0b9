"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";

/**
 * "I posted it": confirms a share handed to its sharer (LinkedIn's dialog, or copied text and
 * link), which counts from then on. Without `onConfirmed` the page is refreshed.
 */
export function ConfirmShareButton({
  shareId,
  onConfirmed,
}: {
  shareId: string;
  onConfirmed?: () => void;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await apiFetch(`/api/shares/${encodeURIComponent(shareId)}/confirm`, {
      method: "POST",
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (onConfirmed) onConfirmed();
    else router.refresh();
  }

  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={confirm} disabled={busy}>
        {busy ? "Confirming…" : "I posted it"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
