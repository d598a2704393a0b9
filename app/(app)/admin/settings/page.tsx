import type { Metadata } from "next";
import { GuardrailsForm } from "@/components/admin/settings/guardrails-form";
import { LogoUploader } from "@/components/admin/settings/logo-uploader";
import { OrgSettingsForm, type TimeZoneGroup } from "@/components/admin/settings/org-settings-form";
import { AnalyticsSettingsForm } from "@/components/settings/analytics-settings-form";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { RewardsSettingsForm } from "@/components/settings/rewards-settings-form";
import { AiSettingsForm } from "@/components/settings/ai-settings-form";
import { getAiSettings } from "@/lib/domains/ai/get-ai-settings";
import { BadgeSettings } from "@/components/recognition/badge-settings";
import { ApprovalStagesEditor } from "@/components/admin/settings/approval-stages-editor";
import { listApprovalStages } from "@/lib/domains/approvals/list-approval-stages";
import { listApproverOptions } from "@/lib/domains/approvals/list-approver-options";
import { listBadgeDefinitions } from "@/lib/domains/recognition/list-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { can } from "@/lib/domains/access/permissions";
import { listApiKeys } from "@/lib/domains/api-keys/list-api-keys";
import { appUrl } from "@/lib/core/http/app-url";
import { getAnalyticsSettingsView } from "@/lib/domains/settings/get-analytics-settings";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { getRewardsSettings } from "@/lib/domains/settings/get-rewards-settings";
import { isTimeZone } from "@/lib/core/validation";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { SsoSettings } from "@/components/admin/settings/sso-settings";
import { getSsoSettings } from "@/lib/domains/sso/get-sso-settings";

export const metadata: Metadata = { title: "Settings" };

/** "UTC" first, then the runtime's IANA zones grouped by region ("Europe/Berlin" → Europe). */
function timeZoneGroups(current: string): TimeZoneGroup[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  if (current !== "UTC" && isTimeZone(current)) zones.add(current);
  zones.delete("UTC");
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes("/") ? zone.split("/")[0]! : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [
    { label: "", zones: ["UTC"] },
    ...[...groups].map(([label, list]) => ({ label, zones: list })),
  ];
}

export default async function SettingsPage() {
  const access = await requirePageAccess("org:update");
  const { org } = access;
  const [guardrails, analytics, apiKeys, rewards, ai, stages, approverOptions] = await Promise.all([
    getOrgSettings(org.id),
    getAnalyticsSettingsView(org.id),
    can(access, "apikeys:manage") ? listApiKeys(org.id) : null,
    getRewardsSettings(org.id),
    getAiSettings(org.id),
    listApprovalStages(org.id),
    listApproverOptions(org.id),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your organisation's name, time zone and logo, the rules every post follows, analytics and API keys."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <OrgSettingsForm
            name={org.name}
            timeZone={org.timeZone}
            timeZoneGroups={timeZoneGroups(org.timeZone)}
          />
        </Card>
        <Card>
          <LogoUploader logoUrl={org.logoUrl} orgName={org.name} />
        </Card>
        <Card className="lg:col-span-2">
          <GuardrailsForm settings={guardrails} />
        </Card>
        <Card className="lg:col-span-2">
          <ApprovalStagesEditor initialStages={stages} options={approverOptions} />
        </Card>
        <Card className="lg:col-span-2">
          <AnalyticsSettingsForm settings={analytics} />
        </Card>
        <Card className="lg:col-span-2">
          <RewardsSettingsForm settings={rewards} />
        </Card>
        {ai.configured ? (
          <Card className="lg:col-span-2">
            <AiSettingsForm settings={ai} />
          </Card>
        ) : null}
        <Card className="lg:col-span-2">
          <BadgeSettings badges={await listBadgeDefinitions(org.id)} />
        </Card>
        {apiKeys ? (
          <Card className="lg:col-span-2">
            <ApiKeysPanel
              initialKeys={apiKeys}
              appUrl={appUrl()}
              dates={await requestDateFormat(org.timeZone)}
            />
          </Card>
        ) : null}
        <Card className="lg:col-span-2">
          <SsoSettings initial={await getSsoSettings(org.id, org.slug)} />
        </Card>
      </div>
    </>
  );
}
