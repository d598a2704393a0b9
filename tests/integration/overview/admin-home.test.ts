/**
 * Issue 13 (design): the admin overview as a home. Its queries count, for one organisation only,
 * what needs attention (approvals, suggestions, failed deliveries, LinkedIn connections) and this
 * week's participation; every figure below is written out by hand from the rows the test makes,
 * and a second organisation with the same kinds of rows must not change them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { getAttentionSummary } from "@/lib/domains/overview/get-attention-summary";
import { getWeekParticipation } from "@/lib/domains/overview/get-week-participation";
import type { ContentStatus } from "@/lib/generated/prisma/enums";
import { createItem, createShare } from "../../support/analytics";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";

const DAY = 86_400_000;
const NOW = new Date("2026-12-07T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let a: OrgFixture;
let b: OrgFixture;

async function item(org: OrgFixture, status: ContentStatus, title: string, updatedAt: Date) {
  const created = await createItem(org.org.id);
  await getDb().contentItem.update({
    where: { id: created.id },
    data: { status, title, publishedAt: status === "PUBLISHED" ? daysAgo(3) : null, updatedAt },
  });
  return created.id;
}

async function suggestion(org: OrgFixture, status: "PENDING" | "ACCEPTED" | "REJECTED") {
  await getDb().suggestion.create({
    data: {
      id: createId("sug"),
      orgId: org.org.id,
      membershipId: org.employee.membership.id,
      title: "A story",
      body: "It happened.",
      status,
    },
  });
}

async function emailDelivery(org: OrgFixture, status: "FAILED" | "SENT", createdAt: Date) {
  await getDb().emailDelivery.create({
    data: {
      id: createId("eml"),
      orgId: org.org.id,
      to: `x-${randomString(6).toLowerCase()}@test.example`,
      category: "invitation",
      subject: "Hello",
      status,
      createdAt,
    },
  });
}

async function webhookDelivery(org: OrgFixture, status: "FAILED" | "SENT", createdAt: Date) {
  const db = getDb();
  const endpoint =
    (await db.webhookEndpoint.findFirst({ where: { orgId: org.org.id } })) ??
    (await db.webhookEndpoint.create({
      data: {
        id: createId("whk"),
        orgId: org.org.id,
        kind: "SLACK",
        name: "#general",
        url: "v1:test:not-used",
        urlHost: "hooks.slack.com",
      },
    }));
  await db.webhookDelivery.create({
    data: {
      id: createId("whd"),
      orgId: org.org.id,
      endpointId: endpoint.id,
      event: "content.published",
      payload: {},
      status,
      createdAt,
    },
  });
}

async function connection(
  org: OrgFixture,
  member: Awaited<ReturnType<typeof addMember>>,
  expiresAt: Date,
  status: "ACTIVE" | "EXPIRED" = "ACTIVE",
) {
  await getDb().linkedInConnection.create({
    data: {
      id: createId("lic"),
      orgId: org.org.id,
      membershipId: member.membership.id,
      userId: member.user.id,
      memberUrn: `urn:li:person:${randomString(8)}`,
      accessToken: "v1:test:not-used",
      scopes: ["w_member_social"],
      expiresAt,
      status,
    },
  });
}

/** The same kinds of rows in an organisation: `org` gets them, and so does the other one. */
async function fill(org: OrgFixture) {
  await item(org, "IN_REVIEW", "Second in line", daysAgo(1));
  await item(org, "IN_REVIEW", "First in line", daysAgo(2));
  await item(org, "DRAFT", "Not submitted", daysAgo(1));
  await suggestion(org, "PENDING");
  await suggestion(org, "PENDING");
  await suggestion(org, "ACCEPTED");
  await suggestion(org, "REJECTED");
  await emailDelivery(org, "FAILED", daysAgo(2));
  await emailDelivery(org, "FAILED", daysAgo(10)); // too old to ask for attention
  await emailDelivery(org, "SENT", daysAgo(1));
  await webhookDelivery(org, "FAILED", daysAgo(6));
  await webhookDelivery(org, "SENT", daysAgo(1));
  // Connections: one ends in 3 days, one in 30, one has ended by date, one was refused.
  await connection(org, org.admin, new Date(NOW.getTime() + 3 * DAY));
  await connection(org, org.manager, new Date(NOW.getTime() + 30 * DAY));
  await connection(org, org.employee, daysAgo(1));
  const extra = await addMember(org.org.id, "EMPLOYEE");
  await connection(org, extra, new Date(NOW.getTime() + 20 * DAY), "EXPIRED");
  // A deactivated member's connection asks nothing of anyone.
  await connection(org, org.deactivated, new Date(NOW.getTime() + 2 * DAY));
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  await fill(a);
  await fill(b);
  // Organisation b also gets more of everything: none of it may show up in a's figures.
  await item(b, "IN_REVIEW", "b only", daysAgo(1));
  await suggestion(b, "PENDING");
  await emailDelivery(b, "FAILED", daysAgo(1));
});

