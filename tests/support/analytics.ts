/**
 * Analytics test data straight through the database: items, shares, click events and
 * conversions, with RollupDirty markers written the way the click path and the conversions API
 * write them. And an independent recount in JavaScript (zoned days, unique-visit rule) to compare
 * the rollups and dashboard queries against.
 */
import { getDb } from "@/lib/core/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import type { BusinessGoal, ConversionOutcome, ValueType } from "@/lib/generated/prisma/enums";
import { countUniqueVisits } from "@/tests/support/unique-visits";
import { zonedDateKey } from "@/lib/core/time/zoned-time";

export async function createItem(
  orgId: string,
  {
    valueType = "INFORMATION",
    goals = ["MARKETING"],
  }: { valueType?: ValueType; goals?: BusinessGoal[] } = {},
) {
  const slug = `item-${randomString(8).toLowerCase()}`;
  return getDb().contentItem.create({
    data: {
      id: createId("cnt"),
      orgId,
      slug,
      title: `Item ${slug}`,
      body: "Body",
      valueType,
      goals,
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
}

export async function createShare(
  orgId: string,
  itemId: string,
  member: { user: { id: string }; membership: { id: string } },
  {
    createdAt = new Date(),
    networkSize = null,
    impressions = null,
    authenticity = 0.5,
    status = "SHARED",
    aiAssisted = false,
  }: {
    createdAt?: Date;
    networkSize?: number | null;
    impressions?: number | null;
    authenticity?: number;
    status?: "SHARED" | "POSTED" | "SCHEDULED" | "FAILED";
    aiAssisted?: boolean;
  } = {},
) {
  return getDb().share.create({
    data: {
      id: createId("shr"),
      orgId,
      itemId,
      membershipId: member.membership.id,
      userId: member.user.id,
      code: randomString(10),
      channel: "COPY",
      status,
      text: "text",
      language: "en",
      authenticity,
      aiAssisted,
      destinationUrl: "https://example.com/",
      networkSize,
      impressions,
      createdAt,
    },
  });
}

export interface TestClick {
  shareId: string;
  at: Date;
  isBot?: boolean;
  visitorKey: string;
}

/**
 * Inserts clicks and marks their share-days for a recount of their clicks (day in the org's zone):
 * rows written here, not by the click writer, are counted by the rollup job's recount.
 */
export async function insertClicks(orgId: string, clicks: TestClick[]) {
  if (!clicks.length) return;
  const db = getDb();
  await db.$executeRaw`
    WITH ins AS (
      INSERT INTO "ClickEvent" ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser")
      SELECT id, ${orgId}, "shareId", "at", "isBot", "visitorKey", 'desktop', 'Chrome'
      FROM unnest(${clicks.map(() => createId("clk"))}::text[], ${clicks.map((c) => c.shareId)}::text[],
        ${clicks.map((c) => c.at.toISOString())}::timestamptz[], ${clicks.map((c) => c.isBot ?? false)}::boolean[],
        ${clicks.map((c) => c.visitorKey)}::text[]) AS t(id, "shareId", "at", "isBot", "visitorKey")
      RETURNING "shareId", "at"
    )
    INSERT INTO "RollupDirty" ("shareId", "day", "recountClicks")
    SELECT DISTINCT ins."shareId", (ins."at" AT TIME ZONE o."timeZone")::date, true
    FROM ins JOIN "Organization" o ON o."id" = ${orgId}
    ORDER BY 1, 2 -- one lock order for every writer, like the click writer: no deadlocks
    ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt",
      "recountClicks" = true`;
}

export interface TestConversion {
  shareId: string;
  outcome: ConversionOutcome;
  occurredAt: Date;
  value?: number | null;
  currency?: string | null;
}

/** Inserts conversions and marks their share-days dirty, like the conversions API. */
export async function insertConversions(orgId: string, conversions: TestConversion[]) {
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  await db.$transaction(async (tx) => {
    await tx.conversion.createMany({
      data: conversions.map((c) => ({
        id: createId("cnv"),
        orgId,
        shareId: c.shareId,
        outcome: c.outcome,
        occurredAt: c.occurredAt,
        value: c.value ?? null,
        currency: c.currency ?? null,
      })),
    });
    // One statement in the click writer's lock order (share, day by the database's collation):
    // no deadlock with writers marking meanwhile.
    const days = conversions.map((c) => zonedDateKey(c.occurredAt, org.timeZone));
    await tx.$executeRaw`
      INSERT INTO "RollupDirty" ("shareId", "day")
      SELECT DISTINCT * FROM unnest(${conversions.map((c) => c.shareId)}::text[], ${days}::date[])
      ORDER BY 1, 2
      ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"`;
  });
}

export interface RecountRow {
  shareId: string;
  day: string;
  clicks: number;
  humanClicks: number;
  uniqueVisits: number;
  conversions: number;
  byOutcome: Record<string, number>;
  conversionValue: number;
}

/** Share-day totals recounted from the raw events in JavaScript (independent of the SQL). */
export async function recountFromRaw(
  orgId: string,
  db: PrismaClient = getDb(),
): Promise<Map<string, RecountRow>> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { timeZone: true, settings: { select: { currency: true } } },
  });
  const currency = (org.settings?.currency ?? "EUR").toUpperCase();
  const [clicks, conversions] = await Promise.all([
    db.clickEvent.findMany({ where: { orgId } }),
    db.conversion.findMany({ where: { orgId } }),
  ]);
  const rows = new Map<string, RecountRow>();
  const get = (shareId: string, day: string) => {
    const key = `${shareId}|${day}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        shareId,
        day,
        clicks: 0,
        humanClicks: 0,
        uniqueVisits: 0,
        conversions: 0,
        byOutcome: {},
        conversionValue: 0,
      };
      rows.set(key, row);
    }
    return row;
  };
  const clicksByKey = new Map<string, typeof clicks>();
  for (const c of clicks) {
    const key = `${c.shareId}|${zonedDateKey(c.at, org.timeZone)}`;
    clicksByKey.set(key, [...(clicksByKey.get(key) ?? []), c]);
  }
  for (const [key, list] of clicksByKey) {
    const [shareId, day] = key.split("|") as [string, string];
    const row = get(shareId, day);
    row.clicks = list.length;
    row.humanClicks = list.filter((c) => !c.isBot).length;
    row.uniqueVisits = countUniqueVisits(list);
  }
  for (const v of conversions) {
    const row = get(v.shareId, zonedDateKey(v.occurredAt, org.timeZone));
    row.conversions += 1;
    row.byOutcome[v.outcome] = (row.byOutcome[v.outcome] ?? 0) + 1;
    if (v.value !== null && (v.currency === null || v.currency.toUpperCase() === currency)) {
      row.conversionValue = Math.round((row.conversionValue + Number(v.value)) * 100) / 100;
    }
  }
  return rows;
}

/** ShareDailyStats of an organisation in the same shape as `recountFromRaw`. */
export async function readRollups(
  orgId: string,
  db: PrismaClient = getDb(),
): Promise<Map<string, RecountRow>> {
  const stats = await db.shareDailyStats.findMany({ where: { orgId } });
  const rows = new Map<string, RecountRow>();
  for (const s of stats) {
    const day = s.day.toISOString().slice(0, 10);
    const byOutcome: Record<string, number> = {};
    const outcomes = {
      VISIT: s.visits,
      SIGNUP: s.signups,
      APPLICATION: s.applications,
      HIRE: s.hires,
      LEAD: s.leads,
      OPPORTUNITY: s.opportunities,
      DEAL: s.deals,
    };
    for (const [k, n] of Object.entries(outcomes)) if (n) byOutcome[k] = n;
    rows.set(`${s.shareId}|${day}`, {
      shareId: s.shareId,
      day,
      clicks: s.clicks,
      humanClicks: s.humanClicks,
      uniqueVisits: s.uniqueVisits,
      conversions: s.conversions,
      byOutcome,
      conversionValue: Number(s.conversionValue),
    });
  }
  return rows;
}

/** Sorted arrays so a mismatch shows as a readable diff. */
export function sorted(rows: Map<string, RecountRow>) {
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
}
