"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { idle } from "@/lib/domains/access/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SignUpForm({
  callbackUrl,
  invitationToken,
  email,
  name,
  withOrganization,
}: {
  callbackUrl?: string;
  invitationToken?: string;
  email?: string | null;
  name?: string | null;
  withOrganization: boolean;
}) {
  const [state, action, pending] = useActionState(signUpAction, idle);
  const fields = state.status === "error" ? state.fields : undefined;
  const signInHref = `/signin${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <input type="hidden" name="invitationToken" value={invitationToken ?? ""} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={name ?? ""}
        required
        error={fields?.name}
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={email ?? ""}
        readOnly={Boolean(email)}
        required
        error={fields?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={fields?.password}
      />
      {withOrganization ? (
        <TextField
          label="Organisation name"
          name="organizationName"
          autoComplete="organization"
          required
          error={fields?.organizationName}
        />
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link
          href={signInHref}
          className="font-medium text-brand-700 underline dark:text-brand-100"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
