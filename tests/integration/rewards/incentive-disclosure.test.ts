/**
 * Rewards, disclosed: while an organisation rewards sharing, every share made through Chorus must
 * carry its incentive disclosure — refused without it (the composer's route and the LinkedIn API
 * channel, and again when a scheduled post goes out), recorded on the share and in the audit log.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinkedIn, type FakeLinkedIn } from "../../support/fake-linkedin";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";
import { EMBEDDED_SKIP_REASON, isRealServer, raceBehindLock } from "../../support/real-database";

let fake: FakeLinkedIn;
let uploadsDir: string;
let f: OrgFixture;
let other: OrgFixture;

// Loaded after the environment points at the fake LinkedIn (env() is read once per process).
let sharesRoute: typeof import("@/app/api/shares/route");
let rewardsRoute: typeof import("@/app/api/settings/rewards/route");
let publish: typeof import("@/lib/domains/linkedin-publish/publish-share");
let db: typeof import("@/lib/core/db/client").db;

const DISCLOSURE = "I may be rewarded for sharing. #employee";
const OWN =
  "I spent two winters on the solar park site, and today it powers twelve thousand homes.";

beforeAll(async () => {
  fake = await startFakeLinkedIn();
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-rewards-"));
  process.env.LINKEDIN_API_URL = fake.url;
  process.env.LINKEDIN_AUTH_URL = fake.authUrl;
  process.env.LINKEDIN_CLIENT_ID = fake.clientId;
  process.env.LINKEDIN_CLIENT_SECRET = fake.clientSecret;
  delete process.env.LINKEDIN_API_VERSION;
  process.env.UPLOADS_DIR = uploadsDir;
  sharesRoute = await import("@/app/api/shares/route");
  rewardsRoute = await import("@/app/api/settings/rewards/route");
  publish = await import("@/lib/domains/linkedin-publish/publish-share");
  db = (await import("@/lib/core/db/client")).db;
  f = await createOrgFixture();
  other = await createOrgFixture();
});

afterAll(async () => {
  const { stopJobs } = await import("@/lib/jobs/run-jobs");
  await stopJobs();
  await fake.stop();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.state.posts.length = 0;
});

type Member = OrgFixture["employee"];

async function setRewards(org: OrgFixture, body: Record<string, unknown>) {
  const res = await callRoute(rewardsRoute.PATCH, {
    method: "PATCH",
    userId: org.admin.user.id,
    body,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

async function item(orgId: string) {
  const { createId, randomString } = await import("@/lib/core/db/create-id");
  const slug = `post-${randomString(8).toLowerCase()}`;
  return db.contentItem.create({
    data: {
      id: createId("cnt"),
      orgId,
      slug,
      title: `Solar park ${slug}`,
      body: "We connected our 40 MW solar park in Brandenburg to the grid this week.",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
    },
  });
}

async function share(member: Member, body: Record<string, unknown>) {
  return callRoute(sharesRoute.POST, {
    method: "POST",
    userId: member.user.id,
    body: { channel: "COPY", ...body },
  });
}

async function shareRow(res: Awaited<ReturnType<typeof share>>) {
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const { code } = res.json.share as { code: string };
  return db.share.findUniqueOrThrow({ where: { code } });
}

function fieldsOf(res: { json: { error?: object } }) {
  return (res.json.error as { fields?: Record<string, string> } | undefined)?.fields;
}

async function disclosedEntries(orgId: string) {
  return db.auditLog.findMany({
    where: { orgId, action: "share.disclosed" },
    orderBy: { createdAt: "asc" },
  });
}

/** A LinkedIn connection for `member`: a real token of the fake server, stored as the app does. */
async function connect(orgId: string, member: Member) {
  const { encryptSecret } = await import("@/lib/core/crypto/token-cipher");
  const { createId } = await import("@/lib/core/db/create-id");
  const memberId = `m${member.membership.id.slice(-8)}`;
  await db.linkedInConnection.deleteMany({ where: { membershipId: member.membership.id } });
  await db.linkedInConnection.create({
    data: {
      id: createId("lic"),
      orgId,
      membershipId: member.membership.id,
      userId: member.user.id,
      memberUrn: `urn:li:person:${memberId}`,
      name: "Alex",
      accessToken: encryptSecret(fake.issueToken(memberId)),
      scopes: ["openid", "profile", "email", "w_member_social"],
      expiresAt: new Date(Date.now() + 50 * 86_400_000),
    },
  });
}

