/**
 * Badges are earned automatically, once: when a share counts (all six value types, a four-week
 * streak, own words over ten shares) and when the rollup brings outcomes (first outcome, first
 * hire). Concurrent shares award a badge once and ring the bell once; a badge an admin switched
 * off is not awarded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { confirmShare } from "@/lib/domains/sharing/confirm-share";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import { listMemberBadges } from "@/lib/domains/recognition/list-badges";
import { recordShareCounted } from "@/lib/domains/recognition/record-share-counted";
import { setBadgeEnabled } from "@/lib/domains/recognition/set-badge-enabled";
import { VALUE_TYPES } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, insertConversions } from "../../support/analytics";
import { countStatements } from "../../helpers/count-statements";

let f: OrgFixture;
const items = new Map<ValueType, string>();

beforeAll(async () => {
  f = await createOrgFixture();
  for (const v of VALUE_TYPES)
    items.set(v.id, (await createItem(f.org.id, { valueType: v.id })).id);
});

type Member = Awaited<ReturnType<typeof addMember>>;

async function share(
  m: Member,
  valueType: ValueType,
  { authenticity = 0.5, createdAt = new Date(), status = "OPENED" as "OPENED" | "SHARED" } = {},
) {
  return getDb().share.create({
    data: {
      id: createId("shr"),
      orgId: f.org.id,
      itemId: items.get(valueType)!,
      membershipId: m.membership.id,
      userId: m.user.id,
      code: randomString(10),
      channel: "COPY",
      status,
      text: "text",
      language: "en",
      authenticity,
      destinationUrl: "https://example.com/",
      createdAt,
    },
  });
}

const keys = async (m: Member) =>
  (await listMemberBadges(f.org.id, { membershipId: m.membership.id })).map((b) => b.key).sort();

const badgeNotifications = (m: Member) =>
  getDb().notification.findMany({
    where: { userId: m.user.id, orgId: f.org.id, kind: "badge.earned" },
    select: { url: true },
  });

describe("badges", () => {
  it("all six value types: awarded once and one bell, with six shares confirmed at the same moment", async () => {
    const m = await addMember(f.org.id, "EMPLOYEE");
    const shares = [];
    for (const v of VALUE_TYPES) shares.push(await share(m, v.id));
    expect(await keys(m)).toEqual([]);
    const access = accessFor(f.org, m);
    await Promise.all(shares.map((s) => confirmShare(access, s.id)));
    // A second round of concurrent checks changes nothing.
    await Promise.all(shares.map((s) => recordShareCounted(s.id)));
    expect(await keys(m)).toEqual(["all-value-types"]);
    const awards = await getDb().badgeAward.count({ where: { membershipId: m.membership.id } });
    expect(awards).toBe(1);
    expect(await badgeNotifications(m)).toEqual([{ url: "/activity#badge-all-value-types" }]);
  });

  it("five value types are not enough", async () => {
    const m = await addMember(f.org.id, "EMPLOYEE");
    for (const v of VALUE_TYPES.slice(0, 5)) {
      const s = await share(m, v.id);
      await confirmShare(accessFor(f.org, m), s.id);
    }
    expect(await keys(m)).toEqual([]);
  });

  it("a four-week streak and own words ≥ 80 % over ten shares", async () => {
    const m = await addMember(f.org.id, "EMPLOYEE");
    const week = 7 * 86_400_000;
    // Ten shares over four consecutive weeks, 90 % own words on average; the last one counts now.
    const dates = [3, 3, 3, 2, 2, 2, 1, 1, 0, 0].map(
      (w, i) => new Date(Date.now() - w * week - i * 60_000),
    );
    const made = [];
    for (const [i, createdAt] of dates.entries()) {
      made.push(
        await share(m, "INFORMATION", {
          createdAt,
          authenticity: i % 2 ? 0.8 : 1,
          status: i < 9 ? "SHARED" : "OPENED",
        }),
      );
    }
    await confirmShare(accessFor(f.org, m), made[9]!.id);
    expect(await keys(m)).toEqual(["four-week-streak", "own-words"]);

    // Nine shares at 100 % are not ten.
    const n = await addMember(f.org.id, "EMPLOYEE");
    for (let i = 0; i < 9; i++) {
      const s = await share(n, "EDUCATION", { authenticity: 1 });
      await confirmShare(accessFor(f.org, n), s.id);
    }
    expect(await keys(n)).toEqual([]);
  });

  it("first outcome and first hire come with the rollup; a switched-off badge is not awarded", async () => {
    const m = await addMember(f.org.id, "EMPLOYEE");
    const s = await share(m, "EDUCATION", { status: "SHARED" });
    await recordShareCounted(s.id);
    await insertConversions(f.org.id, [
      { shareId: s.id, outcome: "SIGNUP", occurredAt: new Date() },
    ]);
    await drainDirtyRollups(getDb());
    expect(await keys(m)).toEqual(["first-outcome"]);

    // The admin switches "first hire" off: a hire earns nothing; on again, the next recount awards it.
    await ensureDefaultBadges([f.org.id]);
    const hire = await getDb().badgeDefinition.findFirstOrThrow({
      where: { orgId: f.org.id, key: "first-hire" },
    });
    await setBadgeEnabled(accessFor(f.org, f.admin), hire.id, false);
    await insertConversions(f.org.id, [{ shareId: s.id, outcome: "HIRE", occurredAt: new Date() }]);
    await drainDirtyRollups(getDb());
    expect(await keys(m)).toEqual(["first-outcome"]);
    await setBadgeEnabled(accessFor(f.org, f.admin), hire.id, true);
    await insertConversions(f.org.id, [{ shareId: s.id, outcome: "HIRE", occurredAt: new Date() }]);
    await drainDirtyRollups(getDb());
    expect(await keys(m)).toEqual(["first-hire", "first-outcome"]);
    expect((await badgeNotifications(m)).map((n) => n.url).sort()).toEqual([
      "/activity#badge-first-hire",
      "/activity#badge-first-outcome",
    ]);
  });

  it("a rollup that counts many people's shares checks their streaks in the same number of statements", async () => {
    // Per person, a query without the organisation scanned every share: a rollup of thousands of
    // share-days outlived its transaction (2 minutes) and never progressed.
    const statementsForRollupOf = async (people: number) => {
      for (let i = 0; i < people; i++) {
        const m = await addMember(f.org.id, "EMPLOYEE");
        // Confirmed by a click on its link: the rollup gives its share points and checks badges.
        const s = await share(m, "EDUCATION", { status: "SHARED" });
        await insertConversions(f.org.id, [
          { shareId: s.id, outcome: "SIGNUP", occurredAt: new Date() },
        ]);
      }
      return countStatements(() => drainDirtyRollups(getDb()));
    };
    // Nobody earns a badge here (each award rings a bell: work per award, rightly).
    await ensureDefaultBadges([f.org.id]);
    const firstOutcome = await getDb().badgeDefinition.findFirstOrThrow({
      where: { orgId: f.org.id, key: "first-outcome" },
    });
    await setBadgeEnabled(accessFor(f.org, f.admin), firstOutcome.id, false);
    try {
      const few = await statementsForRollupOf(2);
      const many = await statementsForRollupOf(12);
      expect(few).toBeGreaterThan(0);
      expect(many).toBe(few);
    } finally {
      await setBadgeEnabled(accessFor(f.org, f.admin), firstOutcome.id, true);
    }
  });

  it("another organisation's badge cannot be switched (404) and definitions are created once", async () => {
    const other = await createOrgFixture();
    await ensureDefaultBadges([other.org.id, other.org.id]);
    await ensureDefaultBadges([other.org.id]);
    expect(await getDb().badgeDefinition.count({ where: { orgId: other.org.id } })).toBe(5);
    const foreign = await getDb().badgeDefinition.findFirstOrThrow({
      where: { orgId: other.org.id },
    });
    await expect(
      setBadgeEnabled(accessFor(f.org, f.admin), foreign.id, false),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
