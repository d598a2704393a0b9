import type { Metadata } from "next";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listWebhookEndpoints } from "@/lib/domains/webhooks/manage-webhooks";
import { listWebhookDeliveries } from "@/lib/domains/webhooks/webhook-deliveries";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { ConnectorsPanel } from "@/components/connectors/connectors-panel";
import { listConnections } from "@/lib/domains/connectors/manage-connections";
import { can } from "@/lib/domains/access/permissions";
import { appUrl } from "@/lib/core/http/app-url";
import { ScimTokensPanel } from "@/components/scim/scim-tokens-panel";
import { listScimTokens } from "@/lib/domains/scim/list-scim-tokens";
import { DeveloperWebhooksPanel } from "@/components/webhooks/developer-webhooks-panel";
import { listDeveloperWebhooks } from "@/lib/domains/developer-webhooks/manage-developer-webhooks";
import { listDeveloperWebhookDeliveries } from "@/lib/domains/developer-webhooks/developer-webhook-deliveries";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const access = await requirePageAccess("org:update");
  const [endpoints, deliveries, connections, scimTokens, devWebhooks, devDeliveries] =
    await Promise.all([
      listWebhookEndpoints(access.orgId),
      listWebhookDeliveries(access.orgId),
      can(access, "connectors:manage") ? listConnections(access.orgId) : null,
      can(access, "scim:manage") ? listScimTokens(access.orgId) : null,
      listDeveloperWebhooks(access.orgId),
      listDeveloperWebhookDeliveries(access.orgId),
    ]);
  const dates = await requestDateFormat(access.org.timeZone);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Where Chorus announces new content, and where outcomes come from."
      />
      <div className="space-y-6">
        <Card>
          <WebhooksPanel initial={{ endpoints, deliveries }} dates={dates} />
        </Card>
        <Card>
          <DeveloperWebhooksPanel
            initial={{ webhooks: devWebhooks, deliveries: devDeliveries }}
            dates={dates}
          />
        </Card>
        {connections ? (
          <Card>
            <ConnectorsPanel initial={connections} appUrl={appUrl()} dates={dates} />
          </Card>
        ) : null}
        {scimTokens ? (
          <Card>
            <ScimTokensPanel
              initialTokens={scimTokens}
              baseUrl={`${appUrl()}/scim/v2`}
              dates={dates}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