describe("what needs attention", () => {
  it("counts one organisation's approvals, suggestions, failed deliveries and connections", async () => {
    const summary = await getAttentionSummary(a.org.id, NOW);
    expect(summary).toEqual({
      pendingApprovals: {
        count: 2,
        oldest: [
          { id: expect.any(String), title: "First in line" },
          { id: expect.any(String), title: "Second in line" },
        ],
      },
      pendingSuggestions: 2,
      failedEmails: 1,
      failedWebhooks: 1,
      expiringConnections: 1,
      expiredConnections: 2,
    });
    const other = await getAttentionSummary(b.org.id, NOW);
    expect(other.pendingApprovals.count).toBe(3);
    expect(other.pendingSuggestions).toBe(3);
    expect(other.failedEmails).toBe(2);
  });

  it("is all zeros for an organisation with nothing waiting", async () => {
    const empty = await createOrgFixture();
    expect(await getAttentionSummary(empty.org.id, NOW)).toEqual({
      pendingApprovals: { count: 0, oldest: [] },
      pendingSuggestions: 0,
      failedEmails: 0,
      failedWebhooks: 0,
      expiringConnections: 0,
      expiredConnections: 0,
    });
  });
});

describe("this week's participation", () => {
  it("counts shares and sharers of the last 7 days against the 7 before", async () => {
    const org = await createOrgFixture();
    const other = await createOrgFixture();
    const published = await createItem(org.org.id);
    const elsewhere = await createItem(other.org.id);
    // This week: the employee twice, the manager once, a failed and a scheduled post not counted.
    await createShare(org.org.id, published.id, org.employee, { createdAt: daysAgo(1) });
    await createShare(org.org.id, published.id, org.employee, {
      createdAt: daysAgo(6),
      status: "POSTED",
    });
    await createShare(org.org.id, published.id, org.manager, { createdAt: daysAgo(2) });
    await createShare(org.org.id, published.id, org.admin, {
      createdAt: daysAgo(1),
      status: "FAILED",
    });
    await createShare(org.org.id, published.id, org.admin, {
      createdAt: daysAgo(1),
      status: "SCHEDULED",
    });
    // The week before: the admin once.
    await createShare(org.org.id, published.id, org.admin, { createdAt: daysAgo(9) });
    // Older, and another organisation's: not counted.
    await createShare(org.org.id, published.id, org.admin, { createdAt: daysAgo(20) });
    await createShare(other.org.id, elsewhere.id, other.employee, { createdAt: daysAgo(1) });

    const week = await getWeekParticipation(org.org.id, NOW);
    // Active members: admin, manager, employee (the deactivated one does not count).
    expect(week).toEqual({
      members: 3,
      thisWeek: { shares: 3, sharers: 2 },
      lastWeek: { shares: 1, sharers: 1 },
      rate: 2 / 3,
    });
  });
});
