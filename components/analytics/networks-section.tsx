import { DataTable } from "@/components/analytics/data-table";
import { DashboardSection, EmptyState } from "@/components/analytics/dashboard-section";
import { formatCount } from "@/components/analytics/format";
import { MetricBars } from "@/components/analytics/metric-bars";
import type { NetworkRow } from "@/lib/domains/analytics/types";
import { networkLabel } from "@/lib/domains/sharing/social-networks";

/** "Clicks by network": human clicks on tracked links by where each share went (daily rollups). */
export function NetworksSection({ rows }: { rows: NetworkRow[] }) {
  return (
    <DashboardSection
      id="networks"
      title="Clicks by network"
      description="Human clicks on tracked links in this period, by where each share was posted (LinkedIn, X, WhatsApp…; “Other apps” when the phone's share sheet picked the app)."
    >
      {rows.length === 0 ? (
        <EmptyState>No clicks in this period yet.</EmptyState>
      ) : (
        <>
          <MetricBars
            caption="Human clicks by network"
            unit="Human clicks"
            rows={rows.map((r) => ({
              key: r.network,
              label: networkLabel(r.network),
              value: r.humanClicks,
              display: formatCount(r.humanClicks),
              barClass: "bg-brand-600",
            }))}
          />
          <DataTable
            caption="By network"
            rows={rows}
            rowKey={(r) => r.network}
            columns={[
              { header: "Network", cell: (r) => networkLabel(r.network), rowHeader: true },
              { header: "Human clicks", cell: (r) => formatCount(r.humanClicks), numeric: true },
              { header: "Unique visits", cell: (r) => formatCount(r.uniqueVisits), numeric: true },
              { header: "Conversions", cell: (r) => formatCount(r.conversions), numeric: true },
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}
