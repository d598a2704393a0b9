import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/admin/teams/create-team-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listTeams } from "@/lib/domains/teams/list-teams";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const access = await requirePageAccess("teams:manage");
  const teams = await listTeams(access.orgId);
  return (
    <>
      <PageHeader
        title="Teams"
        description="Group people by department or office; managers follow their teams."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="teams-title" className="space-y-3">
          <h2 id="teams-title" className="sr-only">
            All teams
          </h2>
          {teams.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                No teams yet. Create the first one with the form.
              </p>
            </Card>
          ) : (
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">Teams ({teams.length})</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      Team
                    </th>
                    <th scope="col" className="px-4 py-2.5 text-right font-medium">
                      Members
                    </th>
                    <th scope="col" className="px-4 py-2.5 font-medium">
                      Managers
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {teams.map((t) => (
                    <tr key={t.id} className="align-top">
                      <th scope="row" className="px-4 py-3 text-left font-normal">
                        <Link
                          href={`/admin/teams/${t.id}`}
                          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                        >
                          {t.name}
                        </Link>
                        {t.description ? (
                          <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
                            {t.description}
                          </span>
                        ) : null}
                      </th>
                      <td className="px-4 py-3 text-right tabular-nums">{t.memberCount}</td>
                      <td className="px-4 py-3">
                        {t.managers.length ? (
                          t.managers.map((m) => m.name).join(", ")
                        ) : (
                          <span className="text-slate-600 dark:text-slate-400">None</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <Card className="self-start">
          <CreateTeamForm />
        </Card>
      </div>
    </>
  );
}
