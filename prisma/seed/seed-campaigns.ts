import { createId } from "@/lib/core/db/create-id";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { addDays } from "@/lib/domains/analytics/day-range";
import { campaignInstants } from "@/lib/domains/campaigns/campaign-window";
import { COUNTED_SHARE_STATUSES } from "@/lib/domains/sharing/share-status";
import type { SeedContext, SeedStep } from "./context";

/**
 * A running campaign, "Energy Transition Month": three live posts for everyone that people have
 * been sharing since it began nine days ago, a goal of shares about twice what it has so far (so
 * the bar is partly full), and Engineering and Sales competing. Runs after the shares and the
 * analytics steps, so its progress comes from the seeded shares and rollups like any campaign's.
 */
export const seedCampaigns: SeedStep = {
  name: "campaigns",
  async run(ctx: SeedContext) {
    const { db, org, now } = ctx;
    const { timeZone } = await db.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { timeZone: true },
    });
    const today = zonedDateKey(now, timeZone);
    const startDate = addDays(today, -9);
    const endDate = addDays(today, 12);
    const { startsAt, endsAt } = campaignInstants({ startDate, endDate }, timeZone);
    const live = ctx.items.filter(
      (i) =>
        i.status === "PUBLISHED" &&
        i.audienceAll &&
        i.visibleFrom !== null &&
        i.visibleFrom <= now &&
        (i.visibleUntil === null || i.visibleUntil > now),
    );
    const counts = await db.share.groupBy({
      by: ["itemId"],
      where: {
        orgId: org.id,
        itemId: { in: live.map((i) => i.id) },
        status: { in: [...COUNTED_SHARE_STATUSES] },
        createdAt: { gte: startsAt },
      },
      _count: { _all: true },
    });
    const shares = new Map(counts.map((c) => [c.itemId, c._count._all]));
    const chosen = [...live]
      .sort((a, b) => (shares.get(b.id) ?? 0) - (shares.get(a.id) ?? 0) || a.id.localeCompare(b.id))
      .slice(0, 3);
    if (!chosen.length) return;
    const sofar = chosen.reduce((n, i) => n + (shares.get(i.id) ?? 0), 0);
    const goalTarget = Math.max(20, Math.ceil((sofar * 2) / 10) * 10);
    const teams = ctx.teams.filter((t) => t.name === "Engineering" || t.name === "Sales");
    const lead = ctx.members.find((m) => m.role === "ADMIN")!;
    const id = createId("cmp");
    const name = "Energy Transition Month";
    const createdAt = new Date(startsAt.getTime() - 2 * 86_400_000);
    await db.$transaction([
      db.campaign.create({
        data: {
          id,
          orgId: org.id,
          name,
          description:
            "Help us reach more people with our best stories on the energy transition. Share one of these posts in your own words.",
          startsAt,
          endsAt,
          goal: "SHARES",
          goalTarget,
          teamsCompete: teams.length > 0,
          createdById: lead.userId,
          createdAt,
        },
      }),
      db.campaignItem.createMany({
        data: chosen.map((i) => ({ orgId: org.id, campaignId: id, itemId: i.id })),
      }),
      db.campaignTeam.createMany({
        data: teams.map((t) => ({ orgId: org.id, campaignId: id, teamId: t.id })),
      }),
      db.auditLog.create({
        data: {
          id: createId("aud"),
          orgId: org.id,
          actorId: lead.userId,
          action: "campaign.create",
          targetType: "campaign",
          targetId: id,
          metadata: {
            name,
            startDate,
            endDate,
            goal: "SHARES",
            goalTarget,
            items: chosen.length,
            teams: teams.length,
          },
          createdAt,
        },
      }),
    ]);
  },
};
