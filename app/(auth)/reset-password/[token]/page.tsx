import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  getPasswordResetLinkState,
  PASSWORD_RESET_LINK_MESSAGES,
} from "@/lib/domains/auth/password-reset/password-reset-link-state";

// The token is in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const state = await getPasswordResetLinkState(token);
  if (state !== "valid") {
    return (
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">This link cannot be used</h1>
        <Alert tone="error">{PASSWORD_RESET_LINK_MESSAGES[state]}</Alert>
        <Link href="/forgot-password" className={buttonClass("primary", "w-full")}>
          Ask for a new link
        </Link>
      </Card>
    );
  }
  return (
    <Card className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Choose a new password</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Setting a new password signs you out on every device.
        </p>
      </div>
      <ResetPasswordForm token={token} />
    </Card>
  );
}
