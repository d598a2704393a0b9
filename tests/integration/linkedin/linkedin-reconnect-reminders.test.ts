/**
 * Issue 13, item 6: the bell announces a LinkedIn connection that expires soon or has expired
 * (the README promised it; nothing created it). The hourly job reminds once per connection and
 * kind, links to the profile to reconnect, and starts over after a reconnect.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { linkedInReconnectRemindersJob } from "@/lib/domains/linkedin/jobs/linkedin-reconnect-reminders";
import { remindLinkedInReconnects } from "@/lib/domains/linkedin/remind-reconnect";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";

const DAY = 86_400_000;
let org: OrgFixture;

async function connect(
  member: Awaited<ReturnType<typeof addMember>>,
  { expiresInDays, status = "ACTIVE" }: { expiresInDays: number; status?: "ACTIVE" | "EXPIRED" },
) {
  const db = getDb();
  await db.linkedInConnection.deleteMany({ where: { membershipId: member.membership.id } });
  return db.linkedInConnection.create({
    data: {
      id: createId("lic"),
      orgId: org.org.id,
      membershipId: member.membership.id,
      userId: member.user.id,
      memberUrn: `urn:li:person:${member.membership.id.slice(-8)}`,
      accessToken: "v1:test:not-used",
      scopes: ["w_member_social"],
      expiresAt: new Date(Date.now() + expiresInDays * DAY),
      status,
      connectedAt: new Date(Date.now() - 50 * DAY),
    },
  });
}

function remindersOf(userId: string) {
  return getDb().notification.findMany({
    where: { orgId: org.org.id, userId, kind: { startsWith: "linkedin." } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, title: true, body: true, url: true },
  });
}

beforeAll(async () => {
  org = await createOrgFixture();
});

describe("LinkedIn reconnect reminders", () => {
  it("remind once when a connection expires within 7 days and once when it has expired, linking to the profile", async () => {
    const soon = await addMember(org.org.id, "EMPLOYEE");
    const fine = await addMember(org.org.id, "EMPLOYEE");
    const refused = await addMember(org.org.id, "EMPLOYEE");
    const gone = await addMember(org.org.id, "EMPLOYEE", { status: "DEACTIVATED" });
    await connect(soon, { expiresInDays: 3.5 });
    await connect(fine, { expiresInDays: 30 });
    // LinkedIn refused its token (401): expired before its date.
    await connect(refused, { expiresInDays: 40, status: "EXPIRED" });
    await connect(gone, { expiresInDays: 1 });

    await remindLinkedInReconnects();
    expect(await remindersOf(soon.user.id)).toEqual([
      {
        kind: "linkedin.expiring",
        title: "Your LinkedIn connection expires in 3 days",
        body: "Reconnect LinkedIn on your profile so Chorus can keep posting for you.",
        url: "/profile#linkedin",
      },
    ]);
    // Refused, not expired: 40 days were left, so the reminder says what really happened.
    expect(await remindersOf(refused.user.id)).toEqual([
      {
        kind: "linkedin.expired",
        title: "LinkedIn refused your connection",
        body: "LinkedIn no longer accepts Chorus's access to your account (it was revoked, or your LinkedIn password changed). Reconnect LinkedIn on your profile so Chorus can post for you.",
        url: "/profile#linkedin",
      },
    ]);
    expect(await remindersOf(fine.user.id)).toEqual([]);
    expect(await remindersOf(gone.user.id)).toEqual([]);

    // The job runs every hour: nothing twice.
    await linkedInReconnectRemindersJob.handler(
      {},
      { id: "job_test", retryCount: 0, retryLimit: 2 },
    );
    await remindLinkedInReconnects();
    expect(await remindersOf(soon.user.id)).toHaveLength(1);
    expect(await remindersOf(refused.user.id)).toHaveLength(1);

    // The expiry date passes: now it has expired (a second, different reminder).
    await remindLinkedInReconnects(new Date(Date.now() + 4 * DAY));
    expect((await remindersOf(soon.user.id)).map((n) => n.kind)).toEqual([
      "linkedin.expiring",
      "linkedin.expired",
    ]);
    expect((await remindersOf(soon.user.id))[1]).toMatchObject({
      title: "Your LinkedIn connection has expired",
      body: "Chorus cannot post for you until you reconnect LinkedIn on your profile.",
    });

    // Reconnected: a new connection, whose expiry is announced again when its time comes.
    await getDb().linkedInConnection.updateMany({
      where: { membershipId: soon.membership.id },
      data: {
        connectedAt: new Date(),
        expiresAt: new Date(Date.now() + 2 * DAY),
        status: "ACTIVE",
      },
    });
    await remindLinkedInReconnects();
    expect((await remindersOf(soon.user.id)).map((n) => n.kind)).toEqual([
      "linkedin.expiring",
      "linkedin.expired",
      "linkedin.expiring",
    ]);
  });
});
