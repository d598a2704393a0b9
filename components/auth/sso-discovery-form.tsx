"use client";

import { useActionState } from "react";
import { ssoDiscoverAction } from "@/app/(auth)/actions";
import { idle } from "@/lib/domains/access/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/**
 * "Sign in with SSO": the work email's domain finds the organisation that verified it, and its
 * identity provider takes over (README "Single sign-on per organisation").
 */
export function SsoDiscoveryForm() {
  const [state, action, pending] = useActionState(ssoDiscoverAction, idle);
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <section aria-labelledby="sso-discovery-title" className="space-y-3">
      <div className="flex items-center gap-3 pt-2 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" /> or{" "}
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <h2 id="sso-discovery-title" className="text-sm font-semibold">
        Sign in with your organisation&apos;s single sign-on
      </h2>
      <form action={action} className="space-y-3" noValidate>
        {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
        <TextField
          label="Work email"
          name="workEmail"
          type="email"
          autoComplete="email"
          required
          error={fields?.workEmail}
        />
        <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
          {pending ? "Finding your sign-in…" : "Sign in with SSO"}
        </Button>
      </form>
    </section>
  );
}
