"use client";

import Link from "next/link";
import { useActionState } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { idle } from "@/lib/domains/access/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, idle);
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? (
        <Alert tone="success">{state.message}</Alert>
      ) : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fields?.email}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Remembered it?{" "}
        <Link href="/signin" className="font-medium text-brand-700 underline dark:text-brand-100">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
