"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import type { Role } from "@/lib/generated/prisma/enums";

export function OrgSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: { id: string; name: string; role: Role }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (organizations.length < 2) {
    return (
      <span className="truncate text-body font-semibold">
        {organizations.find((o) => o.id === current)?.name}
      </span>
    );
  }
  async function switchTo(orgId: string) {
    const result = await apiFetch("/api/org/switch", { method: "POST", body: { orgId } });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.push("/");
    router.refresh();
  }
  return (
    <label className="flex min-w-0 flex-1 flex-col gap-1 text-body">
      <span className="sr-only">Organisation</span>
      <select
        value={current}
        onChange={(e) => switchTo(e.target.value)}
        className="w-full min-w-0 rounded-lg border-0 bg-white py-1.5 pl-2.5 text-body font-semibold ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:ring-slate-600"
        aria-describedby={error ? "org-switch-error" : undefined}
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error ? (
        <span id="org-switch-error" role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </label>
  );
}
