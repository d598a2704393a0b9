/**
 * For each row of the role matrix (and each public GET of the inventory): the request that WOULD
 * succeed for an allowed caller — real ids of the caller's organisation, a valid body — made fresh
 * for every call. Shared by the role matrix suite and the secrets-in-responses suite, together
 * with the outside services those requests reach (a fake LinkedIn, a page for link previews, a
 * pinned DNS answer for webhook URLs, a temporary uploads folder).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { createScimToken } from "@/lib/domains/scim/create-scim-token";
import { createConnection } from "@/lib/domains/connectors/manage-connections";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";
import { addContentImage } from "@/lib/domains/content/content-images";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { createSuggestion } from "@/lib/domains/suggestions/create-suggestion";
import { createUnsubscribeToken } from "@/lib/domains/email/unsubscribe-token";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { stopBoss } from "@/lib/core/jobs/boss";
import { sendJob } from "@/lib/core/jobs/send-job";
import { setWebhookTransportForTests } from "@/lib/integrations/webhooks/webhook-transport";
import { startLinkedInConnect } from "@/lib/domains/linkedin/connect-linkedin";
import { existingClickPath } from "@/lib/domains/tracking/click-path";
import { newPasswordResetToken } from "@/lib/domains/auth/password-reset/reset-token";
import { PASSWORD_RESET_REQUESTED_MESSAGE } from "@/lib/domains/auth/password-reset/request-password-reset";
import { TEST_ORIGIN, type CallOptions } from "../../support/http";
import {
  accessFor,
  addMember,
  TEST_PASSWORD,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { startOidcServer, type OidcServer } from "../../support/oidc-server";
import { samlKey } from "../../support/saml-idp";
import { isCleared, requestContext } from "../../support/security/request-context";
import { contentInput } from "../../support/content";
import { startFakeLinkedIn, type FakeLinkedIn } from "../../support/fake-linkedin";
import {
  createLinkedInConnection,
  createRoleOrg,
  createNotificationRow,
  createShareRow,
  createDeveloperWebhookRow,
  createWebhookRow,
  failedWebhookDelivery,
  sentDeveloperDelivery,
  imageForm,
  PNG,
  publishedItem,
  type Member,
} from "../../support/security/role-fixture";
import type { Actor } from "./role-matrix";

export const SLACK_URL = "https://hooks.slack.com/services/T000/B000/role-matrix-secret";
/** A developer webhook URL (its host resolves to a public address in this suite; nothing is sent). */
export const DEVELOPER_HOOK_URL = "https://hooks.example.com/chorus/role-matrix-secret-path";

export interface MatrixEnv {
  fake: FakeLinkedIn;
  /** An OpenID Connect identity provider on loopback: the SSO of ssoSignInAction. */
  oidc: OidcServer;
  previewUrl: string;
  uploadsDir: string;
  startedAt: Date;
}

let current: MatrixEnv | undefined;
let previewServer: http.Server | undefined;

/** Starts the outside services and points the app at them; call before anything reads env(). */
export async function startMatrixEnv(): Promise<MatrixEnv> {
  const fake = await startFakeLinkedIn();
  previewServer = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<html><head><meta property="og:title" content="Solar park live"><meta property="og:description" content="40 MW"></head><body>ok</body></html>`,
    );
  });
  await new Promise<void>((resolve) => previewServer!.listen(0, "127.0.0.1", resolve));
  const port = (previewServer.address() as AddressInfo).port;
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-role-matrix-"));
  const oidc = await startOidcServer({ appUrl: TEST_ORIGIN });
  Object.assign(process.env, {
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clients.sso.id,
    OIDC_CLIENT_SECRET: oidc.clients.sso.secret,
    LINKEDIN_API_URL: fake.url,
    LINKEDIN_AUTH_URL: fake.authUrl,
    LINKEDIN_CLIENT_ID: fake.clientId,
    LINKEDIN_CLIENT_SECRET: fake.clientSecret,
    LINK_PREVIEW_ALLOWED_HOSTS: "127.0.0.1",
    SSO_ADMIN_DOMAIN_VERIFICATION: "true",
    UPLOADS_DIR: uploadsDir,
  });
  const { env } = await import("@/lib/core/env");
  if (env().LINKEDIN_API_URL !== fake.url) {
    throw new Error("env() was read before the role matrix environment was set up");
  }
  // Webhook hosts resolve to a public address (nothing is sent: no job workers run here).
  setWebhookTransportForTests({ resolveHost: async () => [{ address: "52.20.30.40", family: 4 }] });
  current = {
    fake,
    oidc,
    previewUrl: `http://127.0.0.1:${port}/article`,
    uploadsDir,
    startedAt: new Date(),
  };
  return current;
}

export async function stopMatrixEnv(): Promise<void> {
  if (!current) return;
  // Jobs this suite queued (publish, email, webhook) must not run in a later suite's workers.
  await getDb()
    .$executeRawUnsafe(
      `DELETE FROM pgboss.job WHERE created_on >= $1 AND state IN ('created', 'retry')`,
      current.startedAt,
    )
    .catch(() => undefined);
  await stopBoss().catch(() => undefined);
  await existingClickPath()?.close();
  setWebhookTransportForTests(null);
  await current.fake.stop();
  await current.oidc.close();
  await new Promise((resolve) => previewServer?.close(resolve));
  fs.rmSync(current.uploadsDir, { recursive: true, force: true });
  current = undefined;
}

function env(): MatrixEnv {
  if (!current) throw new Error("startMatrixEnv() first");
  return current;
}

export interface ArrangeContext {
  fx: OrgFixture;
  /** The member making the request (ANONYMOUS: the employee's data, sent without a cookie). */
  actor: Member;
  role: Actor;
}

export type Arranged = Omit<CallOptions, "method" | "userId"> & {
  /** The organisation whose rows must not change when the request is denied (default: fx.org). */
  watchOrgId?: string;
};

type Arrange = (ctx: ArrangeContext) => Promise<Arranged>;

/** What a browser's PushSubscription.toJSON() gives (an https push service, P-256 key, auth). */
function pushSubscriptionBody() {
  return {
    endpoint: `https://push.example.com/send/${randomString(16)}`,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 5)]).toString("base64url"),
      auth: Buffer.alloc(16, 3).toString("base64url"),
    },
  };
}

