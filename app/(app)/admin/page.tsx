import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getOrgOverview } from "@/lib/domains/orgs/get-org-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  const access = await requirePageAccess("org:update");
  const o = await getOrgOverview(access.orgId);
  const stats = [
    { label: "Employees", value: o.employees, href: "/admin/members?role=EMPLOYEE" },
    { label: "Managers", value: o.managers, href: "/admin/members?role=MANAGER" },
    { label: "Admins", value: o.admins, href: "/admin/members?role=ADMIN" },
    { label: "Teams", value: o.teams, href: "/admin/teams" },
    {
      label: "Pending invitations",
      value: o.pendingInvitations,
      href: "/admin/members#invitations",
    },
    { label: "Deactivated", value: o.deactivated, href: "/admin/members?status=DEACTIVATED" },
  ];
  return (
    <>
      <PageHeader title={access.org.name} description="Your advocacy programme at a glance." />
      {/* A list of links: a <dl> may not hold links around its terms (axe definition-list). */}
      <ul className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {stats.map((s) => (
          <li key={s.label}>
            <Link href={s.href} className="block h-full rounded-lg focus-visible:outline-2">
              <Card className="h-full transition-shadow hover:shadow-md">
                <span className="block text-sm text-slate-600 dark:text-slate-400">{s.label}</span>
                <span className="mt-1 block text-3xl font-semibold tabular-nums">{s.value}</span>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
