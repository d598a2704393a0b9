import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { Card } from "@/components/ui/card";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { ssoProviderInfo } from "@/lib/domains/auth/providers";
import { env } from "@/lib/core/env";

export const metadata: Metadata = { title: "Create your organisation" };

export default async function SignUpPage() {
  if (!env().SIGNUP_ENABLED) notFound();
  const access = await currentAccess();
  if (access && access.kind !== "unknown-user") redirect("/");
  return (
    <Card className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Start an advocacy programme</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Create your account and your organisation. You can invite your colleagues next.
        </p>
      </div>
      <SsoButtons providers={ssoProviderInfo()} />
      <SignUpForm withOrganization />
    </Card>
  );
}