async function createPushSubscriptionRow(orgId: string, member: Member) {
  const body = pushSubscriptionBody();
  return getDb().pushSubscription.create({
    data: {
      id: createId("psb"),
      orgId,
      userId: member.user.id,
      membershipId: member.membership.id,
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
    },
  });
}

const otherOrgs = new WeakMap<OrgFixture, OrgFixture>();

const adminAccess = (fx: OrgFixture) => accessFor(fx.org, fx.admin);

const CONNECTOR_MAPPING = {
  externalId: "$.id",
  clickId: "$.click",
  defaultOutcome: "lead" as const,
};

/** An inbound webhook connection of the organisation, with its secret (answered once). */
async function webhookConnection(fx: OrgFixture) {
  const created = await createConnection(adminAccess(fx), {
    kind: "webhook",
    name: `CRM ${randomString(4)}`,
    config: { mapping: CONNECTOR_MAPPING },
  });
  return { connection: created.connection, secret: created.secret! };
}

/** The members of a fresh organisation, by matrix column. */
export function actorOf(fx: OrgFixture, role: Actor): Member {
  switch (role) {
    case "ADMIN":
      return fx.admin;
    case "MANAGER":
      return fx.manager;
    case "EMPLOYEE":
    case "ANONYMOUS":
      return fx.employee;
    case "DEACTIVATED":
      return fx.deactivated;
  }
}

/** A draft post to ask the AI about (the suite has no AI service: the routes answer 404). */
async function aiItem(orgId: string): Promise<string> {
  const item = await getDb().contentItem.findFirst({ where: { orgId }, select: { id: true } });
  return item?.id ?? "cnt_missing";
}

async function draftItem(fx: OrgFixture) {
  return createContentItem(adminAccess(fx), contentInput());
}

async function newCampaign(fx: OrgFixture) {
  const item = await draftItem(fx);
  return createCampaign(adminAccess(fx), {
    name: `Campaign ${randomString(6)}`,
    description: null,
    startDate: "2026-03-01",
    endDate: "2026-03-31",
    goal: "SHARES",
    goalTarget: 10,
    itemIds: [item.id],
    teamIds: [fx.teamA.id],
  });
}

async function pendingSuggestion(fx: OrgFixture, member: Member) {
  return createSuggestion(accessFor(fx.org, member), {
    title: `Story ${randomString(5)}`,
    body: "I spent two winters on the Brandenburg site; here is what I learned.",
    linkUrl: null,
    valueType: null,
  });
}

