/**
 * The weekly digest of the seeded demo employee (employee@fernhill.example), on a database of its
 * own (seedDemo creates the fixed slug "fernhill-energy"): what buildDigest finds, checked against
 * the seed's own records, and the email that reaches a real SMTP server through the job queue.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/core/db/client";
import { buildDigest, type Digest } from "@/lib/domains/digests/build-digest";
import { isoWeek, queueWeeklyDigests } from "@/lib/domains/digests/queue-weekly-digests";
import { closeEmailTransport } from "@/lib/integrations/email/transport";
import { stopJobs, startJobs } from "@/lib/jobs/run-jobs";
import { VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import type { SeedContext } from "@/prisma/seed/context";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-database";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { createOrgFixture } from "@/tests/support/factories";
import { createItem, createShare, insertClicks } from "@/tests/support/analytics";
import { startSmtpServer } from "@/tests/support/smtp-server";
import { callRoute } from "@/tests/support/http";
import { GET as digestPreview } from "@/app/api/email/digest-preview/route";
import { listForYouFeed } from "@/lib/domains/sharing/list-for-you-feed";
import type { Access } from "@/lib/domains/access/resolve-access";

const DAY_MS = 86_400_000;
const now = new Date();

// Before the app's env() and database client are first used in this file: its own database,
// uploads folder and SMTP server.
const database = await createTestDatabase();
const uploadsDir = await fs.mkdtemp(path.join(os.tmpdir(), "chorus-digest-uploads-"));
const smtp = await startSmtpServer();
const previous = {
  DATABASE_URL: process.env.DATABASE_URL,
  UPLOADS_DIR: process.env.UPLOADS_DIR,
  SMTP_URL: process.env.SMTP_URL,
};
process.env.DATABASE_URL = database.url;
process.env.UPLOADS_DIR = uploadsDir;
process.env.SMTP_URL = smtp.url;

let ctx: SeedContext;
let employee: SeedContext["members"][number];
let digest: Digest;

beforeAll(async () => {
  await disconnectDb();
  ctx = await seedDemo(getDb(), { log: () => {}, now });
  employee = ctx.members.find((m) => m.email === "employee@fernhill.example")!;
  digest = (await buildDigest(ctx.org.id, employee.membershipId, now))!;
  await startJobs();
});

afterAll(async () => {
  await stopJobs();
  closeEmailTransport();
  await smtp.close();
  await disconnectDb();
  await database.drop();
  await fs.rm(uploadsDir, { recursive: true, force: true });
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** The seeded member's access, as the digest builds it. */
async function accessFor(member: SeedContext["members"][number]): Promise<Access> {
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
  return {
    userId: member.userId,
    orgId: ctx.org.id,
    membershipId: member.membershipId,
    role: member.role,
    user: { id: member.userId, name: member.name, email: member.email, image: null },
    org: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      timeZone: org.timeZone,
      logoUrl: org.logoUrl,
    },
  };
}

/** Visible to the member at `at`, by the seed's own record of each item. */
function visibleTo(item: SeedContext["items"][number], at: Date) {
  return (
    item.status === "PUBLISHED" &&
    item.visibleFrom !== null &&
    item.visibleFrom <= at &&
    (item.visibleUntil === null || item.visibleUntil > at) &&
    (item.audienceAll ||
      item.audienceTeamIds.some((t) => employee.teamIds.includes(t)) ||
      (employee.locationId !== null && item.audienceLocationIds.includes(employee.locationId)))
  );
}

