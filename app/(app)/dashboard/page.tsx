import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/access/require-page-access";
import { ROLE_LABELS } from "@/lib/access/permissions";
import { listManagedTeams } from "@/lib/teams/list-managed-teams";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const access = await requirePageAccess("dashboard:read");
  const teams = await listManagedTeams(access);
  const people = new Set(teams.flatMap((t) => t.members.map((m) => m.membershipId))).size;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${teams.length} team${teams.length === 1 ? "" : "s"} · ${people} people in your scope`}
      />
      {teams.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            You don&apos;t manage any team yet. An admin can make you a manager of a team on the
            Teams page.
          </p>
        </Card>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {teams.map((team) => (
            <Card key={team.id}>
              <h2 className="text-lg font-medium">{team.name}</h2>
              {team.description ? (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                  {team.description}
                </p>
              ) : null}
              <p className="mt-3 text-sm font-medium">{team.members.length} members</p>
              <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {team.members.map((m) => (
                  <li key={m.membershipId} className="flex justify-between py-1.5">
                    <span>{m.name}</span>
                    <span className="text-slate-600 dark:text-slate-400">
                      {m.title ?? ROLE_LABELS[m.role]}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
