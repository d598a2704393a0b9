import { createId } from "@/lib/core/db/create-id";
import { slugify } from "@/lib/core/ids/slugify";
import { hashPassword } from "@/lib/domains/auth/password";
import { DEMO_ORG_SLUG, DEMO_PASSWORD } from "@/lib/domains/demo/demo-accounts";
import type { SeedContext, SeedStep } from "./context";
import { demoEmail, LOCATIONS, PEOPLE, TEAMS } from "./people";

/** Step 1: the organisation, its teams and locations, ~40 people across the three roles. */
export const seedOrganization: SeedStep = {
  name: "organisation, teams and members",
  async run(ctx: SeedContext) {
    const { db } = ctx;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const orgId = createId("org");
    ctx.org = { id: orgId, name: "Fernhill Energy", slug: DEMO_ORG_SLUG };
    ctx.teams = TEAMS.map((t) => ({ id: createId("team"), name: t.name }));
    ctx.locations = LOCATIONS.map((name) => ({ id: createId("loc"), name }));
    const teamId = (name: string) => ctx.teams.find((t) => t.name === name)!.id;
    const locationId = (name: string) => ctx.locations.find((l) => l.name === name)!.id;

    const people = PEOPLE.map((p, i) => ({
      ...p,
      email: p.email ?? demoEmail(p.name),
      userId: createId("usr"),
      membershipId: createId("mem"),
      // Members joined over the last year, admins first.
      joinedAt: new Date(ctx.now.getTime() - (400 - i * 7) * 24 * 3600 * 1000),
    }));

    await db.$transaction(
      async (tx) => {
        await tx.organization.create({
          data: { ...ctx.org, timeZone: "Europe/Berlin" },
        });
        await tx.team.createMany({
          data: TEAMS.map((t, i) => ({ id: ctx.teams[i]!.id, orgId, ...t })),
        });
        await tx.location.createMany({
          data: ctx.locations.map((l) => ({ ...l, orgId })),
        });
        await tx.user.createMany({
          data: people.map((p) => ({
            id: p.userId,
            email: p.email,
            name: p.name,
            headline: `${p.title} at Fernhill Energy`,
            passwordHash,
            lastActiveOrgId: orgId,
            createdAt: p.joinedAt,
          })),
        });
        await tx.membership.createMany({
          data: people.map((p) => ({
            id: p.membershipId,
            orgId,
            userId: p.userId,
            role: p.role,
            handle: slugify(p.name),
            title: p.title,
            locationId: locationId(p.location),
            createdAt: p.joinedAt,
          })),
        });
        await tx.teamMember.createMany({
          data: people.map((p) => ({
            orgId,
            teamId: teamId(p.team),
            membershipId: p.membershipId,
          })),
        });
        await tx.teamManager.createMany({
          data: people
            .filter((p) => p.manages)
            .map((p) => ({ orgId, teamId: teamId(p.team), membershipId: p.membershipId })),
        });
      },
      // Generous: on a busy machine (CI, parallel builds) the default 5 s is not enough.
      { timeout: 60_000 },
    );

    ctx.members = people.map((p) => ({
      membershipId: p.membershipId,
      userId: p.userId,
      name: p.name,
      email: p.email,
      role: p.role,
      teamIds: [teamId(p.team)],
      locationId: locationId(p.location),
    }));
  },
};
