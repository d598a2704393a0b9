/**
 * Data for the role matrix and the secrets-in-responses suites: an organisation's checksum (every
 * row it owns, in one query) and small makers of the records a request needs (a published item,
 * a share, a LinkedIn connection, an image…), straight through Prisma or the app's lib functions.
 */
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import type { ShareChannel, ShareStatus } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/domains/auth/password";
import { TEST_PASSWORD, uniqueEmail, type OrgFixture } from "../factories";

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export type Member = OrgFixture["employee"];

const digest = (table: string, where: string) =>
  `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
     FROM "${table}" x WHERE ${where}`;

let checksumSql: Promise<string> | undefined;

/**
 * One statement over every table with an `orgId` column (found in the catalog, so a model added
 * later is covered), the organisation's row, its members' user rows and the rows of tables that
 * belong to a user without naming an organisation (accounts, password reset tokens…).
 */
async function buildChecksumSql(): Promise<string> {
  const columns = await getDb().$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('orgId', 'userId')
        -- ClickEvent's monthly partitions are read through ClickEvent itself
        AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
      ORDER BY table_name`,
  );
  const withOrg = new Set(
    columns.filter((c) => c.column_name === "orgId").map((c) => c.table_name),
  );
  const userOnly = columns
    .filter((c) => c.column_name === "userId" && !withOrg.has(c.table_name))
    .map((c) => c.table_name);
  const members = `SELECT "userId" FROM "Membership" WHERE "orgId" = $1`;
  return [
    digest("Organization", `x."id" = $1`),
    ...[...withOrg].map((table) => digest(table, `x."orgId" = $1`)),
    digest("User", `x."id" IN (${members})`),
    // Rows of the members without an organisation column (accounts, reset tokens…).
    ...userOnly.map((table) => digest(table, `x."userId" IN (${members})`)),
  ].join("\nUNION ALL\n");
}

/**
 * A fingerprint of every row the organisation owns (and of its members' user rows): equal before
 * and after a request means the request changed nothing. `tables` names what differs.
 */
export async function checksumOrg(
  orgId: string,
): Promise<{ total: string; tables: Record<string, string> }> {
  checksumSql ??= buildChecksumSql();
  const rows = await getDb().$queryRawUnsafe<{ t: string; h: string }[]>(await checksumSql, orgId);
  const tables = Object.fromEntries(rows.map((r) => [r.t, r.h]));
  const total = createHash("sha256").update(JSON.stringify(tables)).digest("hex");
  return { total, tables };
}

export function changedTables(
  before: { tables: Record<string, string> },
  after: { tables: Record<string, string> },
): string[] {
  return Object.keys(after.tables).filter((t) => before.tables[t] !== after.tables[t]);
}

/** A published item everyone in the organisation sees in the feed. */
export async function publishedItem(orgId: string, authorId?: string) {
  const slug = `post-${randomString(10).toLowerCase()}`;
  return getDb().contentItem.create({
    data: {
      id: createId("cnt"),
      orgId,
      slug,
      title: `Published ${slug}`,
      body: "We connected our 40 MW solar park in Brandenburg to the grid this week.",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
      authorId: authorId ?? null,
    },
  });
}

/** A share of `member` (status and channel as asked) of a fresh published item. */
export async function createShareRow(
  orgId: string,
  member: Member,
  {
    status = "SHARED",
    channel = "COPY",
    itemId,
  }: { status?: ShareStatus; channel?: ShareChannel; itemId?: string } = {},
) {
  const item = itemId ? { id: itemId } : await publishedItem(orgId);
  return getDb().share.create({
    data: {
      id: createId("shr"),
      orgId,
      itemId: item.id,
      membershipId: member.membership.id,
      userId: member.user.id,
      code: newShareCode(),
      channel,
      status,
      text: "In my own words: our solar park is live, and I helped build it.",
      language: "en",
      authenticity: 0.8,
      destinationUrl: "https://fernhill.example/solar?utm_source=linkedin",
      scheduledAt: status === "SCHEDULED" ? new Date(Date.now() + 3600_000) : null,
      publishJobId: status === "SCHEDULED" ? randomUUID() : null,
      error: status === "FAILED" ? "LinkedIn was unavailable." : null,
    },
  });
}

/** An active LinkedIn connection of `member`, its token encrypted as the app stores it. */
export async function createLinkedInConnection(
  orgId: string,
  member: Member,
  token: string,
  refreshToken?: string,
) {
  const db = getDb();
  await db.linkedInConnection.deleteMany({ where: { membershipId: member.membership.id } });
  return db.linkedInConnection.create({
    data: {
      id: createId("lic"),
      orgId,
      membershipId: member.membership.id,
      userId: member.user.id,
      memberUrn: `urn:li:person:m${randomString(10)}`,
      name: "Alex",
      accessToken: encryptSecret(token),
      refreshToken: refreshToken ? encryptSecret(refreshToken) : null,
      scopes: ["openid", "profile", "email", "w_member_social"],
      expiresAt: new Date(Date.now() + 50 * 86_400_000),
    },
  });
}

/** An in-app notification for `userId` in the organisation. */
export async function createNotificationRow(orgId: string, userId: string) {
  return getDb().notification.create({
    data: {
      id: createId("ntf"),
      orgId,
      userId,
      kind: "share.posted",
      title: "Your post is on LinkedIn",
    },
  });
}

/** A webhook endpoint (its URL encrypted, as the app stores it). */
export async function createWebhookRow(orgId: string, url: string) {
  return getDb().webhookEndpoint.create({
    data: {
      id: createId("whk"),
      orgId,
      kind: "SLACK",
      name: `Channel ${randomString(4)}`,
      url: encryptSecret(url),
      urlHost: new URL(url).host,
    },
  });
}

/** A developer webhook (URL and signing secret encrypted, as the app stores them). */
export async function createDeveloperWebhookRow(orgId: string, url: string) {
  const { newWebhookSecret } = await import("@/lib/domains/developer-webhooks/sign-webhook");
  return getDb().developerWebhook.create({
    data: {
      id: createId("dwh"),
      orgId,
      name: `Warehouse ${randomString(4)}`,
      url: encryptSecret(url),
      urlHost: new URL(url).host,
      secret: encryptSecret(newWebhookSecret()),
      events: ["share.created", "content.published"],
    },
  });
}

/** A delivered (SENT) message to a fresh developer webhook: replayable. */
export async function sentDeveloperDelivery(orgId: string, url: string) {
  const hook = await createDeveloperWebhookRow(orgId, url);
  return getDb().developerWebhookDelivery.create({
    data: {
      id: createId("dwd"),
      orgId,
      webhookId: hook.id,
      messageId: createId("msg"),
      event: "share.created",
      body: JSON.stringify({
        type: "share.created",
        timestamp: new Date().toISOString(),
        data: {},
      }),
      status: "SENT",
      attempts: 1,
      responseStatus: 200,
    },
  });
}

/** A FAILED delivery to a fresh endpoint. */
export async function failedWebhookDelivery(orgId: string, url: string) {
  const endpoint = await createWebhookRow(orgId, url);
  return getDb().webhookDelivery.create({
    data: {
      id: createId("whd"),
      orgId,
      endpointId: endpoint.id,
      event: "test",
      payload: { text: "Test message" },
      status: "FAILED",
      attempts: 3,
      lastError: "HTTP 500",
    },
  });
}

/** Multipart body of an image upload (`file` and `alt`). */
export function imageForm(alt = "A solar park at dawn"): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PNG)], "image.png", { type: "image/png" }));
  form.set("alt", alt);
  return form;
}

/**
 * The same organisation as `createOrgFixture` (two teams; an admin in Alpha, a manager of Alpha, an
 * employee in Beta, a deactivated employee), written in a handful of statements: the role matrix
 * makes one per row.
 */
export async function createRoleOrg(): Promise<OrgFixture> {
  const db = getDb();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const org = await db.organization.create({
    data: {
      id: createId("org"),
      name: `Org ${randomString(6)}`,
      slug: `org-${randomString(10).toLowerCase()}`,
    },
  });
  const teamA = { id: createId("team"), orgId: org.id, name: "Alpha" };
  const teamB = { id: createId("team"), orgId: org.id, name: "Beta" };
  const people = (["ADMIN", "MANAGER", "EMPLOYEE", "EMPLOYEE"] as const).map((role, i) => {
    const user = {
      id: createId("usr"),
      email: uniqueEmail(role.toLowerCase()),
      name: `${role.toLowerCase()} ${randomString(4)}`,
    };
    const membership = {
      id: createId("mem"),
      orgId: org.id,
      userId: user.id,
      role,
      status: i === 3 ? ("DEACTIVATED" as const) : ("ACTIVE" as const),
      handle: `h-${randomString(10).toLowerCase()}`,
    };
    return { user, membership };
  });
  await db.$transaction([
    db.team.createMany({ data: [teamA, teamB] }),
    db.user.createMany({
      data: people.map(({ user }) => ({ ...user, passwordHash: hash, lastActiveOrgId: org.id })),
    }),
    db.membership.createMany({ data: people.map((p) => p.membership) }),
    db.teamMember.createMany({
      data: [
        { orgId: org.id, teamId: teamA.id, membershipId: people[0]!.membership.id },
        { orgId: org.id, teamId: teamA.id, membershipId: people[1]!.membership.id },
        { orgId: org.id, teamId: teamB.id, membershipId: people[2]!.membership.id },
      ],
    }),
    db.teamManager.createMany({
      data: [{ orgId: org.id, teamId: teamA.id, membershipId: people[1]!.membership.id }],
    }),
  ]);
  const rows = await db.membership.findMany({ where: { orgId: org.id } });
  const teams = await db.team.findMany({ where: { orgId: org.id } });
  const member = (i: number) => ({
    user: people[i]!.user,
    membership: rows.find((m) => m.id === people[i]!.membership.id)!,
  });
  return {
    org,
    teamA: teams.find((t) => t.id === teamA.id)!,
    teamB: teams.find((t) => t.id === teamB.id)!,
    admin: member(0),
    manager: member(1),
    employee: member(2),
    deactivated: member(3),
  };
}

let passwordHash: Promise<string> | undefined;
