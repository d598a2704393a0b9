/**
 * Publishing through the LinkedIn API against the fake LinkedIn server (tests/support/fake-linkedin.ts):
 * the share channel, the publish job's outcomes (posted, retried, expired, refused), retry and
 * cancel routes, scheduling by pg-boss, and the post analytics sync feeding the dashboard's reach.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  activeVersionWindow,
  startFakeLinkedIn,
  type FakeLinkedIn,
} from "../../support/fake-linkedin";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";
import {
  EMBEDDED_SKIP_REASON,
  fulfilled,
  isRealServer,
  raceBehindLock,
} from "../../support/real-database";

let fake: FakeLinkedIn;
let uploadsDir: string;
let f: OrgFixture;
let other: OrgFixture;

// Loaded after the environment points at the fake server (env() is read once per process).
let sharesRoute: typeof import("@/app/api/shares/route");
let retryRoute: typeof import("@/app/api/shares/[id]/retry/route");
let scheduleRoute: typeof import("@/app/api/shares/[id]/schedule/route");
let publish: typeof import("@/lib/domains/linkedin-publish/publish-share");
let sync: typeof import("@/lib/domains/linkedin-publish/sync-post-analytics");
let db: typeof import("@/lib/core/db/client").db;

const TEXT =
  "Our team in Brandenburg connected the solar park this week — I spent two winters on that site. Proud of #teamwork (and of C# code) @everyone!";

beforeAll(async () => {
  fake = await startFakeLinkedIn();
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-li-publish-"));
  process.env.LINKEDIN_API_URL = fake.url;
  process.env.LINKEDIN_AUTH_URL = fake.authUrl;
  process.env.LINKEDIN_CLIENT_ID = fake.clientId;
  process.env.LINKEDIN_CLIENT_SECRET = fake.clientSecret;
  // The default LinkedIn-Version (lib/core/env.ts): the fake serves what LinkedIn serves today.
  delete process.env.LINKEDIN_API_VERSION;
  process.env.UPLOADS_DIR = uploadsDir;
  sharesRoute = await import("@/app/api/shares/route");
  retryRoute = await import("@/app/api/shares/[id]/retry/route");
  scheduleRoute = await import("@/app/api/shares/[id]/schedule/route");
  publish = await import("@/lib/domains/linkedin-publish/publish-share");
  sync = await import("@/lib/domains/linkedin-publish/sync-post-analytics");
  db = (await import("@/lib/core/db/client")).db;
  const { env } = await import("@/lib/core/env");
  expect(env().LINKEDIN_API_URL).toBe(fake.url);
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
  fake.state.images.length = 0;
  fake.setActiveVersions(activeVersionWindow());
});

type Member = OrgFixture["employee"];

/** A connection for `member`: a real token of the fake server, encrypted as the app stores it. */
async function connect(
  orgId: string,
  member: Member,
  {
    scope,
    memberId = `m${member.membership.id.slice(-8)}`,
  }: { scope?: string; memberId?: string } = {},
) {
  const { encryptSecret } = await import("@/lib/core/crypto/token-cipher");
  const { createId } = await import("@/lib/core/db/create-id");
  const token = fake.issueToken(memberId, scope ? { scope } : {});
  await db.linkedInConnection.deleteMany({ where: { membershipId: member.membership.id } });
  const connection = await db.linkedInConnection.create({
    data: {
      id: createId("lic"),
      orgId,
      membershipId: member.membership.id,
      userId: member.user.id,
      memberUrn: `urn:li:person:${memberId}`,
      name: "Alex",
      accessToken: encryptSecret(token),
      scopes: (scope ?? "openid profile email w_member_social r_member_postAnalytics").split(" "),
      expiresAt: new Date(Date.now() + 50 * 86_400_000),
    },
  });
  return { connection, token, memberId };
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function item(
  orgId: string,
  { link = false, image = false }: { link?: boolean; image?: boolean } = {},
) {
  const { createId, randomString } = await import("@/lib/core/db/create-id");
  const { getStorage } = await import("@/lib/integrations/storage/get-storage");
  const slug = `post-${randomString(8).toLowerCase()}`;
  const created = await db.contentItem.create({
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
      ...(link
        ? {
            linkUrl: "https://fernhill.example/news/solar",
            linkTitle: "Fernhill connects 40 MW solar park",
            linkDescription: "The park powers 12,000 homes.",
          }
        : {}),
    },
  });
  if (image) {
    const storageKey = `content/${orgId}/${randomString(12)}.png`;
    await getStorage().put(storageKey, PNG, "image/png");
    await db.contentImage.create({
      data: {
        id: createId("img"),
        orgId,
        itemId: created.id,
        storageKey,
        contentType: "image/png",
        bytes: PNG.length,
        alt: "The solar park from above",
      },
    });
  }
  return created;
}

