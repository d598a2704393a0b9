"use client";

import { useActionState } from "react";
import { createOrganizationAction } from "@/app/(auth)/welcome/actions";
import { idle } from "@/lib/domains/access/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState(createOrganizationAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <TextField
        label="Organisation name"
        name="organizationName"
        required
        error={state.status === "error" ? state.fields?.organizationName : undefined}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
