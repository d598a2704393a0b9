"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { apiFetch } from "@/components/api-fetch";

/** Disconnect with confirmation: revokes at LinkedIn and deletes the stored tokens. */
export function DisconnectLinkedInButton() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmButton
        title="Disconnect LinkedIn?"
        description="Chorus will ask LinkedIn to revoke its access and delete the stored tokens. Scheduled posts will not be published until you connect again. Posts already on LinkedIn stay there."
        confirmLabel="Disconnect"
        onConfirm={async () => {
          setError(null);
          const result = await apiFetch("/api/linkedin/connection", { method: "DELETE" });
          if (!result.ok) {
            setError(result.message);
            return;
          }
          router.replace("/profile#linkedin");
          router.refresh();
        }}
      >
        Disconnect
      </ConfirmButton>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
