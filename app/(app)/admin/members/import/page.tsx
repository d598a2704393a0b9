import type { Metadata } from "next";
import Link from "next/link";
import { CsvImport } from "@/components/admin/import/csv-import";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { isEmailConfigured } from "@/lib/domains/email/email-configured";
import { listTeams } from "@/lib/domains/teams/list-teams";

export const metadata: Metadata = { title: "Import members" };

export default async function ImportMembersPage() {
  const access = await requirePageAccess("members:invite");
  const teams = await listTeams(access.orgId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          href="/admin/members"
          className="text-brand-700 underline hover:no-underline dark:text-brand-100"
        >
          Members
        </Link>
        <span aria-hidden="true" className="mx-1.5 text-slate-400">
          /
        </span>
        <span aria-current="page">Import</span>
      </nav>
      <PageHeader
        title="Invite from a CSV file"
        description="Invite many people at once: each row of the file becomes an email invitation."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
        <CsvImport emailConfigured={isEmailConfigured()} />
        <aside aria-labelledby="teams-title" className="space-y-2 text-sm">
          <h2 id="teams-title" className="font-semibold">
            Team names you can use
          </h2>
          {teams.length ? (
            <ul className="space-y-1 text-slate-700 dark:text-slate-300">
              {teams.map((t) => (
                <li key={t.id}>{t.name}</li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600 dark:text-slate-400">
              No teams yet. Leave the teams column empty, or{" "}
              <Link href="/admin/teams" className="text-brand-700 underline dark:text-brand-100">
                create teams
              </Link>{" "}
              first.
            </p>
          )}
        </aside>
      </div>
    </>
  );
}
