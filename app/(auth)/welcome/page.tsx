import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/auth/create-organization-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { env } from "@/lib/core/env";
import { signOutAction } from "@/app/(auth)/actions";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Welcome" };

export default async function WelcomePage() {
  const result = await currentAccess();
  if (!result || result.kind === "unknown-user") redirect("/signin");
  if (result.kind === "member") redirect("/");
  return (
    <Card className="space-y-5">
      <h1 className="text-xl font-semibold">Welcome to Chorus</h1>
      {result.kind === "deactivated" ? (
        <Alert tone="error">
          Your access to {result.orgName} has been deactivated. Ask one of its admins if you think
          this is a mistake.
        </Alert>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          You are not a member of an organisation yet. Open the invitation link a colleague sent
          you, or start your own organisation.
        </p>
      )}
      {env().SIGNUP_ENABLED ? <CreateOrganizationForm /> : null}
      <form action={signOutAction}>
        <button type="submit" className={buttonClass("ghost", "w-full")}>
          Sign out
        </button>
      </form>
    </Card>
  );
}