/** Runs the share's current publish job, as the pg-boss worker would. */
async function runJob(shareId: string) {
  const row = await db.share.findUniqueOrThrow({ where: { id: shareId } });
  return publish.publishShare(shareId, { id: row.publishJobId!, retryCount: 0 });
}

describe("with rewards off", () => {
  it("nothing is required, recorded or audited", async () => {
    const org = await createOrgFixture();
    const it0 = await item(org.org.id);
    // The disclosure text is set, but rewards are off: it is not required.
    await setRewards(org, { rewardsEnabled: false, rewardsNote: "A draw" });
    const row = await shareRow(await share(org.employee, { itemId: it0.id, text: OWN }));
    expect(row.incentiveDisclosure).toBeNull();
    expect(row.text).toBe(OWN);
    expect(await disclosedEntries(org.org.id)).toEqual([]);
  });
});

describe("with rewards on", () => {
  it("a share without the disclosure is refused with a 400 naming it, and nothing is written", async () => {
    await setRewards(f, { rewardsEnabled: true, incentiveDisclosure: DISCLOSURE });
    const it0 = await item(f.org.id);
    const before = await db.share.count({ where: { orgId: f.org.id } });
    const audits = await db.auditLog.count({ where: { orgId: f.org.id } });
    for (const channel of ["COPY", "LINKEDIN_DIALOG"]) {
      const res = await share(f.employee, { itemId: it0.id, text: OWN, channel });
      expect(res.status).toBe(400);
      expect(res.json.error?.message).toBe(
        `Keep the reward disclosure "${DISCLOSURE}" in the text: your organisation rewards sharing, so every post must say so.`,
      );
      expect(fieldsOf(res)?.text).toContain(DISCLOSURE);
    }
    // Half of it is not it.
    const half = await share(f.employee, { itemId: it0.id, text: `${OWN}\n\n#employee` });
    expect(half.status).toBe(400);
    expect(await db.share.count({ where: { orgId: f.org.id } })).toBe(before);
    expect(await db.auditLog.count({ where: { orgId: f.org.id } })).toBe(audits);
  });

  it("a share with it is accepted, records the disclosure it carried and writes share.disclosed", async () => {
    const it0 = await item(f.org.id);
    // Anywhere in the text, in any case (as the guardrail disclosure is matched).
    const text = `${OWN}\n\n${DISCLOSURE.toUpperCase()}`;
    const res = await share(f.employee, { itemId: it0.id, text });
    const row = await shareRow(res);
    expect(row).toMatchObject({ text, incentiveDisclosure: DISCLOSURE });
    // The disclosure is nobody's own words: the person's sentence alone is scored.
    expect(row.authenticity).toBe(1);
    const entries = await disclosedEntries(f.org.id);
    const entry = entries.find((e) => (e.metadata as { shareId?: string }).shareId === row.id);
    expect(entry).toMatchObject({
      actorId: f.employee.user.id,
      targetType: "content",
      targetId: it0.id,
      metadata: { shareId: row.id, channel: "COPY", disclosure: DISCLOSURE },
    });
    // The clipboard text the composer copies carries it.
    const action = res.json.share as { action: { clipboard?: string } };
    expect(action.action.clipboard).toContain(DISCLOSURE.toUpperCase());
  });

  it("a new disclosure text applies to new shares; earlier shares keep the one they carried", async () => {
    const it0 = await item(f.org.id);
    const first = await shareRow(
      await share(f.employee, { itemId: it0.id, text: `${OWN}\n\n${DISCLOSURE}` }),
    );
    const next = "#ad I can win a prize for sharing this.";
    await setRewards(f, { incentiveDisclosure: next });
    try {
      const old = await share(f.employee, { itemId: it0.id, text: `${OWN}\n\n${DISCLOSURE}` });
      expect(old.status).toBe(400);
      expect(old.json.error?.message).toContain(next);
      const second = await shareRow(
        await share(f.employee, { itemId: it0.id, text: `${OWN}\n\n${next}` }),
      );
      expect(second.incentiveDisclosure).toBe(next);
      expect(
        (await db.share.findUniqueOrThrow({ where: { id: first.id } })).incentiveDisclosure,
      ).toBe(DISCLOSURE);
    } finally {
      await setRewards(f, { incentiveDisclosure: DISCLOSURE });
    }
  });

  it("is one organisation's rule: another organisation's members share without it", async () => {
    const it0 = await item(other.org.id);
    const row = await shareRow(await share(other.employee, { itemId: it0.id, text: OWN }));
    expect(row.incentiveDisclosure).toBeNull();
  });

  it("through the LinkedIn API: refused without it; with it, scheduled, posted with it and recorded", async () => {
    const member = await addMember(f.org.id, "EMPLOYEE");
    await connect(f.org.id, member);
    const it0 = await item(f.org.id);
    const refused = await share(member, { itemId: it0.id, text: OWN, channel: "LINKEDIN_API" });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)?.text).toContain(DISCLOSURE);
    expect(await db.share.count({ where: { membershipId: member.membership.id } })).toBe(0);

    const text = `${OWN}\n\n${DISCLOSURE}`;
    const row = await shareRow(
      await share(member, { itemId: it0.id, text, channel: "LINKEDIN_API" }),
    );
    expect(row).toMatchObject({ status: "SCHEDULED", incentiveDisclosure: DISCLOSURE });
    expect(await runJob(row.id)).toMatchObject({ kind: "posted" });
    expect(fake.state.posts).toHaveLength(1);
    expect(JSON.stringify(fake.state.posts[0])).toContain("I may be rewarded for sharing");
    const entries = await disclosedEntries(f.org.id);
    // One entry per share (not another when it goes out).
    expect(
      entries.filter((e) => (e.metadata as { shareId?: string }).shareId === row.id),
    ).toHaveLength(1);
  });
});

