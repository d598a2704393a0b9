/**
 * The LinkedIn API client against the fake LinkedIn server: publishing (text, article with an
 * uploaded thumbnail, image), analytics, and each failure mode → the typed LinkedInApiError.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeLinkedIn, type FakeLinkedIn } from "../../support/fake-linkedin";

let fake: FakeLinkedIn;
let client: typeof import("@/lib/integrations/linkedin/linkedin-client");
const AUTHOR = "urn:li:person:fakeMember001";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

beforeAll(async () => {
  fake = await startFakeLinkedIn({ slowMs: 1500 });
  process.env.LINKEDIN_AUTH_URL = fake.authUrl;
  process.env.LINKEDIN_API_URL = fake.url;
  process.env.LINKEDIN_CLIENT_ID = fake.clientId;
  process.env.LINKEDIN_CLIENT_SECRET = fake.clientSecret;
  // The default version: it must be one LinkedIn (the fake, by its calendar) still serves.
  delete process.env.LINKEDIN_API_VERSION;
  client = await import("@/lib/integrations/linkedin/linkedin-client");
});

afterAll(async () => {
  await fake?.stop();
});

beforeEach(() => fake.reset());

async function expectError(
  promise: Promise<unknown>,
  expected: { code: string; status?: number | null; retryAfterSeconds?: number },
) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(client.LinkedInApiError);
  expect(error).toMatchObject(expected);
  return error as InstanceType<typeof client.LinkedInApiError>;
}

describe("LinkedIn client: publishing", () => {
  it("creates a text post with the required headers and escaped commentary", async () => {
    const token = fake.issueToken("fakeMember001");
    const { postUrn } = await client.createPost(token, {
      authorUrn: AUTHOR,
      commentary: "Proud of the team (again) #energy @everyone",
    });
    expect(postUrn).toMatch(/^urn:li:share:\d+$/);
    const post = fake.state.posts[0]!;
    expect(post.urn).toBe(postUrn);
    const { DEFAULT_LINKEDIN_API_VERSION } = await import("@/lib/core/env");
    expect(post.headers["linkedin-version"]).toBe(DEFAULT_LINKEDIN_API_VERSION);
    expect(post.headers["x-restli-protocol-version"]).toBe("2.0.0");
    expect(post.headers.authorization).toBe(`Bearer ${token}`);
    expect(post.body).toMatchObject({
      author: AUTHOR,
      commentary: "Proud of the team \\(again\\) {hashtag|\\#|energy} \\@everyone",
      visibility: "PUBLIC",
      lifecycleState: "PUBLISHED",
      distribution: { feedDistribution: "MAIN_FEED" },
    });
    expect(post.body.content).toBeUndefined();
  });

  it("creates an article post with title, description and an uploaded thumbnail", async () => {
    const token = fake.issueToken("fakeMember001");
    const thumbnailUrn = await client.uploadImage(token, {
      ownerUrn: AUTHOR,
      bytes: PNG,
      contentType: "image/png",
    });
    expect(thumbnailUrn).toMatch(/^urn:li:image:/);
    expect(fake.state.images[0]).toMatchObject({
      urn: thumbnailUrn,
      uploaded: true,
      bytes: PNG.length,
      contentType: "image/png",
    });
    await client.createPost(token, {
      authorUrn: AUTHOR,
      commentary: "Read this",
      article: {
        source: "https://go.example/abc",
        title: "Wind power in 2026",
        description: "What changed",
        thumbnailUrn,
      },
    });
    expect(fake.state.posts[0]!.body.content).toEqual({
      article: {
        source: "https://go.example/abc",
        title: "Wind power in 2026",
        description: "What changed",
        thumbnail: thumbnailUrn,
      },
    });
  });

  it("creates an image post", async () => {
    const token = fake.issueToken("fakeMember001");
    const imageUrn = await client.uploadImage(token, {
      ownerUrn: AUTHOR,
      bytes: PNG,
      contentType: "image/png",
    });
    await client.createPost(token, {
      authorUrn: AUTHOR,
      commentary: "Look",
      imageUrn,
      imageAlt: "Turbines at dawn",
    });
    expect(fake.state.posts[0]!.body.content).toEqual({
      media: { id: imageUrn, altText: "Turbines at dawn" },
    });
  });

  it("the fake refuses a post whose image was never uploaded (422 → bad_request)", async () => {
    const token = fake.issueToken("fakeMember001");
    await expectError(
      client.createPost(token, {
        authorUrn: AUTHOR,
        commentary: "x",
        imageUrn: "urn:li:image:nope",
      }),
      { code: "bad_request", status: 422 },
    );
  });

  it("a token of another member cannot post as this author", async () => {
    const otherToken = fake.issueToken("someoneElse");
    const error = await expectError(
      client.createPost(otherToken, { authorUrn: AUTHOR, commentary: "x" }),
      { code: "unauthorized", status: 403 },
    );
    expect(error.message).toMatch(/reconnect/i);
    expect(fake.state.posts).toHaveLength(0);
  });

  it("an expired or revoked token → unauthorized", async () => {
    const token = fake.issueToken("fakeMember001");
    fake.expireToken(token);
    await expectError(client.createPost(token, { authorUrn: AUTHOR, commentary: "x" }), {
      code: "unauthorized",
      status: 401,
    });
    const second = fake.issueToken("fakeMember001");
    await client.revokeToken(second);
    expect(fake.state.revokedTokens).toEqual([second]);
    await expectError(client.getUserInfo(second), { code: "unauthorized", status: 401 });
  });

  it("the default LinkedIn-Version is one LinkedIn serves now (released within the last year)", async () => {
    const { DEFAULT_LINKEDIN_API_VERSION } = await import("@/lib/core/env");
    const { activeVersionWindow } = await import("../../support/fake-linkedin");
    const window = activeVersionWindow();
    expect(
      DEFAULT_LINKEDIN_API_VERSION >= window.oldest,
      `LINKEDIN_API_VERSION's default ${DEFAULT_LINKEDIN_API_VERSION} is retired by LinkedIn (served: ${window.oldest}–${window.newest}): move DEFAULT_LINKEDIN_API_VERSION in lib/core/env.ts (README, "LinkedIn API version")`,
    ).toBe(true);
    expect(DEFAULT_LINKEDIN_API_VERSION <= window.newest).toBe(true);
  });

  it("a version LinkedIn no longer serves (426 NONEXISTENT_VERSION) → version_unsupported, for an admin to fix", async () => {
    const token = fake.issueToken("fakeMember001");
    fake.setActiveVersions({ oldest: "209901", newest: "209912" });
    const error = await expectError(
      client.createPost(token, { authorUrn: AUTHOR, commentary: "x" }),
      { code: "version_unsupported", status: 426 },
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/no longer serves API version 20\d{4} \(LINKEDIN_API_VERSION\)/);
    expect(error.message).toMatch(/an admin must set LINKEDIN_API_VERSION to a current version/);
    expect(error.message).toContain("Requested version");
    expect(fake.state.posts).toHaveLength(0);
    // The same for the image upload and analytics: every versioned call.
    await expectError(
      client.uploadImage(token, { ownerUrn: AUTHOR, bytes: PNG, contentType: "image/png" }),
      { code: "version_unsupported" },
    );
  });

  it("a token without w_member_social → unauthorized (reconnect grants the scope)", async () => {
    const token = fake.issueToken("fakeMember001", { scope: "openid profile email" });
    await expectError(client.createPost(token, { authorUrn: AUTHOR, commentary: "x" }), {
      code: "unauthorized",
      status: 403,
    });
  });
});

describe("LinkedIn client: analytics", () => {
  it("reads impressions, members reached, reactions, comments and reshares", async () => {
    const token = fake.issueToken("fakeMember001");
    const { postUrn } = await client.createPost(token, { authorUrn: AUTHOR, commentary: "x" });
    fake.setAnalytics(postUrn, {
      impressions: 1234,
      membersReached: 900,
      reactions: 56,
      comments: 7,
      reshares: 3,
    });
    expect(await client.getPostAnalytics(token, postUrn)).toEqual({
      impressions: 1234,
      membersReached: 900,
      reactions: 56,
      comments: 7,
      reshares: 3,
    });
    const queries = fake.state.requests.filter((r) => r.endpoint === "analytics");
    expect(queries).toHaveLength(5);
    expect(queries[0]!.path).toContain(`entity=(share:${encodeURIComponent(postUrn)})`);
    expect(queries.map((q) => new URL(q.path, fake.url).searchParams.get("queryType"))).toEqual([
      "IMPRESSION",
      "MEMBERS_REACHED",
      "REACTION",
      "COMMENT",
      "RESHARE",
    ]);
  });

  it("without r_member_postAnalytics → unauthorized", async () => {
    const token = fake.issueToken("fakeMember001", { scope: "openid w_member_social" });
    const { postUrn } = await client.createPost(token, { authorUrn: AUTHOR, commentary: "x" });
    await expectError(client.getPostAnalytics(token, postUrn), {
      code: "unauthorized",
      status: 403,
    });
  });
});

describe("LinkedIn client: failure modes → typed errors", () => {
  const post = (token: string) => client.createPost(token, { authorUrn: AUTHOR, commentary: "x" });

  it("401 → unauthorized", async () => {
    fake.failNext("posts", 401);
    await expectError(post(fake.issueToken("fakeMember001")), {
      code: "unauthorized",
      status: 401,
    });
  });

  it("429 → rate_limited with Retry-After", async () => {
    fake.failNext("posts", 429);
    const error = await expectError(post(fake.issueToken("fakeMember001")), {
      code: "rate_limited",
      status: 429,
      retryAfterSeconds: 7,
    });
    expect(error.retryable).toBe(true);
  });

  it("500 → server", async () => {
    fake.failNext("analytics", 500);
    await expectError(client.getPostAnalytics(fake.issueToken("fakeMember001"), "urn:li:share:1"), {
      code: "server",
      status: 500,
    });
  });

  it("malformed answers → malformed", async () => {
    const token = fake.issueToken("fakeMember001");
    fake.failNext("userinfo", "malformed");
    await expectError(client.getUserInfo(token), { code: "malformed", status: 200 });
    fake.failNext("images", "malformed");
    await expectError(
      client.uploadImage(token, { ownerUrn: AUTHOR, bytes: PNG, contentType: "image/png" }),
      { code: "malformed", status: 200 },
    );
    // 200 without an x-restli-id header is malformed for a post
    fake.failNext("posts", "malformed");
    await expectError(post(token), { code: "malformed" });
  });

  it("slow answers → timeout", async () => {
    fake.failNext("posts", "slow");
    const started = Date.now();
    await expectError(
      client.createPost(
        fake.issueToken("fakeMember001"),
        { authorUrn: AUTHOR, commentary: "x" },
        { timeoutMs: 300 },
      ),
      { code: "timeout", status: null },
    );
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it("an unknown authorisation code at the token endpoint → bad_request", async () => {
    await expectError(client.exchangeCode("no-such-code", "http://chorus.test/cb"), {
      code: "bad_request",
      status: 400,
    });
  });
});

describe("LinkedIn client: LinkedIn unreachable", () => {
  it("a refused connection → server with no status", async () => {
    const token = fake.issueToken("fakeMember001");
    await fake.stop();
    await expectError(client.getUserInfo(token), { code: "server", status: null });
  });
});
