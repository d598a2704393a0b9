import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TeamEditor } from "@/components/admin/teams/team-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { AppError } from "@/lib/core/errors/app-error";
import { listMemberOptions } from "@/lib/domains/members/list-member-options";
import { getTeam } from "@/lib/domains/teams/get-team";

type Props = { params: Promise<{ id: string }> };

/** getTeam answers NOT_FOUND for unknown ids and for other organisations' teams alike. */
const findTeam = cache(async (orgId: string, teamId: string) => {
  try {
    return await getTeam(orgId, teamId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await requirePageAccess("teams:manage");
  const team = await findTeam(access.orgId, (await params).id);
  return { title: `${team.name} · Teams` };
}

export default async function TeamPage({ params }: Props) {
  const access = await requirePageAccess("teams:manage");
  const { id } = await params;
  const team = await findTeam(access.orgId, id);
  const memberIds = team.members.map((m) => m.membershipId);
  const people = await listMemberOptions(access.orgId, {
    includeIds: [...memberIds, ...team.managerIds],
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          href="/admin/teams"
          className="text-brand-700 underline hover:no-underline dark:text-brand-100"
        >
          Teams
        </Link>
        <span aria-hidden="true" className="mx-1.5 text-slate-400">
          /
        </span>
        <span aria-current="page">{team.name}</span>
      </nav>
      <PageHeader
        title={team.name}
        description={`${team.members.length} member${team.members.length === 1 ? "" : "s"} · ${team.managerIds.length} manager${team.managerIds.length === 1 ? "" : "s"}`}
      />
      <TeamEditor
        key={team.id}
        team={{
          id: team.id,
          name: team.name,
          description: team.description,
          managerIds: team.managerIds,
          memberIds,
        }}
        people={people}
      />
    </>
  );
}