async function shareViaApi(member: Member, itemId: string, extra: Record<string, unknown> = {}) {
  const res = await callRoute(sharesRoute.POST, {
    method: "POST",
    userId: member.user.id,
    body: { itemId, channel: "LINKEDIN_API", text: TEXT, ...extra },
  });
  return res;
}

function fieldsOf(res: { json: { error?: object } }): Record<string, string> | undefined {
  return (res.json.error as { fields?: Record<string, string> } | undefined)?.fields;
}

async function shareRow(id: string) {
  return db.share.findUniqueOrThrow({ where: { id } });
}

/** Runs the share's current publish job, as the pg-boss worker would. */
async function runJob(shareId: string, retryCount = 0) {
  const row = await shareRow(shareId);
  return publish.publishShare(shareId, { id: row.publishJobId!, retryCount });
}

async function createdShareId(res: Awaited<ReturnType<typeof shareViaApi>>) {
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const code = (res.json.share as { code: string }).code;
  return (await db.share.findUniqueOrThrow({ where: { code } })).id;
}

describe("the LinkedIn API share channel", () => {
  it("is refused with the connect message when the member has no connection", async () => {
    const lonely = await addMember(f.org.id, "EMPLOYEE");
    const it0 = await item(f.org.id);
    const res = await shareViaApi(lonely, it0.id);
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toContain("Connect your LinkedIn account");
    expect(await db.share.count({ where: { membershipId: lonely.membership.id } })).toBe(0);
  });

  it("is refused with the reconnect message when the connection has expired", async () => {
    const member = await addMember(f.org.id, "EMPLOYEE");
    const { connection } = await connect(f.org.id, member);
    await db.linkedInConnection.update({
      where: { id: connection.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await shareViaApi(member, (await item(f.org.id)).id);
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toMatch(/expired.*Reconnect/);
    expect(await db.share.count({ where: { membershipId: member.membership.id } })).toBe(0);
  });

  it("refuses a scheduled time in the past, or too far ahead, naming the field", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const past = await shareViaApi(f.employee, it0.id, {
      scheduledAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.json.error?.message).toMatch(/scheduledAt/);
    expect(fieldsOf(past)).toHaveProperty("scheduledAt");
    const far = await shareViaApi(f.employee, it0.id, {
      scheduledAt: new Date(Date.now() + 120 * 86_400_000).toISOString(),
    });
    expect(far.status).toBe(400);
    expect(fieldsOf(far)).toHaveProperty("scheduledAt");
    const garbage = await shareViaApi(f.employee, it0.id, { scheduledAt: "next tuesday" });
    expect(garbage.status).toBe(400);
    expect(fieldsOf(garbage)).toHaveProperty("scheduledAt");
    const wrongChannel = await callRoute(sharesRoute.POST, {
      method: "POST",
      userId: f.employee.user.id,
      body: {
        itemId: it0.id,
        channel: "COPY",
        text: TEXT,
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(wrongChannel.status).toBe(400);
    expect(await db.share.count({ where: { itemId: it0.id } })).toBe(0);
  });

  it("starts SCHEDULED with the chosen time and a pg-boss job id", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const at = new Date(Date.now() + 2 * 86_400_000);
    const res = await shareViaApi(f.employee, it0.id, {
      scheduledAt: at.toISOString().replace("Z", "+00:00"),
    });
    const id = await createdShareId(res);
    const row = await shareRow(id);
    expect(row.status).toBe("SCHEDULED");
    expect(row.scheduledAt?.getTime()).toBe(Math.floor(at.getTime()));
    expect(row.publishJobId).toMatch(/^[0-9a-f-]{36}$/);
    const [job] = await db.$queryRaw<{ state: string; start_after: Date }[]>`
      SELECT state::text, start_after FROM pgboss.job WHERE id = ${row.publishJobId}::uuid`;
    expect(job?.state).toBe("created");
    expect(Math.abs(job!.start_after.getTime() - at.getTime())).toBeLessThan(1000);
    // Not its time yet: nothing was sent to LinkedIn.
    expect(fake.state.posts).toHaveLength(0);
  });
});

describe("the publish job", () => {
  it("posts text only: headers, author, escaped commentary with the tracked link, PUBLIC", async () => {
    const { memberId } = await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    const outcome = await runJob(id);
    expect(outcome.kind).toBe("posted");
    expect(fake.state.posts).toHaveLength(1);
    const post = fake.state.posts[0]!;
    const { DEFAULT_LINKEDIN_API_VERSION } = await import("@/lib/core/env");
    expect(post.headers["linkedin-version"]).toBe(DEFAULT_LINKEDIN_API_VERSION);
    expect(post.headers["x-restli-protocol-version"]).toBe("2.0.0");
    expect(post.body.author).toBe(`urn:li:person:${memberId}`);
    expect(post.body.visibility).toBe("PUBLIC");
    expect(post.body.content).toBeUndefined();
    const row = await shareRow(id);
    const commentary = post.body.commentary as string;
    expect(commentary).toContain("{hashtag|\\#|teamwork}");
    expect(commentary).toContain("C\\# code");
    expect(commentary).toContain("\\(and of");
    expect(commentary).toContain("\\@everyone");
    expect(commentary.endsWith(`http://chorus.test/${row.code}`)).toBe(true);
    expect(row.status).toBe("POSTED");
    expect(row.linkedinPostId).toBe(post.urn);
    expect(row.postedAt).not.toBeNull();
    expect(row.publishAttempts).toBe(1);
    const notes = await db.notification.findMany({ where: { userId: f.employee.user.id } });
    expect(notes.some((n) => n.kind === "share.posted")).toBe(true);
    const email = await db.emailDelivery.findFirst({
      where: { dedupeKey: `share-result:${id}:1` },
    });
    expect(email?.category).toBe("share-results");
  });

  it("never posts twice: the same job run again (or at once) does nothing", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    const row = await shareRow(id);
    const job = { id: row.publishJobId!, retryCount: 0 };
    expect((await publish.publishShare(id, job)).kind).toBe("posted");
    expect((await publish.publishShare(id, job)).kind).toBe("skipped");
    expect(fake.state.posts).toHaveLength(1);
    expect((await shareRow(id)).publishAttempts).toBe(1);
    // A job that is not the share's current one never posts either.
    expect((await publish.publishShare(id, { id: crypto.randomUUID(), retryCount: 0 })).kind).toBe(
      "skipped",
    );
  });

  it("never posts twice when 6 workers run the same job at the same moment", async (ctx) => {
    ctx.skip(!(await isRealServer()), EMBEDDED_SKIP_REASON);
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    const job = { id: (await shareRow(id)).publishJobId!, retryCount: 0 };
    // The share's row is locked by a barrier until all six runs are in flight at once, each in its
    // own transaction on its own connection, waiting to take the share (or, were the claim not
    // guarded, to mark it posted after posting it).
    const { results, waitingAtOnce } = await raceBehindLock({
      lockSql: `SELECT 1 FROM "Share" WHERE "id" = $1 FOR UPDATE`,
      lockParams: [id],
      contenders: 6,
      waitingIn: ['%UPDATE "Share"%', '%UPDATE "public"."Share"%'],
      call: () => publish.publishShare(id, job),
    });
    expect(waitingAtOnce).toBe(6);
    const kinds = fulfilled(results).map((r) => r.kind);
    expect(kinds.sort()).toEqual(["posted", "skipped", "skipped", "skipped", "skipped", "skipped"]);
    expect(fake.state.posts).toHaveLength(1);
    const row = await shareRow(id);
    expect(row.status).toBe("POSTED");
    expect(row.publishAttempts).toBe(1);
  });

  it("posts a link card: the tracked link as source, preview title/description, uploaded thumbnail", async () => {
    const { memberId } = await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id, { link: true, image: true });
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    expect((await runJob(id)).kind).toBe("posted");
    const post = fake.state.posts[0]!;
    const row = await shareRow(id);
    const article = (post.body.content as { article: Record<string, string> }).article;
    expect(article.source).toBe(`http://chorus.test/${row.code}`);
    // The link goes as the card only: in the text too, LinkedIn would show it twice.
    const commentary = post.body.commentary as string;
    expect(commentary).not.toContain(row.code);
    expect(commentary).not.toContain("http");
    expect(commentary).toContain("I spent two winters on that site");
    expect(article.title).toBe("Fernhill connects 40 MW solar park");
    expect(article.description).toBe("The park powers 12,000 homes.");
    expect(fake.state.images).toHaveLength(1);
    expect(fake.state.images[0]).toMatchObject({
      urn: article.thumbnail,
      owner: `urn:li:person:${memberId}`,
      uploaded: true,
      bytes: PNG.length,
      contentType: "image/png",
    });
  });

  it("an image uploaded before a refused post is reused by the retry, not uploaded again", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id, { link: true, image: true });
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    fake.failNext("posts", 422); // LinkedIn refuses the post after the thumbnail went up
    const refused = await runJob(id);
    expect(refused.kind).toBe("failed");
    expect(fake.state.posts).toHaveLength(0);
    expect(fake.state.images).toHaveLength(1);
    const uploaded = fake.state.images[0]!.urn;
    expect((await shareRow(id)).linkedinImageUrn).toBe(uploaded);

    const retried = await callRoute(retryRoute.POST, {
      method: "POST",
      userId: f.employee.user.id,
      params: { id },
    });
    expect(retried.status, JSON.stringify(retried.json)).toBe(200);
    expect((await runJob(id)).kind).toBe("posted");
    // One image at LinkedIn, the one the post shows: nothing left behind.
    expect(fake.state.images).toHaveLength(1);
    const article = (fake.state.posts[0]!.body.content as { article: Record<string, string> })
      .article;
    expect(article.thumbnail).toBe(uploaded);

    // Retries after LinkedIn was down (429 on the post) reuse it too.
    const again = await createdShareId(await shareViaApi(f.employee, it0.id));
    fake.failNext("posts", 429);
    await expect(runJob(again, 0)).rejects.toThrow(/rate limit/i);
    expect((await runJob(again, 1)).kind).toBe("posted");
    expect(fake.state.images).toHaveLength(2); // one per share
  });

  it("a LinkedIn-Version LinkedIn retired: FAILED for the member, the admins told what to change, once", async () => {
    const { connection } = await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    fake.setActiveVersions({ oldest: "209901", newest: "209912" });
    const first = await createdShareId(await shareViaApi(f.employee, it0.id));
    const second = await createdShareId(await shareViaApi(f.employee, it0.id));
    expect((await runJob(first)).kind).toBe("failed");
    expect((await runJob(second)).kind).toBe("failed");
    const row = await shareRow(first);
    expect(row.status).toBe("FAILED");
    expect(row.error).toBe(publish.VERSION_MESSAGE);
    // Not the member's connection: it stays usable.
    const after = await db.linkedInConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.status).toBe("ACTIVE");
    // Each admin gets one notification naming the setting, however many posts failed.
    const notes = await db.notification.findMany({
      where: { orgId: f.org.id, kind: "linkedin.api_version" },
    });
    expect(notes.map((n) => n.userId)).toEqual([f.admin.user.id]);
    expect(notes[0]!.title).toMatch(/LinkedIn refuses API version 20\d{4}/);
    expect(notes[0]!.body).toMatch(/set LINKEDIN_API_VERSION to a current version/);
    expect(notes[0]!.body).toMatch(/Requested version \d+ is not active/);
    // The member and their colleagues never see the admin's message.
    const memberNotes = await db.notification.findMany({
      where: { userId: f.employee.user.id, kind: "share.failed" },
      orderBy: { createdAt: "desc" },
    });
    expect(memberNotes[0]!.body).toContain("Your admins have been told");
    expect(fake.state.posts).toHaveLength(0);
  });

  it("posts an image post when the item has images but no link", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id, { image: true });
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    expect((await runJob(id)).kind).toBe("posted");
    const media = (fake.state.posts[0]!.body.content as { media: Record<string, string> }).media;
    expect(media.id).toBe(fake.state.images[0]!.urn);
    expect(media.altText).toBe("The solar park from above");
  });

  it("429 then success: retried by pg-boss (the job throws), posted once", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    fake.failNext("posts", 429);
    await expect(runJob(id, 0)).rejects.toThrow(/rate limit/i);
    let row = await shareRow(id);
    expect(row.status).toBe("SCHEDULED");
    expect(row.publishAttempts).toBe(1);
    expect(row.error).toMatch(/trying again/);
    expect(await runJob(id, 1)).toMatchObject({ kind: "posted" });
    row = await shareRow(id);
    expect(row.status).toBe("POSTED");
    expect(row.error).toBeNull();
    expect(row.publishAttempts).toBe(2);
    expect(fake.state.posts).toHaveLength(1);
  });

  it("500 then success; LinkedIn down on every attempt ends FAILED with a clear message", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    fake.failNext("posts", 500);
    await expect(runJob(id, 0)).rejects.toThrow(/LinkedIn had a problem \(500\)/);
    expect((await runJob(id, 1)).kind).toBe("posted");
    expect(fake.state.posts).toHaveLength(1);

    const down = await createdShareId(await shareViaApi(f.employee, it0.id));
    const { MAX_PUBLISH_ATTEMPTS } =
      await import("@/lib/domains/linkedin-publish/jobs/publish-share");
    for (let i = 0; i < MAX_PUBLISH_ATTEMPTS; i++) fake.failNext("posts", 500);
    for (let i = 0; i < MAX_PUBLISH_ATTEMPTS - 1; i++)
      await expect(runJob(down, i)).rejects.toThrow();
    const last = await runJob(down, MAX_PUBLISH_ATTEMPTS - 1);
    expect(last.kind).toBe("failed");
    const row = await shareRow(down);
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/did not take the post after 6 attempts/);
    expect(fake.state.posts).toHaveLength(1);
  });

  it("401 marks the connection EXPIRED and the share FAILED, with a notification; no retry", async () => {
    const { connection, token } = await connect(f.org.id, f.manager);
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.manager, it0.id));
    fake.expireToken(token);
    const outcome = await runJob(id);
    expect(outcome).toMatchObject({ kind: "failed" });
    const row = await shareRow(id);
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/LinkedIn needs you to reconnect/);
    const after = await db.linkedInConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.status).toBe("EXPIRED");
    expect(after.lastError).toMatch(/401/);
    const notes = await db.notification.findMany({
      where: { userId: f.manager.user.id, kind: "share.failed" },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/reconnect/);
    // Retrying needs a reconnect first (409); after reconnecting it goes out.
    const refused = await callRoute(retryRoute.POST, {
      method: "POST",
      userId: f.manager.user.id,
      params: { id },
    });
    expect(refused.status).toBe(409);
    await connect(f.org.id, f.manager);
    const retried = await callRoute(retryRoute.POST, {
      method: "POST",
      userId: f.manager.user.id,
      params: { id },
    });
    expect(retried.status, JSON.stringify(retried.json)).toBe(200);
    expect((await shareRow(id)).status).toBe("SCHEDULED");
    expect((await runJob(id)).kind).toBe("posted");
    expect(fake.state.posts).toHaveLength(1);
  });

  it("a refusal (403: missing scope) or an unreadable answer is FAILED, never retried", async () => {
    await connect(f.org.id, f.employee, { scope: "openid profile email" }); // no w_member_social
    const it0 = await item(f.org.id);
    const id = await createdShareId(await shareViaApi(f.employee, it0.id));
    // 403 counts as "reconnect" in the client (a scope is missing): the member must reconnect.
    expect((await runJob(id)).kind).toBe("failed");
    expect((await shareRow(id)).error).toMatch(/reconnect/);

    await connect(f.org.id, f.employee);
    const bad = await createdShareId(await shareViaApi(f.employee, it0.id));
    fake.failNext("posts", "malformed");
    const outcome = await runJob(bad);
    expect(outcome.kind).toBe("failed");
    expect((await shareRow(bad)).error).toMatch(/LinkedIn did not accept the post/);
  });
});

