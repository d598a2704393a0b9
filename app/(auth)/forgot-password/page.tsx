import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <Card className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Enter the email address you sign in with. We will email you a link to choose a new
          password.
        </p>
      </div>
      <ForgotPasswordForm />
    </Card>
  );
}
