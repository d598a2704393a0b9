import type { Metadata } from "next";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listWebhookEndpoints } from "@/lib/domains/webhooks/manage-webhooks";
import { listWebhookDeliveries } from "@/lib/domains/webhooks/webhook-deliveries";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const access = await requirePageAccess("org:update");
  const [endpoints, deliveries] = await Promise.all([
    listWebhookEndpoints(access.orgId),
    listWebhookDeliveries(access.orgId),
  ]);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where Chorus announces new content outside the app."
      />
      <Card>
        <WebhooksPanel
          initial={{ endpoints, deliveries }}
          dates={await requestDateFormat(access.org.timeZone)}
        />
      </Card>
    </>
  );
}