describe("the seeded employee's weekly digest", () => {
  it("lists the items that went live for them last week and that they have not shared", async () => {
    const from = new Date(now.getTime() - 7 * DAY_MS);
    const shared = new Set(
      ctx.shares.filter((s) => s.membershipId === employee.membershipId).map((s) => s.itemId),
    );
    const expected = ctx.items
      .filter((i) => visibleTo(i, now) && i.visibleFrom! >= from && !shared.has(i.id))
      .sort((a, b) => b.visibleFrom!.getTime() - a.visibleFrom!.getTime());
    expect(expected.length).toBeGreaterThan(0); // the seed gives the week something new
    expect(digest.newItemCount).toBe(expected.length);
    // In the feed's "for you" order (its ranking is the feed's own: listForYouFeed).
    const forYou = await listForYouFeed(await accessFor(employee), { order: "for-you" }, now);
    const expectedIds = new Set(expected.map((i) => i.id));
    expect(digest.newItems.map((i) => i.id)).toEqual(
      forYou
        .filter((i) => expectedIds.has(i.id))
        .slice(0, 5)
        .map((i) => i.id),
    );
    expect(digest.name).toBe("Sofia Lindqvist");
  });

  it("counts their shares and human clicks of last week: exactly the raw click rows", async () => {
    const from = new Date(now.getTime() - 7 * DAY_MS);
    const shares = ctx.shares.filter(
      (s) => s.membershipId === employee.membershipId && s.createdAt >= from && s.createdAt < now,
    );
    expect(digest.sharesLastWeek).toBe(shares.length);
    // Recounted from the raw clicks (not the rollups the digest reads): the seven whole days
    // before today's UTC date, each click on its calendar day in the organisation's time zone.
    const [raw] = await getDb().$queryRaw<{ human: number; bots: number }[]>`
      SELECT count(*) FILTER (WHERE NOT c."isBot")::int AS "human",
        count(*) FILTER (WHERE c."isBot")::int AS "bots"
      FROM "ClickEvent" c
      JOIN "Share" s ON s."id" = c."shareId"
      JOIN "Organization" o ON o."id" = s."orgId"
      WHERE s."membershipId" = ${employee.membershipId}
        AND timezone(o."timeZone", c."at")::date >= ${from.toISOString().slice(0, 10)}::date
        AND timezone(o."timeZone", c."at")::date < ${now.toISOString().slice(0, 10)}::date`;
    expect(raw!.human).toBeGreaterThan(0); // the seeded employee is an active advocate
    expect(digest.clicksLastWeek).toBe(raw!.human); // bots never count (the hand-built week below)
  });

  it("counts exactly the human clicks of the seven whole days before today (a hand-built week)", async () => {
    // Monday 15 June 2026, 08:00 in Berlin: last week is 8–14 June, in the organisation's days.
    const monday = new Date("2026-06-15T06:00:00Z");
    const org = await createOrgFixture();
    await getDb().organization.update({
      where: { id: org.org.id },
      data: { timeZone: "Europe/Berlin" },
    });
    const item = await createItem(org.org.id);
    const mine = await createShare(org.org.id, item.id, org.employee, {
      createdAt: new Date("2026-06-01T10:00:00Z"), // an older share still earns clicks
    });
    await createShare(org.org.id, item.id, org.employee, {
      createdAt: new Date("2026-06-09T10:00:00Z"),
    });
    await createShare(org.org.id, item.id, org.employee, {
      createdAt: new Date("2026-06-12T10:00:00Z"),
    });
    const theirs = await createShare(org.org.id, item.id, org.manager, {
      createdAt: new Date("2026-06-09T10:00:00Z"),
    });
    const click = (shareId: string, at: string, isBot = false) => ({
      shareId,
      at: new Date(at),
      isBot,
      visitorKey: `k${at}`,
    });
    await insertClicks(org.org.id, [
      click(mine.id, "2026-06-07T21:59:59Z"), // Sunday 7 June 23:59:59 in Berlin: the week before
      click(mine.id, "2026-06-07T22:00:00Z"), // Monday 8 June 00:00: counts
      click(mine.id, "2026-06-08T08:00:00Z"), // counts
      click(mine.id, "2026-06-10T12:00:00Z"), // counts
      click(mine.id, "2026-06-10T12:00:01Z", true), // a bot: does not count
      click(mine.id, "2026-06-12T17:30:00Z"), // counts
      click(mine.id, "2026-06-14T21:59:59Z"), // Sunday 14 June 23:59:59: counts
      click(mine.id, "2026-06-14T22:00:00Z"), // Monday 15 June 00:00: today, not last week
      click(theirs.id, "2026-06-10T12:00:00Z"), // a colleague's share
    ]);
    await drainDirtyRollups(getDb());
    const week = await buildDigest(org.org.id, org.employee.membership.id, monday);
    expect(week!.clicksLastWeek).toBe(5);
    expect(week!.sharesLastWeek).toBe(2);
  });

  it("nudges toward a value type they have not shared in 30 days, with an item of it", () => {
    const since = new Date(now.getTime() - 30 * DAY_MS);
    const byId = new Map(ctx.items.map((i) => [i.id, i]));
    const recentTypes = new Set(
      ctx.shares
        .filter((s) => s.membershipId === employee.membershipId && s.createdAt >= since)
        .map((s) => byId.get(s.itemId)!.valueType),
    );
    const missing = VALUE_TYPE_IDS.filter((t) => !recentTypes.has(t));
    expect(missing.length).toBeGreaterThan(0);
    expect(recentTypes.size).toBeGreaterThan(0);
    expect(missing).toContain(digest.nudge!.valueType);
    const item = byId.get(digest.nudge!.item!.id)!;
    expect(item.valueType).toBe(digest.nudge!.valueType);
    expect(visibleTo(item, now)).toBe(true);
    expect(
      ctx.shares.some((s) => s.membershipId === employee.membershipId && s.itemId === item.id),
    ).toBe(false);
  });

  it("the cron job's fan-out emails it (text and HTML) once per member and week", async () => {
    const active = await getDb().membership.count({
      where: { orgId: ctx.org.id, status: "ACTIVE" },
    });
    const first = await queueWeeklyDigests(now, { orgId: ctx.org.id });
    expect(first).toEqual({ queued: active, skipped: 0 });
    const again = await queueWeeklyDigests(now, { orgId: ctx.org.id });
    expect(again).toEqual({ queued: 0, skipped: active });

    const deadline = Date.now() + 30_000;
    const mine = () => smtp.messages.filter((m) => m.envelopeTo.includes(employee.email));
    while (mine().length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const [mail] = mine();
    const text = mail!.parsed.text!;
    const html = String(mail!.parsed.html);
    expect(text).toContain("Hi Sofia Lindqvist,");
    expect(text).toContain(`New for you this week (${digest.newItemCount}):`);
    for (const item of digest.newItems) {
      expect(text).toContain(`- ${item.title} (${item.valueTypeLabel}): ${item.url}`);
    }
    const clicks = `${digest.clicksLastWeek.toLocaleString("en-US")} click${digest.clicksLastWeek === 1 ? "" : "s"}`;
    expect(text).toContain(`and your links got ${clicks}.`);
    expect(text).toContain(`Idea: ${digest.nudge!.message}.`);
    expect(text).toContain(`Try: ${digest.nudge!.item!.title}`);
    expect(text).toContain('Unsubscribe from "Weekly digest" emails: http://');
    expect(html).toContain("Your week on Chorus");
    expect(html).toContain(digest.nudge!.message.replace(/'/g, "&#39;"));
    const row = await getDb().emailDelivery.findUniqueOrThrow({
      where: { dedupeKey: `digest:${employee.membershipId}:${isoWeek(now)}` },
    });
    expect(row.category).toBe("digest");
    // For the reader of the test output: the digest the seeded employee receives.
    console.info(
      `\n--- digest for ${employee.email} ---\nSubject: ${mail!.parsed.subject}\n\n${text}`,
    );
  });

  it("admins preview a member's digest (text); employees cannot; unknown members are 404", async () => {
    const admin = ctx.members.find((m) => m.role === "ADMIN")!;
    const res = await callRoute(digestPreview, {
      userId: admin.userId,
      path: `/api/email/digest-preview?membershipId=${employee.membershipId}&format=text`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = res.json as unknown as string; // not JSON: callRoute keeps the text
    expect(text).toContain("Hi Sofia Lindqvist,");
    expect(text).toContain(`your links got ${digest.clicksLastWeek.toLocaleString("en-US")}`);
    const denied = await callRoute(digestPreview, {
      userId: employee.userId,
      path: `/api/email/digest-preview?membershipId=${employee.membershipId}`,
    });
    expect(denied.status).toBe(403);
    const unknown = await callRoute(digestPreview, {
      userId: admin.userId,
      path: "/api/email/digest-preview?membershipId=mem_nobody",
    });
    expect(unknown.status).toBe(404);
    const bad = await callRoute(digestPreview, {
      userId: admin.userId,
      path: "/api/email/digest-preview?format=pdf",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain("format");
  });

  it("an employee who opted out gets no digest", async () => {
    await getDb().user.update({
      where: { id: employee.userId },
      data: { emailOptOuts: ["digest"] },
    });
    const later = new Date(now.getTime() + 7 * DAY_MS);
    await queueWeeklyDigests(later, { orgId: ctx.org.id });
    expect(
      await getDb().emailDelivery.count({
        where: { dedupeKey: `digest:${employee.membershipId}:${isoWeek(later)}` },
      }),
    ).toBe(0);
  });
});
