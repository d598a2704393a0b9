import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentAccess } from "@/lib/domains/access/require-page-access";
import { ROLE_LABELS } from "@/lib/domains/access/permissions";
import { getInvitationPreview } from "@/lib/domains/invitations/get-invitation-preview";

export const metadata: Metadata = { title: "Invitation" };

const CLOSED: Record<string, string> = {
  expired: "This invitation has expired. Ask an admin of the organisation for a new one.",
  revoked: "This invitation has been revoked.",
  used: "This invitation has already been used.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationPreview(token);
  if (!invitation) {
    return (
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">Invitation not found</h1>
        <Alert tone="error">
          This invitation link is not valid. Check that you copied all of it.
        </Alert>
      </Card>
    );
  }
  const access = await currentAccess();
  const signedIn = access && access.kind !== "unknown-user";
  const callbackUrl = `/invite/${token}`;
  return (
    <Card className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">Join {invitation.orgName} on Chorus</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong>
          {invitation.teams.length ? <> in {invitation.teams.join(", ")}</> : null}.
        </p>
      </div>
      {invitation.state !== "pending" ? (
        <Alert tone="error">{CLOSED[invitation.state]}</Alert>
      ) : signedIn ? (
        <AcceptInvitation token={token} orgName={invitation.orgName} />
      ) : (
        <>
          <SignUpForm
            callbackUrl={callbackUrl}
            invitationToken={token}
            email={invitation.email}
            name={invitation.name}
            withOrganization={false}
          />
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className={buttonClass("secondary", "w-full")}
          >
            I already have an account
          </Link>
        </>
      )}
    </Card>
  );
}