describe("a LinkedIn post scheduled before rewards were turned on", () => {
  it("is not posted without the disclosure; one that carries it is posted and recorded", async () => {
    const org = await createOrgFixture();
    await connect(org.org.id, org.employee);
    const it0 = await item(org.org.id);
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const plain = await shareRow(
      await share(org.employee, {
        itemId: it0.id,
        text: OWN,
        channel: "LINKEDIN_API",
        scheduledAt: later,
      }),
    );
    const carrying = await shareRow(
      await share(org.employee, {
        itemId: it0.id,
        text: `${OWN}\n\n${DISCLOSURE}`,
        channel: "LINKEDIN_API",
        scheduledAt: later,
      }),
    );
    expect(plain.incentiveDisclosure).toBeNull();
    expect(carrying.incentiveDisclosure).toBeNull();

    await setRewards(org, { rewardsEnabled: true, incentiveDisclosure: DISCLOSURE });
    const refused = await runJob(plain.id);
    expect(refused).toMatchObject({ kind: "failed" });
    const failed = await db.share.findUniqueOrThrow({ where: { id: plain.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain(`every post must carry "${DISCLOSURE}"`);
    expect(fake.state.posts).toHaveLength(0);

    expect(await runJob(carrying.id)).toMatchObject({ kind: "posted" });
    const posted = await db.share.findUniqueOrThrow({ where: { id: carrying.id } });
    expect(posted).toMatchObject({ status: "POSTED", incentiveDisclosure: DISCLOSURE });
    const entries = await disclosedEntries(org.org.id);
    expect(entries.map((e) => (e.metadata as { shareId: string }).shareId)).toEqual([carrying.id]);
    expect(fake.state.posts).toHaveLength(1);
  });
});

describe("rewards turned on while a share is being made", () => {
  it("the share waits for the admin's change and is then checked against it", async (ctx) => {
    if (!(await isRealServer())) return ctx.skip(EMBEDDED_SKIP_REASON);
    const org = await createOrgFixture();
    await setRewards(org, { rewardsEnabled: false, incentiveDisclosure: DISCLOSURE });
    const it0 = await item(org.org.id);
    // The admin's transaction turns rewards on and holds the row until every share is waiting.
    const { results } = await raceBehindLock({
      lockSql: `UPDATE "OrgSettings" SET "rewardsEnabled" = true WHERE "orgId" = $1`,
      lockParams: [org.org.id],
      contenders: 1,
      waitingIn: ["%FOR SHARE%"],
      call: () => share(org.employee, { itemId: it0.id, text: OWN }),
    });
    const [res] = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(res?.status).toBe(400);
    expect(fieldsOf(res!)?.text).toContain(DISCLOSURE);
    expect(await db.share.count({ where: { orgId: org.org.id } })).toBe(0);
  });
});