describe("retry and cancel (owner only)", () => {
  it("cancels a scheduled post: FAILED 'cancelled', the job cancelled, the job then does nothing", async () => {
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const id = await createdShareId(await shareViaApi(f.employee, it0.id, { scheduledAt: at }));
    const jobId = (await shareRow(id)).publishJobId!;
    // Someone else (same org, another org) gets 404.
    for (const userId of [f.manager.user.id, other.employee.user.id]) {
      const res = await callRoute(scheduleRoute.DELETE, {
        method: "DELETE",
        userId,
        params: { id },
      });
      expect(res.status).toBe(404);
    }
    const res = await callRoute(scheduleRoute.DELETE, {
      method: "DELETE",
      userId: f.employee.user.id,
      params: { id },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const row = await shareRow(id);
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/Cancelled/);
    const [job] = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE id = ${jobId}::uuid`;
    expect(job?.state).toBe("cancelled");
    expect((await publish.publishShare(id, { id: jobId, retryCount: 0 })).kind).toBe("skipped");
    expect(fake.state.posts).toHaveLength(0);
    // Cancelling twice: 409.
    const again = await callRoute(scheduleRoute.DELETE, {
      method: "DELETE",
      userId: f.employee.user.id,
      params: { id },
    });
    expect(again.status).toBe(409);
    // Retry by someone else: 404; by the owner, with a past time: 400.
    const stranger = await callRoute(retryRoute.POST, {
      method: "POST",
      userId: other.admin.user.id,
      params: { id },
    });
    expect(stranger.status).toBe(404);
    const past = await callRoute(retryRoute.POST, {
      method: "POST",
      userId: f.employee.user.id,
      params: { id },
      body: { scheduledAt: "2020-01-01T09:00:00+01:00" },
    });
    expect(past.status).toBe(400);
    expect(fieldsOf(past)).toHaveProperty("scheduledAt");
  });
});

describe("post analytics sync", () => {
  it("stores LinkedIn's figures on the share and the dashboard reach uses them", async () => {
    const { getOverview } = await import("@/lib/domains/analytics/get-overview");
    const { zonedDateKey } = await import("@/lib/core/time/zoned-time");
    const org = await createOrgFixture();
    await connect(org.org.id, org.employee);
    const it0 = await item(org.org.id);
    const id = await createdShareId(await shareViaApi(org.employee, it0.id));
    expect((await runJob(id)).kind).toBe("posted");
    const day = zonedDateKey(new Date(), org.org.timeZone);
    const before = await getOverview({
      orgId: org.org.id,
      teamIds: null,
      range: { from: day, to: day },
    });
    expect(before.current.reachIsEstimate).toBe(true);

    const urn = (await shareRow(id)).linkedinPostId!;
    fake.setAnalytics(urn, {
      impressions: 4321,
      membersReached: 3000,
      reactions: 55,
      comments: 7,
      reshares: 3,
    });
    const result = await sync.syncPostAnalytics({ orgId: org.org.id });
    expect(result).toMatchObject({ synced: 1, failed: 0 });
    const row = await shareRow(id);
    expect(row).toMatchObject({
      impressions: 4321,
      membersReached: 3000,
      reactions: 55,
      comments: 7,
      reshares: 3,
    });
    expect(row.analyticsSyncedAt).not.toBeNull();
    const after = await getOverview({
      orgId: org.org.id,
      teamIds: null,
      range: { from: day, to: day },
    });
    expect(after.current.estimatedReach).toBe(4321);
    expect(after.current.reachIsEstimate).toBe(false);
  });

  it("skips members without the analytics scope and expires a connection LinkedIn refuses", async () => {
    const org = await createOrgFixture();
    await connect(org.org.id, org.employee, { scope: "openid profile email w_member_social" });
    const { token } = await connect(org.org.id, org.manager);
    const it0 = await item(org.org.id);
    const noScope = await createdShareId(await shareViaApi(org.employee, it0.id));
    const refused = await createdShareId(await shareViaApi(org.manager, it0.id));
    expect((await runJob(noScope)).kind).toBe("posted");
    expect((await runJob(refused)).kind).toBe("posted");
    fake.expireToken(token);
    const result = await sync.syncPostAnalytics({ orgId: org.org.id });
    expect(result).toEqual({ synced: 0, failed: 1, expiredConnections: 1 });
    expect((await shareRow(noScope)).analyticsSyncedAt).toBeNull();
    const conn = await db.linkedInConnection.findFirstOrThrow({
      where: { membershipId: org.manager.membership.id },
    });
    expect(conn.status).toBe("EXPIRED");
  });
});

describe("scheduled by pg-boss", () => {
  it("a share scheduled a few seconds ahead is published by the job worker", async () => {
    const { startJobs } = await import("@/lib/jobs/run-jobs");
    await connect(f.org.id, f.employee);
    const it0 = await item(f.org.id);
    const at = new Date(Date.now() + 3000);
    const id = await createdShareId(
      await shareViaApi(f.employee, it0.id, { scheduledAt: at.toISOString() }),
    );
    await startJobs();
    const deadline = Date.now() + 25_000;
    let row = await shareRow(id);
    while (row.status === "SCHEDULED" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      row = await shareRow(id);
    }
    expect(row.status).toBe("POSTED");
    expect(row.postedAt!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(fake.state.posts.filter((p) => p.urn === row.linkedinPostId)).toHaveLength(1);
  });
});