/** LinkedIn's consent page, "Allow": the callback URL it sends the browser to. */
async function consentCallback(fx: OrgFixture, member: Member): Promise<string> {
  const { fake } = env();
  fake.setMember({
    id: `m${randomString(10)}`,
    name: "Alex Fakeson",
    email: `${randomString(8).toLowerCase()}@linkedin.example`,
  });
  const { url } = await startLinkedInConnect(accessFor(fx.org, member));
  const html = await (await fetch(url)).text();
  const href = /id="allow" role="button" href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error("the fake consent page has no Allow link");
  const callback = new URL(href.replace(/&#38;/g, "&"));
  return callback.pathname + callback.search;
}

/** Every arrangement, keyed by row id ("POST /api/teams"). */
export const ARRANGE: Record<string, Arrange> = {
  // ── Organisation and settings ─────────────────────────────────────────────────────────────
  "GET /api/org": async () => ({}),
  "PATCH /api/org": async () => ({ body: { name: `Renamed ${randomString(5)}` } }),
  "POST /api/org/logo": async () => ({ form: imageFormFile() }),
  "DELETE /api/org/logo": async () => ({}),
  "GET /api/settings/guardrails": async () => ({}),
  "PATCH /api/settings/guardrails": async () => ({ body: { maxSharesPerDay: 42 } }),
  "GET /api/settings/analytics": async () => ({}),
  "PATCH /api/settings/analytics": async () => ({ body: { pointsPerShare: 11 } }),
  "GET /api/settings/rewards": async () => ({}),
  "PATCH /api/settings/rewards": async () => ({ body: { rewardsNote: "A prize draw" } }),
  "GET /api/settings/approval-stages": async () => ({}),
  "POST /api/settings/approval-stages": async () => ({
    body: { name: `Legal ${randomString(4)}`, roles: ["ADMIN"] },
  }),
  "PUT /api/settings/approval-stages": async ({ fx }) => {
    await newStage(fx);
    const all = await getDb().approvalStage.findMany({
      where: { orgId: fx.org.id },
      orderBy: { position: "desc" },
      select: { id: true },
    });
    return { body: { ids: all.map((s) => s.id) } };
  },
  "PATCH /api/settings/approval-stages/[id]": async ({ fx }) => ({
    params: { id: (await newStage(fx)).id },
    body: { name: "Renamed stage" },
  }),
  "DELETE /api/settings/approval-stages/[id]": async ({ fx }) => ({
    params: { id: (await newStage(fx)).id },
  }),
  "POST /api/org/switch": async ({ fx }) => ({ body: { orgId: fx.org.id } }),
  "GET /api/org/sso": async () => ({}),
  "PUT /api/org/sso": async () => ({ body: { requireSso: false } }),
  "POST /api/org/sso/domains": async () => ({
    body: { domain: `d-${randomString(8).toLowerCase()}.example` },
  }),
  "DELETE /api/org/sso/domains/[id]": async ({ fx }) => ({
    params: { id: await newSsoDomain(fx.org.id) },
  }),
  "POST /api/org/sso/domains/[id]/verify": async ({ fx }) => ({
    params: { id: await newSsoDomain(fx.org.id) },
    body: { method: "admin" },
  }),
  "POST /api/sso/[slug]/saml/acs": async ({ fx }) => ({
    params: { slug: fx.org.slug },
    rawBody: "SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  }),

  "GET /api/settings/ai": async () => ({}),
  "PATCH /api/settings/ai": async () => ({ body: { monthlyTokenBudget: 1000 } }),
  "POST /api/ai/captions": async ({ fx }) => ({ body: { itemId: await aiItem(fx.org.id) } }),
  "POST /api/ai/hashtags": async ({ fx }) => ({ body: { itemId: await aiItem(fx.org.id) } }),
  "POST /api/ai/value-type": async ({ fx }) => ({ body: { itemId: await aiItem(fx.org.id) } }),
  "POST /api/ai/translate": async ({ fx }) => ({
    body: { itemId: await aiItem(fx.org.id), language: "de" },
  }),
  "POST /api/ai/my-words": async ({ fx }) => ({
    body: { itemId: await aiItem(fx.org.id), did: "wired it", learned: "a lot" },
  }),

  // ── Members, teams and invitations ────────────────────────────────────────────────────────
  "GET /api/members": async () => ({}),
  "PATCH /api/members/[id]": async ({ fx }) => {
    const member = await addMember(fx.org.id, "EMPLOYEE");
    return { params: { id: member.membership.id }, body: { title: "Site engineer" } };
  },
  "GET /api/teams": async () => ({}),
  "POST /api/teams": async () => ({ body: { name: `Team ${randomString(6)}` } }),
  "GET /api/teams/[id]": async ({ fx }) => ({ params: { id: fx.teamA.id } }),
  "PATCH /api/teams/[id]": async ({ fx }) => ({
    params: { id: (await newTeam(fx)).id },
    body: { name: `Renamed ${randomString(6)}` },
  }),
  "DELETE /api/teams/[id]": async ({ fx }) => ({ params: { id: (await newTeam(fx)).id } }),
  "GET /api/locations": async () => ({}),
  "POST /api/locations": async () => ({ body: { name: `Site ${randomString(6)}` } }),
  "PATCH /api/locations/[id]": async ({ fx }) => ({
    params: { id: (await newLocation(fx)).id },
    body: { name: `Renamed ${randomString(6)}` },
  }),
  "DELETE /api/locations/[id]": async ({ fx }) => ({ params: { id: (await newLocation(fx)).id } }),
  "GET /api/topics": async () => ({}),
  "POST /api/topics": async () => ({ body: { name: `Topic ${randomString(6)}` } }),
  "PATCH /api/topics/[id]": async ({ fx }) => ({
    params: { id: (await newTopic(fx)).id },
    body: { name: `Renamed ${randomString(6)}` },
  }),
  "DELETE /api/topics/[id]": async ({ fx }) => ({ params: { id: (await newTopic(fx)).id } }),
  "GET /api/sources": async () => ({}),
  "POST /api/sources": async () => ({
    body: { name: "Blog", url: `https://feeds.chorus.test/${randomString(8)}.xml` },
  }),
  "PATCH /api/sources/[id]": async ({ fx }) => ({
    params: { id: (await newSource(fx)).id },
    body: { name: `Renamed ${randomString(6)}` },
  }),
  "DELETE /api/sources/[id]": async ({ fx }) => ({ params: { id: (await newSource(fx)).id } }),
  // The feed's host does not resolve: the poll answers 200 with the failure kept on the source.
  "POST /api/sources/[id]/poll": async ({ fx }) => ({ params: { id: (await newSource(fx)).id } }),
  "POST /api/source-entries/[id]/draft": async ({ fx }) => ({
    params: { id: (await newSourceEntry(fx)).id },
  }),
  "POST /api/source-entries/[id]/dismiss": async ({ fx }) => ({
    params: { id: (await newSourceEntry(fx)).id },
  }),
  "GET /api/people/[handle]": async ({ fx }) => ({
    params: { handle: fx.employee.membership.handle! },
  }),
  "GET /api/invitations": async () => ({}),
  "POST /api/invitations": async () => ({
    body: { kind: "EMAIL", email: uniqueEmail("invitee"), role: "EMPLOYEE" },
  }),
  "DELETE /api/invitations/[id]": async ({ fx }) => {
    const invitation = await createInvitation(adminAccess(fx), {
      kind: "EMAIL",
      email: uniqueEmail("revoke"),
      role: "EMPLOYEE",
      teamIds: [],
      expiresInDays: 7,
    });
    return { params: { id: invitation.id } };
  },
  "POST /api/invitations/import": async () => ({
    body: { rows: [{ line: 1, email: uniqueEmail("import"), name: "Imported Person" }] },
  }),
  "POST /api/invitations/accept": async ({ fx }) => {
    // An invitation link of another organisation (everyone here is already a member of theirs).
    const other = otherOrgs.get(fx) ?? (await createRoleOrg());
    otherOrgs.set(fx, other);
    const { token } = await createInvitation(adminAccess(other), {
      kind: "LINK",
      role: "EMPLOYEE",
      teamIds: [],
      expiresInDays: 7,
      maxUses: 5,
    });
    return { body: { token }, watchOrgId: other.org.id };
  },

  // ── Content studio and suggestions ────────────────────────────────────────────────────────
  "GET /api/content": async () => ({}),
  "POST /api/content": async () => ({ body: contentInput() }),
  "GET /api/campaigns": async () => ({}),
  "POST /api/campaigns": async ({ fx }) => ({
    body: {
      name: `Campaign ${randomString(6)}`,
      startDate: "2026-03-01",
      endDate: "2026-03-31",
      goal: "VISITS",
      goalTarget: 100,
      itemIds: [(await draftItem(fx)).id],
    },
  }),
  "GET /api/campaigns/[id]": async ({ fx }) => ({ params: { id: (await newCampaign(fx)).id } }),
  "PATCH /api/campaigns/[id]": async ({ fx }) => ({
    params: { id: (await newCampaign(fx)).id },
    body: { goalTarget: 25 },
  }),
  "DELETE /api/campaigns/[id]": async ({ fx }) => ({ params: { id: (await newCampaign(fx)).id } }),
  "GET /api/campaigns/[id]/export": async ({ fx }) => ({
    params: { id: (await newCampaign(fx)).id },
  }),
  "GET /api/content/mix": async () => ({}),
  "POST /api/content/link-preview": async () => ({ body: { url: env().previewUrl } }),
  "GET /api/content/[id]": async ({ fx }) => ({ params: { id: (await draftItem(fx)).id } }),
  "PATCH /api/content/[id]": async ({ fx }) => ({
    params: { id: (await draftItem(fx)).id },
    body: { title: `Edited ${randomString(5)}` },
  }),
  "DELETE /api/content/[id]": async ({ fx }) => ({ params: { id: (await draftItem(fx)).id } }),
  "POST /api/content/[id]/images": async ({ fx }) => ({
    params: { id: (await draftItem(fx)).id },
    form: imageForm(),
  }),
  "DELETE /api/content/[id]/images/[imageId]": async ({ fx }) => {
    const item = await draftItem(fx);
    const image = await addContentImage(
      adminAccess(fx),
      { itemId: item.id },
      { bytes: new Uint8Array(PNG), declaredType: "image/png", alt: "Panels" },
    );
    return { params: { id: item.id, imageId: image.id } };
  },
  "POST /api/content/[id]/transitions": async ({ fx }) => ({
    params: { id: (await draftItem(fx)).id },
    body: { to: "PUBLISHED" },
  }),
  "GET /api/suggestions": async () => ({}),
  "POST /api/suggestions": async () => ({
    body: { title: "Two winters on site", body: "What building a solar park taught me." },
  }),
  "POST /api/suggestions/[id]/images": async ({ fx, actor }) => ({
    params: { id: (await pendingSuggestion(fx, actor)).id },
    form: imageForm(),
  }),
  "POST /api/suggestions/[id]/accept": async ({ fx }) => ({
    params: { id: (await pendingSuggestion(fx, fx.employee)).id },
    body: { valueType: "INSPIRATION", goals: ["HR"] },
  }),
  "POST /api/suggestions/[id]/reject": async ({ fx }) => ({
    params: { id: (await pendingSuggestion(fx, fx.employee)).id },
    body: { reason: "We covered this last week." },
  }),

  // ── Feed, sharing and LinkedIn ────────────────────────────────────────────────────────────
  "GET /api/feed": async () => ({}),
  "GET /api/feed/[id]": async ({ fx }) => ({ params: { id: (await publishedItem(fx.org.id)).id } }),
  "GET /api/shares": async () => ({}),
  "POST /api/shares": async ({ fx }) => ({
    body: {
      itemId: (await publishedItem(fx.org.id)).id,
      channel: "COPY",
      text: "In my own words: two winters on that site, and now the park is live!",
    },
  }),
  "POST /api/shares/[id]/confirm": async ({ fx, actor }) => {
    const share = await createShareRow(fx.org.id, actor, { status: "OPENED", channel: "COPY" });
    return { params: { id: share.id } };
  },
  "POST /api/shares/[id]/retry": async ({ fx, actor }) => {
    await createLinkedInConnection(fx.org.id, actor, env().fake.issueToken(`m${randomString(8)}`));
    const share = await createShareRow(fx.org.id, actor, {
      status: "FAILED",
      channel: "LINKEDIN_API",
    });
    return { params: { id: share.id } };
  },
  "DELETE /api/shares/[id]/schedule": async ({ fx, actor }) => {
    const share = await createShareRow(fx.org.id, actor, {
      status: "SCHEDULED",
      channel: "LINKEDIN_API",
    });
    return { params: { id: share.id } };
  },
  "GET /api/reminders": async () => ({}),
  "POST /api/reminders": async ({ fx }) => ({
    body: {
      itemId: (await publishedItem(fx.org.id)).id,
      network: "X",
      text: "In my own words: two winters on that site, and now the park is live!",
      remindAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  }),
  "DELETE /api/reminders/[id]": async ({ fx, actor }) => {
    const item = await publishedItem(fx.org.id);
    const id = createId("rem");
    await getDb().shareReminder.create({
      data: {
        id,
        orgId: fx.org.id,
        membershipId: actor.membership.id,
        userId: actor.user.id,
        itemId: item.id,
        network: "X",
        text: "In my own words, later.",
        language: "en",
        remindAt: new Date(Date.now() + 3_600_000),
      },
    });
    return { params: { id } };
  },
  "GET /api/linkedin/connect": async () => ({ path: "/api/linkedin/connect" }),
  "GET /api/linkedin/callback": async ({ fx, actor }) => ({
    path: await consentCallback(fx, actor),
  }),
  "GET /api/linkedin/connection": async ({ fx, actor }) => {
    await createLinkedInConnection(fx.org.id, actor, env().fake.issueToken(`m${randomString(8)}`));
    return {};
  },
  "DELETE /api/linkedin/connection": async ({ fx, actor }) => {
    await createLinkedInConnection(fx.org.id, actor, env().fake.issueToken(`m${randomString(8)}`));
    return {};
  },

  // ── Profile, notifications and email preferences ──────────────────────────────────────────
  "GET /api/profile": async () => ({}),
  "PATCH /api/profile": async () => ({ body: { headline: "Site engineer, solar" } }),
  "GET /api/profile/topics": async () => ({}),
  "PUT /api/profile/topics": async ({ fx }) => ({ body: { topicIds: [(await newTopic(fx)).id] } }),
  "POST /api/profile/onboarding": async () => ({}),
  "GET /api/email/preferences": async () => ({}),
  "PUT /api/email/preferences": async () => ({ body: { optOuts: ["digest"] } }),
  "GET /api/profile/leaderboard": async () => ({}),
  "PUT /api/profile/leaderboard": async () => ({ body: { optOut: true } }),
  "PATCH /api/badges/[id]": async ({ fx }) => {
    await ensureDefaultBadges([fx.org.id]);
    const badge = await getDb().badgeDefinition.findFirstOrThrow({ where: { orgId: fx.org.id } });
    return { params: { id: badge.id }, body: { enabled: false } };
  },
  "GET /api/notifications": async ({ fx, actor }) => {
    await createNotificationRow(fx.org.id, actor.user.id);
    return {};
  },
  "POST /api/notifications/[id]/read": async ({ fx, actor }) => ({
    params: { id: (await createNotificationRow(fx.org.id, actor.user.id)).id },
  }),
  "POST /api/notifications/read-all": async ({ fx, actor }) => {
    await createNotificationRow(fx.org.id, actor.user.id);
    return {};
  },
  "POST /api/push/subscriptions": async () => ({ body: pushSubscriptionBody() }),
  "DELETE /api/push/subscriptions/[id]": async ({ fx, actor }) => ({
    params: { id: (await createPushSubscriptionRow(fx.org.id, actor)).id },
  }),
  "PATCH /api/push/preferences": async () => ({ body: { milestones: false } }),
  "POST /api/email/unsubscribe": async ({ actor }) => ({
    body: { token: createUnsubscribeToken(actor.user.id, "digest") },
  }),

  // ── Admin: email log, webhooks, API keys, exports ─────────────────────────────────────────
  "GET /api/email/deliveries": async () => ({}),
  "POST /api/email/deliveries/[id]/retry": async ({ fx }) => {
    const delivery = await getDb().emailDelivery.create({
      data: {
        id: `eml_${randomString(16)}`,
        orgId: fx.org.id,
        to: uniqueEmail("mail"),
        category: "invitation",
        subject: "You are invited",
        status: "FAILED",
        attempts: 1,
        lastError: "550 mailbox unavailable",
      },
    });
    // The content of an email lives in its queue job (as queueEmail leaves it).
    await sendJob(
      sendEmailJob,
      { deliveryId: delivery.id, text: "Hello", html: "<p>Hello</p>" },
      { startAfter: new Date(Date.now() + 86_400_000) },
    );
    return { params: { id: delivery.id } };
  },
  "GET /api/email/digest-preview": async () => ({}),
  "GET /api/webhooks": async ({ fx }) => {
    await failedWebhookDelivery(fx.org.id, SLACK_URL);
    return {};
  },
  "POST /api/webhooks": async () => ({
    body: { kind: "SLACK", name: "#advocacy", url: SLACK_URL },
  }),
  "PATCH /api/webhooks/[id]": async ({ fx }) => ({
    params: { id: (await createWebhookRow(fx.org.id, SLACK_URL)).id },
    body: { active: false },
  }),
  "DELETE /api/webhooks/[id]": async ({ fx }) => ({
    params: { id: (await createWebhookRow(fx.org.id, SLACK_URL)).id },
  }),
  "POST /api/webhooks/[id]/test": async ({ fx }) => ({
    params: { id: (await createWebhookRow(fx.org.id, SLACK_URL)).id },
  }),
  "POST /api/webhooks/deliveries/[id]/retry": async ({ fx }) => ({
    params: { id: (await failedWebhookDelivery(fx.org.id, SLACK_URL)).id },
  }),
  "GET /api/developer-webhooks": async ({ fx }) => {
    await sentDeveloperDelivery(fx.org.id, DEVELOPER_HOOK_URL);
    return {};
  },
  "POST /api/developer-webhooks": async () => ({
    body: { name: "Warehouse", url: DEVELOPER_HOOK_URL, events: ["share.created"] },
  }),
  "PATCH /api/developer-webhooks/[id]": async ({ fx }) => ({
    params: { id: (await createDeveloperWebhookRow(fx.org.id, DEVELOPER_HOOK_URL)).id },
    body: { active: false },
  }),
  "DELETE /api/developer-webhooks/[id]": async ({ fx }) => ({
    params: { id: (await createDeveloperWebhookRow(fx.org.id, DEVELOPER_HOOK_URL)).id },
  }),
  "POST /api/developer-webhooks/deliveries/[id]/replay": async ({ fx }) => ({
    params: { id: (await sentDeveloperDelivery(fx.org.id, DEVELOPER_HOOK_URL)).id },
  }),
  "GET /api/connectors": async ({ fx }) => {
    await createConnection(adminAccess(fx), {
      kind: "webhook",
      name: "CRM",
      config: { mapping: CONNECTOR_MAPPING },
    });
    return {};
  },
  "POST /api/connectors": async () => ({
    body: {
      kind: "webhook",
      name: `CRM ${randomString(4)}`,
      config: { mapping: CONNECTOR_MAPPING },
    },
  }),
  "PATCH /api/connectors/[id]": async ({ fx }) => ({
    params: { id: (await webhookConnection(fx)).connection.id },
    body: { name: "Renamed" },
  }),
  "DELETE /api/connectors/[id]": async ({ fx }) => ({
    params: { id: (await webhookConnection(fx)).connection.id },
  }),
  "POST /api/connectors/[id]/sync": async ({ fx }) => {
    // One Greenhouse connection per organisation: every column syncs the same one.
    const existing = await getDb().connectorConnection.findFirst({
      where: { orgId: fx.org.id, kind: "GREENHOUSE" },
      select: { id: true },
    });
    const id =
      existing?.id ??
      (
        await createConnection(adminAccess(fx), {
          kind: "greenhouse",
          name: "ATS",
          token: "harvest-key-0123456789",
          intervalMinutes: 15,
          config: { clickIdField: "chorus_click_id" },
        })
      ).connection.id;
    return { params: { id } };
  },
  "POST /api/connectors/preview": async () => ({
    body: { mapping: CONNECTOR_MAPPING, payload: { id: "1", click: "clk_x" } },
  }),
  "POST /api/inbound/[id]": async ({ fx }) => {
    const { connection, secret } = await webhookConnection(fx);
    return {
      params: { id: connection.id },
      body: { id: `evt-${randomString(8)}`, click: "clk_unknown" },
      headers: { authorization: `Bearer ${secret}` },
    };
  },
  "GET /api/api-keys": async ({ fx }) => {
    await createApiKey(adminAccess(fx), { name: "Website", kind: "secret" });
    return {};
  },
  "POST /api/api-keys": async () => ({ body: { name: `Key ${randomString(4)}`, kind: "secret" } }),
  "DELETE /api/api-keys/[id]": async ({ fx }) => {
    const { apiKey } = await createApiKey(adminAccess(fx), { name: "Old", kind: "publishable" });
    return { params: { id: apiKey.id } };
  },
  // One token per arrangement: a row's five columns make at most five, the organisation's cap.
  "GET /api/scim-tokens": async ({ fx }) => {
    await createScimToken(adminAccess(fx), { name: "Okta" });
    return {};
  },
  "POST /api/scim-tokens": async () => ({ body: { name: `Okta ${randomString(4)}` } }),
  "DELETE /api/scim-tokens/[id]": async ({ fx }) => {
    const { scimToken } = await createScimToken(adminAccess(fx), { name: "Old" });
    return { params: { id: scimToken.id } };
  },

  // ── SCIM (a SCIM token, never a session) ─────────────────────────────────────────────────
  // The role columns send a session cookie and no token; the SCIM rule is checked on its own.
  "POST /scim/v2/Users": async () => ({
    path: "/scim/v2/Users",
    body: { userName: `scim-${randomString(8).toLowerCase()}@test.example`, active: true },
  }),
  "PUT /scim/v2/Users/[id]": async ({ fx }) => ({
    path: `/scim/v2/Users/${fx.employee.membership.id}`,
    params: { id: fx.employee.membership.id },
    body: { userName: fx.employee.user.email, displayName: `Renamed ${randomString(4)}` },
  }),
  "PATCH /scim/v2/Users/[id]": async ({ fx }) => ({
    path: `/scim/v2/Users/${fx.employee.membership.id}`,
    params: { id: fx.employee.membership.id },
    body: { Operations: [{ op: "Replace", path: "active", value: "False" }] },
  }),
  "DELETE /scim/v2/Users/[id]": async ({ fx }) => ({
    path: `/scim/v2/Users/${fx.employee.membership.id}`,
    params: { id: fx.employee.membership.id },
  }),
  "POST /scim/v2/Groups": async () => ({
    path: "/scim/v2/Groups",
    body: { displayName: `Group ${randomString(6)}`, members: [] },
  }),
  "PUT /scim/v2/Groups/[id]": async ({ fx }) => ({
    path: `/scim/v2/Groups/${fx.teamA.id}`,
    params: { id: fx.teamA.id },
    body: { displayName: `Group ${randomString(6)}`, members: [] },
  }),
  "PATCH /scim/v2/Groups/[id]": async ({ fx }) => ({
    path: `/scim/v2/Groups/${fx.teamA.id}`,
    params: { id: fx.teamA.id },
    body: {
      // The manager: the employee is the one the Users rows deactivate and delete.
      Operations: [{ op: "add", path: "members", value: [{ value: fx.manager.membership.id }] }],
    },
  }),
  "DELETE /scim/v2/Groups/[id]": async ({ fx }) => ({
    path: `/scim/v2/Groups/${fx.teamB.id}`,
    params: { id: fx.teamB.id },
  }),

  "GET /api/audit": async () => ({ path: "/api/audit" }),
  "GET /api/audit/export": async () => ({ path: "/api/audit/export" }),
  "GET /api/analytics/export": async () => ({ path: "/api/analytics/export?table=advocates" }),

  // ── Public API ────────────────────────────────────────────────────────────────────────────
  // The role columns send a session cookie and no key; the key rule is checked on its own.
  "POST /api/v1/conversions": async ({ fx }) => {
    const share = await createShareRow(fx.org.id, fx.employee);
    return { body: { shareCode: share.code, outcome: "signup" } };
  },

  // ── Auth.js ───────────────────────────────────────────────────────────────────────────────
  "POST /api/auth/[...nextauth]": async () => {
    // Sign-out with Auth.js's own CSRF token (double submit: its cookie and the form field).
    const csrf = await authCsrf();
    return {
      path: "/api/auth/signout",
      params: { nextauth: ["signout"] },
      rawBody: new URLSearchParams({ csrfToken: csrf.token }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-extra-cookie": csrf.cookie,
      },
    };
  },
};

/** A read-scoped API key of the organisation (the read API's GETs; one per organisation). */
const readKeys = new Map<string, Promise<string>>();
function readKey(fx: OrgFixture): Promise<string> {
  if (!readKeys.has(fx.org.id)) {
    readKeys.set(
      fx.org.id,
      createApiKey(adminAccess(fx), { name: "Read", kind: "secret", access: ["read"] }).then(
        (created) => created.key,
      ),
    );
  }
  return readKeys.get(fx.org.id)!;
}

/** A CSRF token of Auth.js and the cookie it goes with. */
async function authCsrf(): Promise<{ token: string; cookie: string }> {
  const { GET } = await import("@/app/api/auth/[...nextauth]/route");
  const res = await GET(
    new (await import("next/server")).NextRequest("http://chorus.test/api/auth/csrf", {
      headers: { host: "chorus.test" },
    }),
  );
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return { token: csrfToken, cookie };
}

/**
 * The organisation's SCIM token for the SCIM rows, made once per organisation (an organisation
 * holds at most five active tokens, and every SCIM read or write of a suite shares this one).
 */
const scimTokens = new Map<string, Promise<string>>();
export async function scimAuthorization(fx: OrgFixture): Promise<Record<string, string>> {
  if (!scimTokens.has(fx.org.id)) {
    scimTokens.set(
      fx.org.id,
      createScimToken(adminAccess(fx), { name: "Suite" }).then((t) => t.token),
    );
  }
  return { authorization: `Bearer ${await scimTokens.get(fx.org.id)!}` };
}

/** The SCIM reads, with the organisation's SCIM token — only the secrets suite calls these. */
export const ARRANGE_SCIM_GET: Record<string, (fx: OrgFixture) => Promise<Arranged>> = {
  "GET /scim/v2/Users": async (fx) => ({
    path: "/scim/v2/Users?startIndex=1&count=50",
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/Users/[id]": async (fx) => ({
    path: `/scim/v2/Users/${fx.employee.membership.id}`,
    params: { id: fx.employee.membership.id },
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/Groups": async (fx) => ({
    path: "/scim/v2/Groups",
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/Groups/[id]": async (fx) => ({
    path: `/scim/v2/Groups/${fx.teamA.id}`,
    params: { id: fx.teamA.id },
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/ServiceProviderConfig": async (fx) => ({
    path: "/scim/v2/ServiceProviderConfig",
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/ResourceTypes": async (fx) => ({
    path: "/scim/v2/ResourceTypes",
    headers: await scimAuthorization(fx),
  }),
  "GET /scim/v2/Schemas": async (fx) => ({
    path: "/scim/v2/Schemas",
    headers: await scimAuthorization(fx),
  }),
};

/** The request for public (and token) GETs — only the secrets suite calls these. */
export const ARRANGE_PUBLIC_GET: Record<string, (fx: OrgFixture) => Promise<Arranged>> = {
  "GET /[code]": async (fx) => {
    const share = await createShareRow(fx.org.id, fx.employee);
    return { path: `/${share.code}`, params: { code: share.code } };
  },
  "GET /chorus.js": async () => ({ path: "/chorus.js" }),
  "GET /serwist/[path]": async () => ({ path: "/serwist/sw.js", params: { path: "sw.js" } }),
  "GET /api/health": async () => ({ path: "/api/health" }),
  "GET /api/metrics": async () => ({
    path: "/api/metrics",
    headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` },
  }),
  "GET /api/v1/openapi.json": async () => ({ path: "/api/v1/openapi.json" }),
  ...Object.fromEntries(
    [
      "/api/v1/items",
      "/api/v1/shares",
      "/api/v1/members",
      "/api/v1/teams",
      "/api/v1/stats/daily",
      "/api/v1/conversions",
      "/api/v1/campaigns",
    ].map((path) => [
      `GET ${path}`,
      async (fx: OrgFixture): Promise<Arranged> => ({
        path: `${path}?limit=200`,
        headers: { authorization: `Bearer ${await readKey(fx)}` },
      }),
    ]),
  ),
  "GET /api/files/[...key]": async (fx) => {
    const item = await draftItem(fx);
    await addContentImage(
      adminAccess(fx),
      { itemId: item.id },
      { bytes: new Uint8Array(PNG), declaredType: "image/png", alt: "Panels" },
    );
    const image = await getDb().contentImage.findFirstOrThrow({ where: { itemId: item.id } });
    return {
      path: `/api/files/${image.storageKey}`,
      params: { key: image.storageKey.split("/") },
    };
  },
  "GET /api/sso/[slug]/saml/metadata": async (fx) => ({
    path: `/api/sso/${fx.org.slug}/saml/metadata`,
    params: { slug: fx.org.slug },
  }),
  "GET /api/sso/[slug]/saml/login": async (fx) => ({
    path: `/api/sso/${fx.org.slug}/saml/login`,
    params: { slug: fx.org.slug },
  }),
  "GET /api/sso/[slug]/oidc/login": async (fx) => ({
    path: `/api/sso/${fx.org.slug}/oidc/login`,
    params: { slug: fx.org.slug },
  }),
  "GET /api/sso/[slug]/oidc/callback": async (fx) => ({
    path: `/api/sso/${fx.org.slug}/oidc/callback?code=x&state=y`,
    params: { slug: fx.org.slug },
  }),
  "GET /api/email/unsubscribe": async (fx) => {
    const token = createUnsubscribeToken(fx.employee.user.id, "digest");
    return { path: `/api/email/unsubscribe?token=${encodeURIComponent(token)}` };
  },
};

/** Auth.js GET endpoints that answer JSON (the secrets suite reads each). */
export const AUTH_GET_PATHS = ["session", "providers", "csrf"];

function imageFormFile(): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PNG)], "logo.png", { type: "image/png" }));
  return form;
}

/** A stage approvers by role (the org's admins), straight in the database, last in the chain. */
async function newStage(fx: OrgFixture) {
  const db = getDb();
  const position = await db.approvalStage.count({ where: { orgId: fx.org.id } });
  return db.approvalStage.create({
    data: { id: createId("apg"), orgId: fx.org.id, name: "Comms", position, roles: ["ADMIN"] },
  });
}

async function newTeam(fx: OrgFixture) {
  const { createTeam } = await import("../../support/factories");
  return createTeam(fx.org.id);
}

async function newTopic(fx: OrgFixture) {
  const { createTopic } = await import("../../support/factories");
  return createTopic(fx.org.id);
}

async function newSource(fx: OrgFixture) {
  return getDb().contentSource.create({
    data: {
      id: createId("src"),
      orgId: fx.org.id,
      name: "Blog",
      url: `https://feeds.chorus.test/${randomString(8)}.xml`,
    },
  });
}

async function newSourceEntry(fx: OrgFixture) {
  const source = await newSource(fx);
  return getDb().sourceEntry.create({
    data: {
      id: createId("sen"),
      orgId: fx.org.id,
      sourceId: source.id,
      dedupeKey: `url:${randomString(8)}`,
      url: `https://blog.chorus.test/${randomString(8)}`,
      title: "Lisbon office opens",
      summary: "Our new home by the river.",
    },
  });
}

async function newLocation(fx: OrgFixture) {
  const { createLocation } = await import("../../support/factories");
  return createLocation(fx.org.id);
}

// ─── Server actions ──────────────────────────────────────────────────────────────────────────────

/** What a server action did: the state it returned, the redirect it threw, or another throw. */
export type ActionOutcome =
  | { kind: "state"; state: { status: string; message?: string } }
  | { kind: "redirect"; to: string }
  | { kind: "threw"; error: unknown };

export interface ArrangedAction {
  /** The form the page would post. */
  form: FormData;
  /** After an allowed call: what the action should have done and did not (empty: it did). */
  effect: (outcome: ActionOutcome) => Promise<string[]>;
}

type ArrangeAction = (ctx: ArrangeContext) => Promise<ArrangedAction>;

const SESSION_COOKIE = "authjs.session-token";

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

function describeOutcome(outcome: ActionOutcome): string {
  if (outcome.kind === "redirect") return `a redirect to ${outcome.to}`;
  if (outcome.kind === "state") return `the state ${JSON.stringify(outcome.state).slice(0, 200)}`;
  return `a throw: ${String(outcome.error).slice(0, 200)}`;
}

/** A redirect whose target passes `ok`. */
function redirected(outcome: ActionOutcome, what: string, ok: (to: string) => boolean): string[] {
  return outcome.kind === "redirect" && ok(outcome.to)
    ? []
    : [`expected a redirect ${what}, got ${describeOutcome(outcome)}`];
}

/** The session cookie the request carried (before the action ran). */
function sentSession(): string | undefined {
  const header = requestContext.headers.get("cookie") ?? "";
  return header
    .split(/;\s*/)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
}

/** A new session cookie the action set, for `userId` (Auth.js's encrypted JWT, decoded). */
async function newSessionFor(userId: string): Promise<string[]> {
  const cookie = requestContext.cookies.get(SESSION_COOKIE);
  if (!cookie?.value || isCleared(cookie) || cookie.value === sentSession()) {
    return ["no new session cookie was set"];
  }
  const { decode } = await import("next-auth/jwt");
  const token = await decode({
    token: cookie.value,
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return token?.uid === userId ? [] : [`the new session is for ${String(token?.uid)}`];
}

async function adminMemberships(userId: string): Promise<string[]> {
  const rows = await getDb().membership.findMany({
    where: { userId, role: "ADMIN" },
    select: { orgId: true },
  });
  return rows.map((r) => r.orgId);
}

/** An unverified email domain claimed by the organisation (SSO). */
async function newSsoDomain(orgId: string): Promise<string> {
  const row = await getDb().orgSsoDomain.create({
    data: {
      id: createId("ssod"),
      orgId,
      domain: `m-${randomString(10).toLowerCase()}.example`,
      verificationToken: randomString(20),
    },
  });
  return row.id;
}

/** For each server action of the matrix: the form that would succeed, and what success leaves. */
export const ARRANGE_ACTION: Record<string, ArrangeAction> = {
  "ACTION (auth)/actions.ts#signInAction": async ({ actor }) => ({
    form: formOf({ email: actor.user.email, password: TEST_PASSWORD, callbackUrl: "/feed" }),
    effect: async (outcome) => [
      ...redirected(outcome, "to /feed", (to) => to === "/feed" || to.endsWith("chorus.test/feed")),
      ...(await newSessionFor(actor.user.id)),
    ],
  }),

  "ACTION (auth)/actions.ts#signUpAction": async () => {
    const email = uniqueEmail("signup");
    const organizationName = `Org ${randomString(6)}`;
    return {
      form: formOf({
        name: "New Person",
        email,
        password: "a-long-password-1",
        organizationName,
        callbackUrl: "/feed",
        invitationToken: "",
      }),
      effect: async (outcome) => {
        const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
        if (!user) return [`no account for ${email} (${describeOutcome(outcome)})`];
        const orgs = await getDb().organization.findMany({
          where: { id: { in: await adminMemberships(user.id) } },
          select: { name: true },
        });
        return [
          ...redirected(outcome, "after sign-up", (to) => !/signin|error=/.test(to)),
          ...(orgs.some((o) => o.name === organizationName)
            ? []
            : [`${email} is no admin of a new "${organizationName}"`]),
          ...(await newSessionFor(user.id)),
        ];
      },
    };
  },

  "ACTION (auth)/actions.ts#ssoSignInAction": async () => ({
    form: formOf({ provider: "oidc", callbackUrl: "/feed" }),
    effect: async (outcome) => {
      const issuer = env().oidc.issuer;
      return redirected(outcome, `to the identity provider ${issuer}`, (to) => {
        const url = new URL(to, TEST_ORIGIN);
        return (
          url.origin === issuer && url.searchParams.get("client_id") === env().oidc.clients.sso.id
        );
      });
    },
  }),

  "ACTION (auth)/actions.ts#ssoDiscoverAction": async ({ fx }) => {
    const domain = `sso-${randomString(10).toLowerCase()}.example`;
    const saml = {
      protocol: "saml",
      samlIdpEntityId: "https://idp.example/metadata",
      samlIdpSsoUrl: "https://idp.example/sso",
      samlIdpCerts: [samlKey("idp-old").cert],
    };
    await getDb().orgSsoConnection.upsert({
      where: { orgId: fx.org.id },
      create: { orgId: fx.org.id, ...saml },
      update: saml,
    });
    await getDb().orgSsoDomain.create({
      data: {
        id: createId("ssod"),
        orgId: fx.org.id,
        domain,
        verificationToken: randomString(20),
        verifiedAt: new Date(),
        verifiedBy: "admin",
      },
    });
    return {
      form: formOf({ workEmail: `someone@${domain}` }),
      effect: async (outcome) =>
        redirected(outcome, "to the organisation's identity provider", (to) => {
          const url = new URL(to);
          return url.origin === "https://idp.example" && url.searchParams.has("SAMLRequest");
        }),
    };
  },

  "ACTION (auth)/actions.ts#signOutAction": async () => ({
    form: new FormData(),
    effect: async (outcome) => [
      ...redirected(outcome, "to /signin", (to) => new URL(to, TEST_ORIGIN).pathname === "/signin"),
      // Someone signed in leaves without a session; without one there is nothing to end.
      ...(sentSession() && !isCleared(requestContext.cookies.get(SESSION_COOKIE))
        ? ["the session cookie was not cleared"]
        : []),
    ],
  }),

  "ACTION (auth)/forgot-password/actions.ts#requestPasswordResetAction": async ({ actor }) => {
    const since = new Date();
    return {
      form: formOf({ email: actor.user.email }),
      effect: async (outcome) => {
        const made = await getDb().passwordResetToken.count({
          where: { userId: actor.user.id, createdAt: { gte: since } },
        });
        const said = outcome.kind === "state" ? outcome.state : null;
        return [
          ...(said?.status === "ok" && said.message === PASSWORD_RESET_REQUESTED_MESSAGE
            ? []
            : [`expected the neutral answer, got ${describeOutcome(outcome)}`]),
          ...(made === 1 ? [] : [`${made} reset links were made for ${actor.user.email}`]),
        ];
      },
    };
  },

  "ACTION (auth)/reset-password/actions.ts#resetPasswordAction": async ({ actor }) => {
    // The link from the email: only its SHA-256 is stored (as requestPasswordReset leaves it).
    const { token, tokenHash } = newPasswordResetToken();
    const id = `pwr_${randomString(16)}`;
    await getDb().passwordResetToken.create({
      data: { id, userId: actor.user.id, tokenHash, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const before = await getDb().user.findUniqueOrThrow({
      where: { id: actor.user.id },
      select: { passwordHash: true, sessionVersion: true },
    });
    const password = `new-password-${randomString(6)}`;
    return {
      form: formOf({ token, password, confirmPassword: password }),
      effect: async (outcome) => {
        const after = await getDb().user.findUniqueOrThrow({
          where: { id: actor.user.id },
          select: { passwordHash: true, sessionVersion: true },
        });
        const link = await getDb().passwordResetToken.findUnique({ where: { id } });
        return [
          ...redirected(outcome, "to /signin?reset=done", (to) =>
            to.endsWith("/signin?reset=done"),
          ),
          ...(after.passwordHash !== before.passwordHash ? [] : ["the password did not change"]),
          ...(after.sessionVersion > before.sessionVersion ? [] : ["the sessions did not end"]),
          ...(link?.usedAt ? [] : ["the link was not used up"]),
        ];
      },
    };
  },

  "ACTION (auth)/welcome/actions.ts#createOrganizationAction": async ({ actor }) => {
    const organizationName = `Own org ${randomString(5)}`;
    const before = await adminMemberships(actor.user.id);
    return {
      form: formOf({ organizationName }),
      effect: async (outcome) => {
        const made = (await adminMemberships(actor.user.id)).filter((id) => !before.includes(id));
        const orgs = await getDb().organization.findMany({
          where: { id: { in: made } },
          select: { name: true },
        });
        return [
          ...redirected(outcome, "to /", (to) => new URL(to, TEST_ORIGIN).pathname === "/"),
          ...(orgs.length === 1 && orgs[0]!.name === organizationName
            ? []
            : [`expected one new organisation "${organizationName}" with them as admin`]),
        ];
      },
    };
  },
};
