/**
 * The demo seed on a database of its own (seedDemo creates the fixed slug "fernhill-energy", which
 * must not collide with other test files), with uploads in a temp folder.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { characterCount, evaluateGuardrails } from "@/lib/domains/content/guardrails";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { env } from "@/lib/core/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sniffImageType } from "@/lib/core/images/sniff-image-type";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import type { SeedContext } from "@/prisma/seed/context";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { DEMO_REWARDS_NOTE } from "@/prisma/seed/seed-content";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { readRollups, recountFromRaw, sorted } from "@/tests/support/analytics";
import { CONVERSION_OUTCOMES } from "@/lib/domains/analytics/outcomes";

const DAY_MS = 24 * 3600 * 1000;
const now = new Date();
const previousUploadsDir = process.env.UPLOADS_DIR;
let uploadsDir: string;
let database: TestDatabase;
let db: PrismaClient;
let ctx: SeedContext;

beforeAll(async () => {
  uploadsDir = await fs.mkdtemp(path.join(os.tmpdir(), "chorus-seed-uploads-"));
  // Before env() is first read in this file's module graph: the storage then writes here.
  process.env.UPLOADS_DIR = uploadsDir;
  if (env().STORAGE_DRIVER !== "s3") expect(env().UPLOADS_DIR).toBe(uploadsDir);
  database = await createTestDatabase();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  ctx = await seedDemo(db, { log: () => {}, now });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  await fs.rm(uploadsDir, { recursive: true, force: true });
  if (previousUploadsDir === undefined) delete process.env.UPLOADS_DIR;
  else process.env.UPLOADS_DIR = previousUploadsDir;
});

const loadItems = () =>
  db.contentItem.findMany({
    where: { orgId: ctx.org.id },
    include: {
      captions: true,
      translations: true,
      images: true,
      audienceTeams: true,
      audienceLocations: true,
      transitions: { orderBy: { createdAt: "asc" } },
    },
  });

describe("demo content seed", () => {
  it("seeds about 40 items with a varied mix of value types and goals", async () => {
    const items = await loadItems();
    expect(items.length).toBeGreaterThanOrEqual(36);
    expect(items.length).toBeLessThanOrEqual(44);
    expect(new Set(items.map((i) => i.valueType))).toEqual(new Set(VALUE_TYPE_IDS));
    expect(new Set(items.flatMap((i) => i.goals))).toEqual(new Set(GOAL_IDS));
    expect(items.filter((i) => i.goals.length > 1).length).toBeGreaterThanOrEqual(5);

    const published = items.filter((i) => i.status === "PUBLISHED");
    for (const type of VALUE_TYPE_IDS) {
      const share = published.filter((i) => i.valueType === type).length / published.length;
      expect(share, type).toBeLessThanOrEqual(0.3);
    }
  });

  it("spreads statuses and dates around now: live, scheduled, expired, drafts, review, archive", async () => {
    const items = await loadItems();
    const count = (status: string) => items.filter((i) => i.status === status).length;
    expect(count("PUBLISHED")).toBeGreaterThanOrEqual(25);
    expect(count("DRAFT")).toBeGreaterThanOrEqual(3);
    expect(count("IN_REVIEW")).toBeGreaterThanOrEqual(1);
    expect(count("ARCHIVED")).toBeGreaterThanOrEqual(2);

    for (const item of items.filter((i) => i.status === "PUBLISHED" || i.status === "ARCHIVED")) {
      expect(item.publishedAt!.getTime()).toBeLessThan(now.getTime());
      expect(item.publishedAt!.getTime()).toBeGreaterThan(now.getTime() - 90 * DAY_MS);
    }
    for (const item of items.filter((i) => i.status === "DRAFT" || i.status === "IN_REVIEW")) {
      expect(item.publishedAt).toBeNull();
    }
    const scheduled = items.filter((i) => i.publishAt && i.publishAt > now);
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    for (const item of scheduled) {
      expect(item.status).toBe("PUBLISHED");
      expect(item.publishAt!.getTime()).toBeLessThan(now.getTime() + 21 * DAY_MS);
    }
    const expired = items.filter((i) => i.status === "PUBLISHED" && i.expireAt && i.expireAt < now);
    expect(expired.length).toBeGreaterThanOrEqual(1);
  });

  it("records a workflow history for every item, in order, by the two admins", async () => {
    const items = await loadItems();
    const admins = new Set(ctx.members.filter((m) => m.role === "ADMIN").map((m) => m.userId));
    expect(admins.size).toBe(2);
    for (const item of items) {
      const steps = item.transitions;
      expect(steps[0]).toMatchObject({ fromStatus: null, toStatus: "DRAFT" });
      expect(steps.at(-1)!.toStatus, item.slug).toBe(item.status);
      expect(steps[0]!.createdAt).toEqual(item.createdAt);
      for (const [n, step] of steps.entries()) {
        expect(admins.has(step.actorId!)).toBe(true);
        expect(step.createdAt.getTime()).toBeLessThan(now.getTime());
        if (n === 0) continue;
        expect(step.fromStatus).toBe(steps[n - 1]!.toStatus);
        expect(step.createdAt.getTime()).toBeGreaterThan(steps[n - 1]!.createdAt.getTime());
      }
      if (item.publishedAt) {
        const publish = steps.find((s) => s.toStatus === "PUBLISHED");
        expect(publish?.createdAt).toEqual(item.publishedAt);
      }
    }
  });

  it("writes LinkedIn-ready texts with captions, hashtags and link previews", async () => {
    const items = await loadItems();
    for (const item of items) {
      for (const body of [item.body, ...item.translations.map((t) => t.body)]) {
        expect(characterCount(body), item.slug).toBeGreaterThanOrEqual(300);
        expect(characterCount(body), item.slug).toBeLessThanOrEqual(1300);
      }
      const own = item.captions.filter((c) => c.language === item.language);
      expect(own.length, item.slug).toBeGreaterThanOrEqual(2);
      expect(new Set(own.map((c) => c.label)).size).toBe(own.length);
      expect(item.hashtags.length, item.slug).toBeGreaterThan(0);
      for (const tag of item.hashtags) expect(item.body).toContain(`#${tag}`);
      if (item.linkUrl) {
        expect(item.linkUrl).toMatch(/^https:\/\//);
        expect(item.linkTitle && item.linkSiteName && item.linkFetchedAt).toBeTruthy();
      }
    }
    expect(items.filter((i) => i.linkUrl).length).toBeGreaterThanOrEqual(items.length / 2);
    expect(items.filter((i) => i.notes).length).toBeGreaterThanOrEqual(items.length / 3);
  });

  it("has translations in German, Swedish and Portuguese, and items written in German", async () => {
    const items = await loadItems();
    const translations = items.flatMap((i) => i.translations.map((t) => ({ ...t, item: i })));
    const languages = translations.map((t) => t.language);
    expect(languages.filter((l) => l === "de").length).toBeGreaterThanOrEqual(4);
    expect(languages).toContain("sv");
    expect(languages).toContain("pt");
    for (const t of translations) {
      expect(t.title).not.toBe(t.item.title);
      expect(
        t.item.captions.some((c) => c.language === t.language),
        t.item.slug,
      ).toBe(true);
    }
    expect(items.filter((i) => i.language === "de").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps every seeded text within the seeded guardrails", async () => {
    const settings = await db.orgSettings.findUniqueOrThrow({ where: { orgId: ctx.org.id } });
    expect(settings).toMatchObject({ requireApproval: false, maxSharesPerDay: 5 });
    // Rewards are off in the demo (no disclosure required), with their note ready for when on.
    expect(settings).toMatchObject({ rewardsEnabled: false, rewardsNote: DEMO_REWARDS_NOTE });
    expect(settings.blockedPhrases.length).toBeGreaterThan(0);
    const items = await loadItems();
    const suggestions = await db.suggestion.findMany({ where: { orgId: ctx.org.id } });
    const texts = [
      ...items.flatMap((i) => [
        { what: `${i.slug} body`, text: i.body },
        ...i.captions.map((c) => ({
          what: `${i.slug} caption ${c.label}/${c.language}`,
          text: c.text,
        })),
        ...i.translations.map((t) => ({ what: `${i.slug} ${t.language}`, text: t.body })),
      ]),
      ...suggestions.map((s) => ({ what: `suggestion ${s.title}`, text: s.body })),
    ];
    expect(texts.length).toBeGreaterThan(150);
    for (const { what, text } of texts)
      expect(evaluateGuardrails(text, settings), what).toEqual([]);
  });

  it("targets some items at teams or locations", async () => {
    const items = await loadItems();
    const targeted = items.filter((i) => !i.audienceAll);
    expect(targeted.length).toBeGreaterThanOrEqual(4);
    expect(targeted.length).toBeLessThan(items.length / 2);
    for (const item of targeted) {
      expect(item.audienceTeams.length + item.audienceLocations.length).toBeGreaterThan(0);
    }
    expect(targeted.some((i) => i.audienceTeams.length > 0)).toBe(true);
    expect(targeted.some((i) => i.audienceLocations.length > 0)).toBe(true);
  });

  it("seeds suggestions in every status; accepted ones became library items", async () => {
    const suggestions = await db.suggestion.findMany({
      where: { orgId: ctx.org.id },
      include: { item: true, membership: { include: { user: true } }, images: true },
    });
    const byStatus = (status: string) => suggestions.filter((s) => s.status === status);
    expect(byStatus("PENDING").length).toBeGreaterThanOrEqual(4);
    expect(byStatus("ACCEPTED").length).toBeGreaterThanOrEqual(1);
    expect(byStatus("REJECTED").length).toBeGreaterThanOrEqual(1);
    expect(
      byStatus("PENDING").some((s) => s.membership.user.email === "employee@fernhill.example"),
    ).toBe(true);
    expect(suggestions.some((s) => s.images.length > 0)).toBe(true);
    for (const s of byStatus("PENDING")) expect(s.reviewedAt).toBeNull();
    for (const s of byStatus("ACCEPTED")) {
      expect(s.item?.originatorMembershipId).toBe(s.membershipId);
      expect(s.reviewedAt!.getTime()).toBeGreaterThan(s.createdAt.getTime());
      expect(s.item!.createdAt).toEqual(s.reviewedAt);
    }
    for (const s of byStatus("REJECTED")) {
      expect(s.rejectionReason).toBeTruthy();
      expect(s.reviewedById).toBeTruthy();
      expect(s.itemId).toBeNull();
    }
  });

  it("stores the images, readable through the storage", async () => {
    const images = await db.contentImage.findMany({ where: { orgId: ctx.org.id } });
    expect(images.filter((i) => i.itemId).length).toBeGreaterThanOrEqual(8);
    expect(new Set(images.map((i) => i.storageKey)).size).toBe(images.length);
    for (const image of images) {
      const file = await getStorage().get(image.storageKey);
      expect(file, image.storageKey).not.toBeNull();
      expect(file!.contentType).toBe("image/png");
      expect(file!.bytes.byteLength).toBe(image.bytes);
      expect(sniffImageType(file!.bytes)?.mime).toBe("image/png");
      expect(image.alt).not.toBe("");
    }
  });

  it("hands the library to later seed steps through the context", async () => {
    const items = await loadItems();
    expect(ctx.settings.maxSharesPerDay).toBe(5);
    expect(ctx.items.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    for (const seeded of ctx.items) {
      const item = items.find((i) => i.id === seeded.id)!;
      expect(seeded).toMatchObject({
        slug: item.slug,
        valueType: item.valueType,
        goals: item.goals,
        status: item.status,
        publishedAt: item.publishedAt,
        audienceAll: item.audienceAll,
      });
      expect(seeded.audienceTeamIds.sort()).toEqual(item.audienceTeams.map((a) => a.teamId).sort());
      expect(seeded.visibleFrom).toEqual(item.publishAt ?? item.publishedAt);
    }
  });
});

describe("demo share seed", () => {
  it("spreads shares over the last 90 days, many people, varied authenticity and channels", async () => {
    const shares = await db.share.findMany({
      where: { orgId: ctx.org.id },
      include: { item: true },
    });
    expect(shares.length).toBeGreaterThan(150);
    expect(new Set(shares.map((s) => s.membershipId)).size).toBeGreaterThanOrEqual(20);
    const since = now.getTime() - 91 * 86_400_000;
    for (const s of shares) {
      expect(s.createdAt.getTime()).toBeGreaterThan(since);
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(s.item.status === "PUBLISHED" || s.item.status === "ARCHIVED").toBe(true);
      expect(s.createdAt.getTime()).toBeGreaterThanOrEqual(s.item.publishedAt!.getTime() - 1);
      const dest = new URL(s.destinationUrl);
      expect(dest.searchParams.get("utm_content")).toBe(s.code);
      expect(dest.searchParams.get("utm_campaign")).toBe(s.item.slug);
    }
    const low = shares.filter((s) => s.authenticity < 0.15).length;
    const high = shares.filter((s) => s.authenticity >= 0.6).length;
    expect(low).toBeGreaterThan(10);
    expect(high).toBeGreaterThan(10);
    expect(new Set(shares.map((s) => s.channel))).toEqual(
      new Set(["LINKEDIN_DIALOG", "COPY", "INTENT"]),
    );
    expect(new Set(shares.map((s) => s.network)).size).toBeGreaterThan(2);
    const perDay = new Map<string, number>();
    for (const s of shares) {
      const key = `${s.membershipId}:${s.createdAt.toISOString().slice(0, 10)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(5);
    expect(ctx.shares).toHaveLength(shares.length);
  });
});

describe("demo click and conversion seed", () => {
  it("rolls up every click and conversion: the rollups equal a raw recount", async () => {
    expect(await db.rollupDirty.count()).toBe(0);
    const [rollups, recount] = await Promise.all([
      readRollups(ctx.org.id, db),
      recountFromRaw(ctx.org.id, db),
    ]);
    expect(rollups.size).toBeGreaterThan(300);
    expect(sorted(rollups)).toEqual(sorted(recount));
  });

  it("spreads clicks over 90 days, hours, devices and referrers, with ~8 % bots", async () => {
    const clicks = await db.clickEvent.findMany({ where: { orgId: ctx.org.id } });
    expect(clicks.length).toBeGreaterThan(3000);
    const bots = clicks.filter((c) => c.isBot).length / clicks.length;
    expect(bots).toBeGreaterThan(0.05);
    expect(bots).toBeLessThan(0.11);
    const days = new Set(clicks.map((c) => c.at.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(60);
    expect(new Set(clicks.map((c) => c.at.getUTCHours())).size).toBe(24);
    for (const c of clicks) {
      expect(c.at.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(c.at.getTime()).toBeGreaterThan(now.getTime() - 92 * DAY_MS);
    }
    expect(new Set(clicks.map((c) => c.device))).toEqual(
      new Set(["desktop", "mobile", "tablet", "bot"]),
    );
    // Each month of the demo's clicks has its partition: none waits in the default one.
    const [row] = await db.$queryRaw<{ inDefault: number }[]>`
      SELECT COUNT(*)::int AS "inDefault" FROM "ClickEvent_default" WHERE "orgId" = ${ctx.org.id}`;
    expect(row?.inDefault).toBe(0);
    expect(new Set(clicks.map((c) => c.browser)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(clicks.map((c) => c.referrerHost)).size).toBeGreaterThanOrEqual(5);
    const shares = await db.share.findMany({ where: { orgId: ctx.org.id } });
    expect(shares.filter((s) => s.networkSize !== null).length).toBeGreaterThan(shares.length / 2);
  });

  it("tells a story: education and inspiration earn the most per share; goals bring their outcomes", async () => {
    const stats = await db.shareDailyStats.findMany({ where: { orgId: ctx.org.id } });
    const shares = await db.share.findMany({
      where: { orgId: ctx.org.id },
      include: { item: true },
    });
    const perShare = (types: string[]) => {
      const ids = new Set(shares.filter((s) => types.includes(s.item.valueType)).map((s) => s.id));
      const visits = stats
        .filter((s) => ids.has(s.shareId))
        .reduce((n, s) => n + s.uniqueVisits, 0);
      return visits / Math.max(1, ids.size);
    };
    expect(perShare(["EDUCATION", "INSPIRATION"])).toBeGreaterThan(
      1.3 * perShare(["INFORMATION", "TOGETHERNESS", "ENTERTAINMENT"]),
    );

    const conversions = await db.conversion.findMany({
      where: { orgId: ctx.org.id },
      include: { share: { include: { item: true } } },
    });
    expect(new Set(conversions.map((c) => c.outcome))).toEqual(new Set(CONVERSION_OUTCOMES));
    for (const c of conversions) {
      const goals = c.share.item.goals;
      if (c.outcome === "APPLICATION" || c.outcome === "HIRE") expect(goals).toContain("HR");
      if (c.outcome === "LEAD" || c.outcome === "DEAL") expect(goals).toContain("SALES");
      if (c.value !== null) expect(c.currency).toBe("EUR");
      expect(c.occurredAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    expect(
      conversions.filter((c) => c.outcome === "DEAL" && c.value !== null).length,
    ).toBeGreaterThan(0);
  });

  it("gives the demo employee impact to show in the last 30 days and a few milestone notifications", async () => {
    const employee = ctx.members.find((m) => m.email === "employee@fernhill.example")!;
    const since = new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
    const [row] = await db.$queryRaw<{ visits: number; shares: number }[]>`
      SELECT COALESCE(SUM(d."uniqueVisits"), 0)::int AS "visits",
        COUNT(DISTINCT d."shareId")::int AS "shares"
      FROM "ShareDailyStats" d
      WHERE d."membershipId" = ${employee.membershipId} AND d."day" >= ${since}::date`;
    expect(row!.visits).toBeGreaterThan(10);
    expect(row!.shares).toBeGreaterThan(1);
    const milestones = await db.notification.findMany({
      where: { userId: employee.userId, kind: { startsWith: "impact." } },
      orderBy: { createdAt: "desc" },
    });
    expect(milestones.length).toBeGreaterThanOrEqual(2);
    expect(milestones.length).toBeLessThanOrEqual(3);
    for (const n of milestones) {
      expect(n.title).toMatch(
        /^Your post about “.+” (reached \d+ visits|got its first visit|brought its first .+)$/,
      );
      expect(n.url).toMatch(/^\/activity\?share=shr_/);
      expect(n.createdAt.getTime()).toBeLessThan(now.getTime());
    }
    expect(milestones.filter((n) => n.readAt === null)).toHaveLength(1);
  });
});

describe("demo topics", () => {
  it("tags the library with topics and has people follow them, the demo employee included", async () => {
    const topics = await db.topic.findMany({
      where: { orgId: ctx.org.id },
      include: { _count: { select: { items: true, followers: true } } },
    });
    expect(topics.length).toBeGreaterThanOrEqual(5);
    for (const t of topics) {
      expect(t._count.items, t.name).toBeGreaterThanOrEqual(2);
      expect(t._count.followers, t.name).toBeGreaterThanOrEqual(1);
    }
    const employee = await db.membership.findFirstOrThrow({
      where: { orgId: ctx.org.id, user: { email: "employee@fernhill.example" } },
      include: { follows: { include: { topic: true } } },
    });
    expect(employee.follows.map((f) => f.topic.name)).toContain("Renewables");
    expect(employee.onboardedAt).not.toBeNull();
  });
});

describe("recognition in the demo", () => {
  it("badge definitions, points for every share that counts, and badges the demo employee earned", async () => {
    expect(await db.badgeDefinition.count({ where: { orgId: ctx.org.id } })).toBe(5);
    const counted = await db.share.count({
      where: { orgId: ctx.org.id, status: { in: ["SHARED", "POSTED"] } },
    });
    const withPoints = await db.pointsAward.count({
      where: { orgId: ctx.org.id, reason: "SHARE" },
    });
    expect(withPoints).toBe(counted);
    const visits = await db.pointsAward.count({ where: { orgId: ctx.org.id, reason: "VISITS" } });
    expect(visits).toBeGreaterThan(0);
    const awards = await db.badgeAward.findMany({
      where: { orgId: ctx.org.id },
      select: { badge: { select: { key: true } }, membership: { select: { user: true } } },
    });
    expect(new Set(awards.map((a) => a.badge.key)).size).toBeGreaterThanOrEqual(3);
    expect(
      awards.filter((a) => a.membership.user.email === "employee@fernhill.example").length,
    ).toBeGreaterThan(0);
  });
});

describe("demo campaign seed", () => {
  it("runs a campaign with some progress and two teams competing", async () => {
    const [campaign] = await db.campaign.findMany({
      where: { orgId: ctx.org.id },
      include: { items: true, teams: { include: { team: true } } },
    });
    expect(campaign).toBeDefined();
    expect(campaign!.startsAt.getTime()).toBeLessThan(now.getTime());
    expect(campaign!.endsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(campaign!.teams.map((t) => t.team.name).sort()).toEqual(["Engineering", "Sales"]);
    expect(campaign!.items.length).toBeGreaterThanOrEqual(2);
    const shares = await db.share.findMany({
      where: {
        orgId: ctx.org.id,
        itemId: { in: campaign!.items.map((i) => i.itemId) },
        status: { in: ["SHARED", "POSTED"] },
        createdAt: { gte: campaign!.startsAt, lt: campaign!.endsAt },
      },
      select: { membershipId: true },
    });
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.length).toBeLessThan(campaign!.goalTarget);
    const sharers = new Set(shares.map((s) => s.membershipId));
    for (const { teamId } of campaign!.teams) {
      const members = await db.teamMember.findMany({ where: { teamId } });
      expect(
        members.some((m) => sharers.has(m.membershipId)),
        teamId,
      ).toBe(true);
    }
  });
});
