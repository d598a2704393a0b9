import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { createNotifications } from "@/lib/domains/notifications/create-notification";
import { decideMilestones, milestoneUrl } from "@/lib/domains/milestones/milestones";
import type { SeedStep } from "./context";

const DEMO_EMPLOYEE = "employee@fernhill.example";
const HOUR = 3_600_000;

/**
 * Step 5: the moments that matter the demo employee was told about (the bell, the digest), from
 * their own seeded figures and in the words of the rollup job's announcements (milestones.ts): the
 * visit milestone of their two most visited shares and the first outcome of one of them. The job
 * itself announces only what a run newly counts, so the seed's history gets them written here.
 */
export const seedMilestones: SeedStep = {
  name: "milestone notifications",
  async run(ctx) {
    const { db, now } = ctx;
    const member = ctx.members.find((m) => m.email === DEMO_EMPLOYEE);
    if (!member) return;
    const rows = await db.$queryRaw<
      (Record<"visits" | "conversions" | "signups" | "applications" | "hires", number> &
        Record<"leads" | "opportunities" | "deals" | "siteVisits", number> & {
          shareId: string;
          title: string;
        })[]
    >`
      SELECT d."shareId", i."title", SUM(d."uniqueVisits")::int AS "visits",
        SUM(d."conversions")::int AS "conversions", SUM(d."visits")::int AS "siteVisits",
        SUM(d."signups")::int AS "signups", SUM(d."applications")::int AS "applications",
        SUM(d."hires")::int AS "hires", SUM(d."leads")::int AS "leads",
        SUM(d."opportunities")::int AS "opportunities", SUM(d."deals")::int AS "deals"
      FROM "ShareDailyStats" d JOIN "ContentItem" i ON i."id" = d."itemId"
      WHERE d."orgId" = ${ctx.org.id} AND d."membershipId" = ${member.membershipId}
      GROUP BY d."shareId", i."title"
      ORDER BY 3 DESC, 1
      LIMIT 2`;
    const milestones = rows.flatMap((row) => {
      const outcomes: Record<ConversionOutcome, number> = {
        VISIT: row.siteVisits,
        SIGNUP: row.signups,
        APPLICATION: row.applications,
        HIRE: row.hires,
        LEAD: row.leads,
        OPPORTUNITY: row.opportunities,
        DEAL: row.deals,
      };
      return decideMilestones({
        shareId: row.shareId,
        itemTitle: row.title,
        visits: row.visits,
        visitsBefore: 0,
        conversions: row.conversions,
        conversionsBefore: 0,
        recentVisits: true,
        outcomes,
        otherBest: 0,
      });
    });
    await createNotifications(
      milestones.slice(0, 3).map((m) => ({
        orgId: ctx.org.id,
        userId: member.userId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        url: milestoneUrl(m.shareId),
      })),
      db,
    );
    // Spread over the last days (newest unread); createNotifications stamps them all "now".
    const created = await db.notification.findMany({
      where: { orgId: ctx.org.id, userId: member.userId, kind: { startsWith: "impact." } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    for (const [i, n] of created.entries()) {
      await db.notification.update({
        where: { id: n.id },
        data: {
          createdAt: new Date(now.getTime() - (i + 1) * 26 * HOUR),
          readAt: i === 0 ? null : new Date(now.getTime() - i * 20 * HOUR),
        },
      });
    }
  },
};
