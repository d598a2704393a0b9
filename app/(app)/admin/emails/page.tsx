import type { Metadata } from "next";
import Link from "next/link";
import { EmailDeliveriesTable } from "@/components/email/email-deliveries-table";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listEmailDeliveries } from "@/lib/domains/email/email-deliveries";
import { env } from "@/lib/core/env";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailDeliveriesPage() {
  const access = await requirePageAccess("org:update");
  const deliveries = await listEmailDeliveries(access.orgId);
  const configured = Boolean(env().SMTP_URL);
  return (
    <>
      <PageHeader
        title="Emails"
        description="The last 100 emails Chorus sent (or tried to send) for your organisation. Failed ones can be sent again."
        actions={
          <Link
            href="/api/email/digest-preview?format=html"
            prefetch={false}
            className={buttonClass("secondary")}
          >
            Preview your weekly digest
          </Link>
        }
      />
      {configured ? null : (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900">
          Email is not configured on this server (SMTP_URL is not set): emails are recorded here but
          not sent.
        </p>
      )}
      <Card>
        <EmailDeliveriesTable
          initial={deliveries.map((d) => ({
            ...d,
            createdAt: d.createdAt.toISOString(),
            sentAt: d.sentAt?.toISOString() ?? null,
          }))}
          dates={await requestDateFormat(access.org.timeZone)}
        />
      </Card>
    </>
  );
}
