"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { idle } from "@/lib/domains/access/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SignInForm({
  callbackUrl,
  signUpHref,
}: {
  callbackUrl?: string;
  signUpHref?: string;
}) {
  const [state, action, pending] = useActionState(signInAction, idle);
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fields?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fields?.password}
      />
      <p className="-mt-2 text-right text-sm">
        <Link
          href="/forgot-password"
          className="font-medium text-brand-700 underline dark:text-brand-100"
        >
          Forgot password?
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {signUpHref ? (
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          New here?{" "}
          <Link
            href={signUpHref}
            className="font-medium text-brand-700 underline dark:text-brand-100"
          >
            Create an account
          </Link>
        </p>
      ) : null}
    </form>
  );
}
