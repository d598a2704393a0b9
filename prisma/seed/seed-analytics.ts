import { createId } from "@/lib/core/db/create-id";
import type { ConversionOutcome, ValueType } from "@/lib/generated/prisma/enums";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { createClickPartition } from "@/lib/domains/tracking/click-partitions";
import type { SeedContext, SeedStep } from "./context";
import type { Random } from "./random";

/**
 * Step 4: 90 days of clicks and conversions on the seeded shares, then the daily rollups.
 *
 * The story the dashboard tells:
 * - education and inspiration posts earn the most clicks per share, togetherness the fewest;
 * - HR-goal items bring applications and hires, sales items leads, opportunities and deals,
 *   marketing items visits and sign-ups;
 * - two advocates with large networks stand out on the leaderboard;
 * - clicks come mostly in the first day or two after a share; ~8 % are bots.
 * Deterministic: everything comes from the seed's PRNG (only ids are random).
 */

const CLICKS_PER_SHARE: Record<ValueType, number> = {
  EDUCATION: 34,
  INSPIRATION: 30,
  MOTIVATION: 18,
  INFORMATION: 16,
  ENTERTAINMENT: 14,
  TOGETHERNESS: 11,
};

/** Per human click: the chance of each outcome, by the item's goal, and its value. */
const OUTCOMES_BY_GOAL: Record<
  string,
  { outcome: ConversionOutcome; rate: number; value: () => number | null }[]
> = {
  MARKETING: [
    { outcome: "VISIT", rate: 0.1, value: () => null },
    { outcome: "SIGNUP", rate: 0.025, value: () => 25 },
  ],
  HR: [
    { outcome: "APPLICATION", rate: 0.04, value: () => null },
    { outcome: "HIRE", rate: 0.006, value: () => 4000 },
  ],
  SALES: [
    { outcome: "LEAD", rate: 0.035, value: () => 150 },
    { outcome: "OPPORTUNITY", rate: 0.012, value: () => 2500 },
    { outcome: "DEAL", rate: 0.006, value: () => 12_000 },
  ],
};

const BROWSERS = [
  "Chrome",
  "Chrome",
  "Chrome",
  "Safari",
  "Safari",
  "Edge",
  "Firefox",
  "Samsung",
  "Opera",
];
const REFERRERS = [
  "www.linkedin.com",
  "www.linkedin.com",
  "www.linkedin.com",
  "www.linkedin.com",
  "lnkd.in",
  "com.linkedin.android",
  "teams.microsoft.com",
  "app.slack.com",
  null,
  null,
];

const HOUR = 3_600_000;

function hex(random: Random, length: number): string {
  let out = "";
  while (out.length < length)
    out += Math.floor(random.next() * 0x10000)
      .toString(16)
      .padStart(4, "0");
  return out.slice(0, length);
}

/** A network size between ~150 and ~8,000, most people a few hundred. */
function networkSize(random: Random): number {
  return Math.round(150 * Math.exp(random.next() * random.next() * 4));
}

interface ClickRow {
  id: string;
  shareId: string;
  at: Date;
  isBot: boolean;
  visitorKey: string;
  device: string;
  browser: string;
  referrerHost: string | null;
}

export const seedAnalytics: SeedStep = {
  name: "clicks, conversions and daily rollups",
  async run(ctx: SeedContext) {
    const { db, random, now } = ctx;
    if (!ctx.shares.length) return;
    const settings = await db.orgSettings.findUnique({ where: { orgId: ctx.org.id } });
    const currency = settings?.currency ?? "EUR";
    const itemById = new Map(ctx.items.map((i) => [i.id, i]));

    // Network sizes: most members entered theirs; ~1 in 6 did not (the org default applies).
    const network = new Map<string, number | null>();
    for (const m of ctx.members)
      network.set(m.membershipId, random.chance(0.17) ? null : networkSize(random));
    // Two keen sharers (4+ shares) stand out: large networks and more clicks per share.
    const sharesBy = new Map<string, number>();
    for (const s of ctx.shares)
      sharesBy.set(s.membershipId, (sharesBy.get(s.membershipId) ?? 0) + 1);
    const stars = [...sharesBy]
      .filter(([, n]) => n >= 4)
      .map(([id]) => id)
      .slice(0, 6)
      .sort((a, b) => a.localeCompare(b))
      .slice(0, 2);
    for (const id of stars) network.set(id, 4000 + random.int(0, 3000));
    // Self-reported network sizes on the people (where missing), copied to their shares as the
    // share flow does when someone shares.
    const known = [...network].filter(([, size]) => size !== null);
    await db.$executeRaw`
      UPDATE "User" u SET "networkSize" = v."size"
      FROM unnest(${known.map(([id]) => id)}::text[], ${known.map(([, size]) => size)}::int[])
        AS v("membershipId", "size")
      JOIN "Membership" m ON m."id" = v."membershipId"
      WHERE u."id" = m."userId" AND u."networkSize" IS NULL`;
    await db.$executeRaw`
      UPDATE "Share" s SET "networkSize" = u."networkSize"
      FROM "User" u
      WHERE s."orgId" = ${ctx.org.id} AND u."id" = s."userId" AND s."networkSize" IS NULL`;
    const sizes = await db.$queryRaw<{ id: string; size: number | null }[]>`
      SELECT m."id", u."networkSize" AS "size" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."orgId" = ${ctx.org.id}`;
    for (const { id, size } of sizes) network.set(id, size);

    const clicks: ClickRow[] = [];
    const conversions: {
      id: string;
      shareId: string;
      clickId: string;
      outcome: ConversionOutcome;
      value: number | null;
      occurredAt: Date;
    }[] = [];
    for (const share of ctx.shares) {
      const item = itemById.get(share.itemId);
      if (!item) continue;
      const size = network.get(share.membershipId) ?? 400;
      const boost = stars.includes(share.membershipId) ? 2.5 : 1;
      const expected =
        CLICKS_PER_SHARE[item.valueType] * boost * (0.6 + Math.min(size, 3000) / 2500);
      const count = Math.max(0, Math.round(expected * (0.4 + random.next() * 1.2)));
      const visitors = Array.from({ length: Math.max(1, Math.round(count * 0.8)) }, () =>
        hex(random, 32),
      );
      for (let n = 0; n < count; n++) {
        // Most clicks in the first day or two; a long tail after that.
        const delay = -Math.log(1 - random.next() * 0.999) * (random.chance(0.8) ? 14 : 120) * HOUR;
        const at = new Date(share.createdAt.getTime() + 60_000 + delay);
        if (at >= now) continue;
        const isBot = random.chance(0.08);
        const mobile = random.chance(0.4);
        const click: ClickRow = {
          id: createId("clk"),
          shareId: share.id,
          at,
          isBot,
          visitorKey: isBot ? hex(random, 32) : random.pick(visitors),
          device: isBot ? "bot" : mobile ? (random.chance(0.15) ? "tablet" : "mobile") : "desktop",
          browser: isBot
            ? "Other"
            : mobile && random.chance(0.5)
              ? "Safari"
              : random.pick(BROWSERS),
          referrerHost: isBot ? null : random.pick(REFERRERS),
        };
        clicks.push(click);
        if (isBot) continue;
        for (const goal of item.goals) {
          for (const o of OUTCOMES_BY_GOAL[goal] ?? []) {
            if (!random.chance(o.rate)) continue;
            const occurredAt = new Date(at.getTime() + random.int(2, 60 * 24 * 6) * 60_000);
            if (occurredAt >= now) continue;
            const base = o.value();
            conversions.push({
              id: createId("cnv"),
              shareId: share.id,
              clickId: click.id,
              outcome: o.outcome,
              value: base === null ? null : Math.round(base * (0.5 + random.next())),
              occurredAt,
            });
          }
        }
      }
    }

    // Each month of the clicks gets its ClickEvent partition first (a fresh database has the current
    // month and those ahead; older clicks would wait in the default partition for the daily job).
    const first = clicks.reduce((min, c) => (c.at < min ? c.at : min), new Date());
    for (
      let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
      month <= new Date();
      month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
    ) {
      await createClickPartition(db, month);
    }
    // Raw SQL in chunks, marking share-days dirty as the click path does.
    for (let i = 0; i < clicks.length; i += 5000) {
      const chunk = clicks.slice(i, i + 5000);
      await db.$executeRaw`
        WITH ins AS (
          INSERT INTO "ClickEvent" ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
          SELECT t."id", ${ctx.org.id}, t."shareId", t."at", t."isBot", t."visitorKey", t."device", t."browser", t."referrerHost"
          FROM unnest(${chunk.map((c) => c.id)}::text[], ${chunk.map((c) => c.shareId)}::text[],
            ${chunk.map((c) => c.at.toISOString())}::timestamptz[], ${chunk.map((c) => c.isBot)}::boolean[],
            ${chunk.map((c) => c.visitorKey)}::text[], ${chunk.map((c) => c.device)}::text[],
            ${chunk.map((c) => c.browser)}::text[], ${chunk.map((c) => c.referrerHost)}::text[])
            AS t("id", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
          RETURNING "shareId", "at"
        )
        INSERT INTO "RollupDirty" ("shareId", "day", "recountClicks")
        SELECT DISTINCT ins."shareId", (ins."at" AT TIME ZONE o."timeZone")::date, true
        FROM ins JOIN "Organization" o ON o."id" = ${ctx.org.id}
        ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt",
          "recountClicks" = true`;
    }
    if (conversions.length) {
      await db.$executeRaw`
        WITH ins AS (
          INSERT INTO "Conversion" ("id", "orgId", "shareId", "clickId", "outcome", "value", "currency", "occurredAt", "createdAt")
          SELECT t."id", ${ctx.org.id}, t."shareId", t."clickId", t."outcome"::"ConversionOutcome", t."value",
            CASE WHEN t."value" IS NULL THEN NULL ELSE ${currency} END, t."occurredAt", t."occurredAt" AT TIME ZONE 'UTC'
          FROM unnest(${conversions.map((c) => c.id)}::text[], ${conversions.map((c) => c.shareId)}::text[],
            ${conversions.map((c) => c.clickId)}::text[], ${conversions.map((c) => c.outcome)}::text[],
            ${conversions.map((c) => c.value)}::numeric[], ${conversions.map((c) => c.occurredAt.toISOString())}::timestamptz[])
            AS t("id", "shareId", "clickId", "outcome", "value", "occurredAt")
          RETURNING "shareId", "occurredAt"
        )
        INSERT INTO "RollupDirty" ("shareId", "day")
        SELECT DISTINCT ins."shareId", (ins."occurredAt" AT TIME ZONE o."timeZone")::date
        FROM ins JOIN "Organization" o ON o."id" = ${ctx.org.id}
        ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"`;
    }
    await drainDirtyRollups(db, { limit: 5000 });
  },
};
