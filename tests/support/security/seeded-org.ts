/**
 * A fully seeded organisation for the security suites (tenant isolation, role matrix, bad input,
 * secrets in responses): a row in every organisation-owned model, made through the app's own lib
 * functions where that is practical (content items, suggestions, API keys, invitations — so hashes,
 * captions, transitions and audit entries are real) and through Prisma otherwise.
 *
 * Usage (the API is stable; add to it, don't rename):
 *
 *   const org = await createSeededOrg();
 *   org.org.id                      // the organisation (id, name, slug, timeZone, logoUrl)
 *   org.users.ADMIN.id              // users by role: ADMIN, MANAGER, EMPLOYEE, DEACTIVATED
 *   org.users.MANAGER.membershipId  //   (each: id, email, name, membershipId, handle)
 *   org.access("ADMIN")             // the `Access` a route handler would receive for that member
 *   org.ids.ContentItem[0]          // every id by Prisma model name (only models with an `id`),
 *   org.ids["User.handle"]          //   plus "User.handle": the members' /people/<handle> handles
 *   org.named.publishedItem         // ids picked by what they are (see `SeededNames`)
 *   org.teams.managed / .other      // the manager manages `managed`, not `other`
 *   org.secrets.secretApiKey        // raw keys and codes that only exist at creation time
 *   org.files.suggestionPhoto       // storage keys of stored files (private suggestion photo…)
 *
 *   const before = await checksumOrg(org.org.id);   // md5 over every row the organisation owns
 *   …
 *   expect((await checksumOrg(org.org.id)).total).toBe(before.total);
 *
 * The failed email delivery's content is a queued email-send job (pg-boss, started without workers,
 * due in 30 days): call `stopBoss()` when done. Stored files go to `getStorage()`; set `UPLOADS_DIR` to a folder of the test before the first
 * use of `env()` (this module sets it to a fresh temporary folder when nothing set it).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { createScimToken } from "@/lib/domains/scim/create-scim-token";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { createSuggestion } from "@/lib/domains/suggestions/create-suggestion";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import { newClickId } from "@/lib/domains/tracking/click-id";
import { sendJob } from "@/lib/core/jobs/send-job";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { createStorageKey, fileUrl } from "@/lib/integrations/storage/storage-key";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { ContentStatus, Role } from "@/lib/generated/prisma/enums";
import { addMember, createOrganization, createTeam } from "../factories";
import { contentInput } from "../content";

process.env.UPLOADS_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "chorus-seeded-org-"));

/** A real 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export type SeededRole = "ADMIN" | "MANAGER" | "EMPLOYEE" | "DEACTIVATED";

export interface SeededMember {
  id: string;
  email: string;
  name: string;
  membershipId: string;
  role: Role;
  handle: string;
}

/** Ids picked by what they are, for probes that need a record in a particular state. */
export interface SeededNames {
  draftItem: string;
  /** Another draft (publishing one and deleting another both have one to act on). */
  secondDraftItem: string;
  inReviewItem: string;
  publishedItem: string;
  /** Published, aimed at the `other` team only (not at the manager's team). */
  teamOnlyItem: string;
  archivedItem: string;
  /** An image of `draftItem`. */
  draftItemImage: string;
  pendingSuggestion: string;
  /** Another pending suggestion (accepting one and rejecting another both have one to act on). */
  secondPendingSuggestion: string;
  /** The pending suggestion's private photo (ContentImage id). */
  suggestionPhoto: string;
  acceptedSuggestion: string;
  rejectedSuggestion: string;
  sharedShare: string;
  scheduledShare: string;
  failedShare: string;
  postedShare: string;
  clickEvent: string;
  conversion: string;
  secretApiKey: string;
  publishableApiKey: string;
  revokedApiKey: string;
  webhook: string;
  failedWebhookDelivery: string;
  sentWebhookDelivery: string;
  developerWebhook: string;
  sentDeveloperDelivery: string;
  failedDeveloperDelivery: string;
  failedEmailDelivery: string;
  sentEmailDelivery: string;
  /** An unread notification of the admin, one of the employee. */
  adminNotification: string;
  employeeNotification: string;
  emailInvitation: string;
  linkInvitation: string;
  linkedinConnection: string;
  location: string;
  otherLocation: string;
  /** A topic the published item carries and the employee follows. */
  topic: string;
  /** A running campaign of the published and team-only items, both teams competing. */
  campaign: string;
}

export interface SeededOrg {
  org: { id: string; name: string; slug: string; timeZone: string; logoUrl: string | null };
  users: Record<SeededRole, SeededMember>;
  teams: { managed: string; other: string };
  /** Every id by Prisma model name (models with an `id` column), and "User.handle". */
  ids: Record<string, string[]>;
  named: SeededNames;
  secrets: {
    secretApiKey: string;
    publishableApiKey: string;
    invitationToken: string;
    scimToken: string;
  };
  /** Storage keys (GET /api/files/<key>). */
  files: { logo: string; contentImage: string; suggestionPhoto: string };
  /** Share codes (tracked links /<code>) by share status. */
  codes: { shared: string; posted: string };
  access(role: SeededRole): Access;
}

function days(n: number): Date {
  return new Date(Date.now() + n * 86_400_000);
}

/** Builds one organisation with a row in every organisation-owned model. Takes ~1 s. */
export async function createSeededOrg(name = `Seeded ${randomString(6)}`): Promise<SeededOrg> {
  const db = getDb();
  const storage = getStorage();
  const base = await createOrganization(name);
  const logoKey = createStorageKey(["logos", base.id], "png");
  await storage.put(logoKey, PNG_BYTES, "image/png");
  const org = await db.organization.update({
    where: { id: base.id },
    data: { logoUrl: fileUrl(logoKey) },
    select: { id: true, name: true, slug: true, timeZone: true, logoUrl: true },
  });
  await db.orgSettings.create({ data: { orgId: org.id, disclosureText: null } });

  // People, teams, locations.
  const managed = await createTeam(org.id, `Managed ${randomString(4)}`);
  const other = await createTeam(org.id, `Other ${randomString(4)}`);
  const location = await db.location.create({
    data: { id: createId("loc"), orgId: org.id, name: `Berlin ${randomString(4)}` },
  });
  const otherLocation = await db.location.create({
    data: { id: createId("loc"), orgId: org.id, name: `Lisbon ${randomString(4)}` },
  });
  const made = {
    ADMIN: await addMember(org.id, "ADMIN", { teamIds: [managed.id] }),
    MANAGER: await addMember(org.id, "MANAGER", { teamIds: [managed.id], manages: [managed.id] }),
    EMPLOYEE: await addMember(org.id, "EMPLOYEE", { teamIds: [managed.id] }),
    DEACTIVATED: await addMember(org.id, "EMPLOYEE", {
      status: "DEACTIVATED",
      teamIds: [other.id],
    }),
  };
  // Someone in the other team, so that team has members the manager must not see.
  const colleague = await addMember(org.id, "EMPLOYEE", { teamIds: [other.id] });
  await db.membership.updateMany({
    where: { id: { in: [made.EMPLOYEE.membership.id, colleague.membership.id] } },
    data: { locationId: location.id },
  });
  await db.user.update({
    where: { id: made.EMPLOYEE.user.id },
    data: { networkSize: 800, headline: "Engineer" },
  });
  await db.account.create({
    data: {
      id: createId("acc"),
      userId: made.ADMIN.user.id,
      provider: "oidc",
      providerAccountId: `sub-${randomString(12)}`,
    },
  });

  const users = Object.fromEntries(
    Object.entries(made).map(([role, m]) => [
      role,
      {
        id: m.user.id,
        email: m.user.email,
        name: m.user.name,
        membershipId: m.membership.id,
        role: m.membership.role,
        handle: m.membership.handle!,
      },
    ]),
  ) as Record<SeededRole, SeededMember>;

  const access = (role: SeededRole): Access => ({
    userId: users[role].id,
    orgId: org.id,
    membershipId: users[role].membershipId,
    role: users[role].role,
    user: { id: users[role].id, email: users[role].email, name: users[role].name, image: null },
    org,
  });
  const admin = access("ADMIN");

  // Content in every state, with captions, a translation, audiences, transitions and images.
  async function item(status: ContentStatus, audience = { all: true, teamIds: [] as string[] }) {
    const created = await createContentItem(
      admin,
      contentInput({
        audience: { ...audience, locationIds: audience.all ? [] : [location.id] },
        translations: [
          {
            language: "de",
            title: "Solarpark",
            body: "Unser Solarpark ist am Netz.",
            captions: [{ label: "kurz", text: "Unser Solarpark läuft!" }],
          },
        ],
      }),
    );
    if (status !== "DRAFT") {
      const live = status === "PUBLISHED" || status === "ARCHIVED";
      await db.contentItem.update({
        where: { id: created.id },
        data: { status, publishedAt: live ? days(-2) : null },
      });
      await db.contentTransition.create({
        data: {
          id: createId("ctt"),
          orgId: org.id,
          itemId: created.id,
          fromStatus: "DRAFT",
          toStatus: status,
          actorId: admin.userId,
        },
      });
    }
    return created.id;
  }
  const draftItem = await item("DRAFT");
  const secondDraftItem = await item("DRAFT");
  const inReviewItem = await item("IN_REVIEW");
  const publishedItem = await item("PUBLISHED");
  const teamOnlyItem = await item("PUBLISHED", { all: false, teamIds: [other.id] });
  const archivedItem = await item("ARCHIVED");
  const topic = await db.topic.create({
    data: { id: createId("top"), orgId: org.id, name: `Renewables ${randomString(4)}` },
  });
  await db.contentTopic.create({
    data: { orgId: org.id, itemId: publishedItem, topicId: topic.id },
  });
  await db.topicFollow.create({
    data: { orgId: org.id, membershipId: made.EMPLOYEE.membership.id, topicId: topic.id },
  });

  const source = await db.contentSource.create({
    data: {
      id: createId("src"),
      orgId: org.id,
      name: "Company blog",
      url: `https://feeds.chorus.test/${randomString(8)}.xml`,
      createdById: made.ADMIN.user.id,
      defaultTopicIds: [topic.id],
    },
  });
  // Two new entries: the tenant-isolation controls make a draft of one and dismiss the other.
  for (const status of ["NEW", "NEW", "DISMISSED"] as const) {
    await db.sourceEntry.create({
      data: {
        id: createId("sen"),
        orgId: org.id,
        sourceId: source.id,
        dedupeKey: `url:${randomString(10)}`,
        url: `https://blog.chorus.test/${randomString(8)}`,
        title: `Lisbon office opens (${status.toLowerCase()})`,
        status,
      },
    });
  }

  const contentImageKey = createStorageKey(["content", org.id], "png");
  await storage.put(contentImageKey, PNG_BYTES, "image/png");
  const draftItemImage = createId("img");
  await db.contentImage.create({
    data: {
      id: draftItemImage,
      orgId: org.id,
      itemId: draftItem,
      storageKey: contentImageKey,
      contentType: "image/png",
      bytes: PNG_BYTES.byteLength,
      alt: "A solar park",
    },
  });

  // Suggestions: pending (with a private photo), accepted (now an item), rejected.
  const employee = access("EMPLOYEE");
  const suggestion = (title: string) =>
    createSuggestion(employee, {
      title,
      body: "We planted 300 trees around the new substation last Friday.",
      linkUrl: null,
      valueType: "TOGETHERNESS",
    });
  const pendingSuggestion = (await suggestion("Tree planting")).id;
  const secondPendingSuggestion = (await suggestion("Bike to work week")).id;
  const acceptedSuggestion = (await suggestion("Volunteering day")).id;
  const rejectedSuggestion = (await suggestion("Lunch")).id;
  await db.suggestion.update({
    where: { id: acceptedSuggestion },
    data: {
      status: "ACCEPTED",
      itemId: archivedItem,
      reviewedById: admin.userId,
      reviewedAt: days(-1),
    },
  });
  await db.contentItem.update({
    where: { id: archivedItem },
    data: { originatorMembershipId: employee.membershipId },
  });
  await db.suggestion.update({
    where: { id: rejectedSuggestion },
    data: { status: "REJECTED", rejectionReason: "Not now", reviewedById: admin.userId },
  });
  const suggestionPhotoKey = createStorageKey(["suggestions", org.id], "png");
  await storage.put(suggestionPhotoKey, PNG_BYTES, "image/png");
  const suggestionPhoto = createId("img");
  await db.contentImage.create({
    data: {
      id: suggestionPhoto,
      orgId: org.id,
      suggestionId: pendingSuggestion,
      storageKey: suggestionPhotoKey,
      contentType: "image/png",
      bytes: PNG_BYTES.byteLength,
    },
  });

  // Shares in every status, by the employee, with clicks, conversions and rollups.
  async function share(
    status: "SHARED" | "SCHEDULED" | "FAILED" | "POSTED",
    itemId = publishedItem,
  ) {
    const id = createId("shr");
    const code = newShareCode();
    const api = status !== "SHARED";
    await db.share.create({
      data: {
        id,
        orgId: org.id,
        itemId,
        membershipId: employee.membershipId,
        userId: employee.userId,
        code,
        channel: api ? "LINKEDIN_API" : "COPY",
        status,
        text: "My own words about our new solar park, which I helped build.",
        language: "en",
        authenticity: 0.8,
        destinationUrl: `https://fernhill.example/news?utm_content=${code}`,
        networkSize: 800,
        scheduledAt: status === "SCHEDULED" ? days(2) : null,
        publishJobId: status === "SCHEDULED" ? randomUUID() : null,
        postedAt: status === "POSTED" ? days(-1) : null,
        linkedinPostId: status === "POSTED" ? `urn:li:share:${randomString(10)}` : null,
        error: status === "FAILED" ? "LinkedIn answered 500." : null,
        publishAttempts: status === "FAILED" ? 3 : status === "POSTED" ? 1 : 0,
      },
    });
    return { id, code };
  }
  const shared = await share("SHARED");
  const scheduled = await share("SCHEDULED");
  const failed = await share("FAILED");
  const posted = await share("POSTED", teamOnlyItem);

  // A share-later reminder of the employee's, waiting for its time (its job is not needed here).
  await db.shareReminder.create({
    data: {
      id: createId("rem"),
      orgId: org.id,
      membershipId: employee.membershipId,
      userId: employee.userId,
      itemId: publishedItem,
      network: "X",
      text: "My own words about our new solar park, to share tonight.",
      language: "en",
      remindAt: days(1),
    },
  });

  // AI assistance switched on, and one recorded call of the employee's ("in my words").
  await db.aiSettings.create({
    data: { orgId: org.id, enabled: true, monthlyTokenBudget: 50_000 },
  });
  await db.aiCall.create({
    data: {
      id: createId("aic"),
      orgId: org.id,
      userId: employee.userId,
      membershipId: employee.membershipId,
      feature: "my_words",
      itemId: publishedItem,
      status: "ok",
      promptTokens: 120,
      completionTokens: 40,
      totalTokens: 160,
      output: "This week I helped connect our new solar park to the grid.",
    },
  });

  const clickEvent = newClickId();
  await db.clickEvent.create({
    data: {
      id: clickEvent,
      orgId: org.id,
      shareId: shared.id,
      at: days(-1),
      isBot: false,
      visitorKey: randomString(32),
      device: "desktop",
      browser: "Firefox",
      referrerHost: "www.linkedin.com",
    },
  });
  const conversion = createId("cnv");
  await db.conversion.create({
    data: {
      id: conversion,
      orgId: org.id,
      shareId: shared.id,
      clickId: clickEvent,
      outcome: "SIGNUP",
      value: "49.90",
      currency: "EUR",
      occurredAt: days(-1),
    },
  });
  const day = new Date(`${days(-1).toISOString().slice(0, 10)}T00:00:00Z`);
  await db.shareDailyStats.create({
    data: {
      shareId: shared.id,
      day,
      orgId: org.id,
      itemId: publishedItem,
      membershipId: employee.membershipId,
      clicks: 1,
      humanClicks: 1,
      uniqueVisits: 1,
      conversions: 1,
      signups: 1,
      conversionValue: "49.90",
    },
  });

  // Recognition: the ledger's points of that share, the badge definitions and one award.
  await db.pointsAward.create({
    data: {
      id: createId("shr").replace("shr_", "pts_"),
      orgId: org.id,
      membershipId: employee.membershipId,
      shareId: shared.id,
      reason: "SHARE",
      day,
      points: 10,
    },
  });
  // An approval stage (PATCH/DELETE /api/settings/approval-stages/[id]).
  // (Stages apply only while approval is required: this organisation's workflow stays one-step.)
  const stage = await db.approvalStage.create({
    data: { id: createId("apg"), orgId: org.id, name: "Comms", position: 0, roles: ["ADMIN"] },
  });
  await db.approvalStageApprover.create({
    data: { stageId: stage.id, orgId: org.id, userId: admin.userId },
  });
  await db.contentApprovalStep.create({
    data: {
      id: createId("cas"),
      orgId: org.id,
      itemId: publishedItem,
      round: 1,
      kind: "submitted",
      stageId: stage.id,
      stageName: stage.name,
      stageNumber: 1,
      stageCount: 1,
      actorId: admin.userId,
    },
  });
  await ensureDefaultBadges([org.id]); // badge definitions (PATCH /api/badges/[id])
  const badge = await db.badgeDefinition.findFirstOrThrow({ where: { orgId: org.id } });
  await db.badgeAward.create({
    data: {
      id: createId("shr").replace("shr_", "bda_"),
      orgId: org.id,
      membershipId: employee.membershipId,
      badgeId: badge.id,
      shareId: shared.id,
    },
  });
  // API keys (secret, publishable, revoked), webhooks and deliveries, emails, notifications.
  const secretKey = await createApiKey(admin, { name: "Website", kind: "secret" });
  const publishableKey = await createApiKey(admin, { name: "Snippet", kind: "publishable" });
  const revokedKey = await createApiKey(admin, { name: "Old", kind: "secret" });
  await db.apiKey.update({ where: { id: revokedKey.apiKey.id }, data: { revokedAt: days(-1) } });
  const scimToken = await createScimToken(admin, { name: "Okta" });

  const webhook = createId("whk");
  await db.webhookEndpoint.create({
    data: {
      id: webhook,
      orgId: org.id,
      kind: "SLACK",
      name: "#advocacy",
      url: encryptSecret(`https://hooks.slack.com/services/T000/B000/${randomString(24)}`),
      urlHost: "hooks.slack.com",
      createdById: admin.userId,
    },
  });
  const delivery = (status: "FAILED" | "SENT") =>
    db.webhookDelivery.create({
      data: {
        id: createId("whd"),
        orgId: org.id,
        endpointId: webhook,
        event: "content.published",
        payload: { text: "A new post is ready to share." },
        status,
        attempts: status === "FAILED" ? 5 : 1,
        responseStatus: status === "FAILED" ? 500 : 200,
        lastError: status === "FAILED" ? "Slack answered 500." : null,
        deliveredAt: status === "SENT" ? days(-1) : null,
      },
      select: { id: true },
    });
  // An outcome connector (HubSpot; its token encrypted) and one record it imported as the conversion.
  const connector = createId("con");
  await db.connectorConnection.create({
    data: {
      id: connector,
      orgId: org.id,
      kind: "HUBSPOT",
      name: "HubSpot",
      secret: encryptSecret(`pat-eu1-${randomString(24)}`),
      config: { clickIdProperty: "chorus_click_id" },
      cursor: { contacts: Date.now() - 86_400_000 },
      lastSyncAt: days(-1),
      createdById: admin.userId,
    },
  });
  await db.connectorRecord.create({
    data: {
      id: createId("cnr"),
      orgId: org.id,
      connectionId: connector,
      source: "hubspot:contact",
      externalId: randomString(8),
      outcome: "LEAD",
      status: "MATCHED",
      conversionId: conversion,
    },
  });
  // Single sign-on: an OIDC connection (its client secret encrypted) and two claimed email
  // domains, one verified (POST /api/org/sso/domains/[id]/verify, DELETE …/[id]).
  await db.orgSsoConnection.create({
    data: {
      orgId: org.id,
      oidcIssuer: "https://idp.example",
      oidcClientId: `client-${randomString(8)}`,
      oidcClientSecret: encryptSecret(`oidc-secret-${randomString(24)}`),
    },
  });
  for (const verified of [true, false]) {
    await db.orgSsoDomain.create({
      data: {
        id: createId("ssod"),
        orgId: org.id,
        domain: `seed-${randomString(10).toLowerCase()}.example`,
        verificationToken: randomString(24),
        verifiedAt: verified ? days(-1) : null,
        verifiedBy: verified ? "dns" : null,
      },
    });
  }
  const failedWebhookDelivery = (await delivery("FAILED")).id;
  const sentWebhookDelivery = (await delivery("SENT")).id;
  // A developer webhook (URL and signing secret encrypted) with a delivered and a failed message.
  const developerWebhook = createId("dwh");
  await db.developerWebhook.create({
    data: {
      id: developerWebhook,
      orgId: org.id,
      name: "Warehouse",
      url: encryptSecret(`https://hooks.example.com/chorus/${randomString(24)}`),
      urlHost: "hooks.example.com",
      secret: encryptSecret(`whsec_${Buffer.from(randomString(32)).toString("base64")}`),
      events: ["share.created", "content.published"],
      createdById: admin.userId,
    },
  });
  const developerDelivery = (status: "FAILED" | "SENT") =>
    db.developerWebhookDelivery.create({
      data: {
        id: createId("dwd"),
        orgId: org.id,
        webhookId: developerWebhook,
        messageId: createId("msg"),
        event: "share.created",
        body: JSON.stringify({
          type: "share.created",
          timestamp: days(-1).toISOString(),
          data: {},
        }),
        status,
        attempts: status === "FAILED" ? 7 : 1,
        responseStatus: status === "FAILED" ? 500 : 200,
        lastError: status === "FAILED" ? "HTTP 500" : null,
        deliveredAt: status === "SENT" ? days(-1) : null,
      },
      select: { id: true },
    });
  // An event emitted once only (campaign.ended of a campaign that ended).
  await db.developerWebhookOnceEvent.create({
    data: { key: `campaign.ended:${createId("cmp")}`, orgId: org.id },
  });
  const sentDeveloperDelivery = (await developerDelivery("SENT")).id;
  const failedDeveloperDelivery = (await developerDelivery("FAILED")).id;

  const email = (status: "FAILED" | "SENT") =>
    db.emailDelivery.create({
      data: {
        id: createId("eml"),
        orgId: org.id,
        userId: employee.userId,
        to: users.EMPLOYEE.email,
        category: "digest",
        subject: "Your week in Chorus",
        status,
        attempts: status === "FAILED" ? 5 : 1,
        lastError: status === "FAILED" ? "Connection refused" : null,
        sentAt: status === "SENT" ? days(-1) : null,
        dedupeKey: `seeded:${randomString(16)}`,
      },
      select: { id: true },
    });
  const failedEmailDelivery = (await email("FAILED")).id;
  // Its content lives in its email-send job, as queueEmail leaves it (Retry resends from there).
  await sendJob(
    sendEmailJob,
    {
      deliveryId: failedEmailDelivery,
      text: "Your week in Chorus",
      html: "<p>Your week in Chorus</p>",
    },
    { startAfter: days(30) },
  );
  const sentEmailDelivery = (await email("SENT")).id;

  const adminNotification = await createNotification({
    orgId: org.id,
    userId: admin.userId,
    kind: "approval.requested",
    title: "A post waits for your approval",
    url: `/studio/${inReviewItem}`,
  });
  const employeeNotification = await createNotification({
    orgId: org.id,
    userId: employee.userId,
    kind: "share.failed",
    title: "Your post could not be published",
    url: "/activity",
  });

  // A device of the employee subscribed to push (keys as a browser sends them: 65 and 16 bytes).
  const pushSubscriptionId = createId("psb");
  await getDb().pushSubscription.create({
    data: {
      id: pushSubscriptionId,
      orgId: org.id,
      userId: employee.userId,
      membershipId: employee.membershipId,
      endpoint: `https://push.example.com/send/${randomString(16)}`,
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString("base64url"),
      auth: Buffer.alloc(16, 9).toString("base64url"),
    },
  });
  await getDb().pushDelivery.create({
    data: {
      id: createId("psd"),
      orgId: org.id,
      userId: employee.userId,
      subscriptionId: pushSubscriptionId,
      category: "new-content",
      title: "New for you",
      url: "/feed",
      status: "SENT",
      dedupeKey: `seed:${pushSubscriptionId}`,
    },
  });

  // Invitations (by email, with a team; by link), the LinkedIn connection and a connect in flight.
  const emailInvitation = await createInvitation(admin, {
    kind: "EMAIL",
    email: `invitee-${randomString(8).toLowerCase()}@test.example`,
    role: "EMPLOYEE",
    teamIds: [managed.id],
    expiresInDays: 7,
  });
  const linkInvitation = await createInvitation(admin, {
    kind: "LINK",
    role: "EMPLOYEE",
    teamIds: [other.id],
    maxUses: 10,
    expiresInDays: 7,
  });
  const linkedinConnection = createId("lic");
  await db.linkedInConnection.create({
    data: {
      id: linkedinConnection,
      orgId: org.id,
      membershipId: employee.membershipId,
      userId: employee.userId,
      memberUrn: `urn:li:person:${randomString(10)}`,
      name: users.EMPLOYEE.name,
      accessToken: encryptSecret(`AQV${randomString(40)}`),
      refreshToken: encryptSecret(`AQX${randomString(40)}`),
      scopes: ["openid", "profile", "w_member_social"],
      expiresAt: days(50),
      refreshExpiresAt: days(300),
    },
  });
  await db.linkedInAuthState.create({
    data: {
      id: createId("las"),
      stateHash: randomString(43),
      orgId: org.id,
      membershipId: users.MANAGER.membershipId,
      userId: users.MANAGER.id,
      returnTo: "/profile",
      expiresAt: new Date(Date.now() + 600_000),
    },
  });

  const campaign = await createCampaign(admin, {
    name: `Green week ${randomString(4)}`,
    description: "Share the solar park.",
    startDate: zonedDateKey(days(-3), org.timeZone),
    endDate: zonedDateKey(days(10), org.timeZone),
    goal: "SHARES",
    goalTarget: 20,
    itemIds: [publishedItem, teamOnlyItem],
    teamIds: [managed.id, other.id],
  });

  const ids = await collectIds(org.id);
  ids["User.handle"] = (
    await db.membership.findMany({ where: { orgId: org.id }, select: { handle: true } })
  )
    .map((m) => m.handle)
    .filter((h): h is string => Boolean(h));

  return {
    org,
    users,
    teams: { managed: managed.id, other: other.id },
    ids,
    named: {
      draftItem,
      secondDraftItem,
      inReviewItem,
      publishedItem,
      teamOnlyItem,
      archivedItem,
      draftItemImage,
      pendingSuggestion,
      secondPendingSuggestion,
      suggestionPhoto,
      acceptedSuggestion,
      rejectedSuggestion,
      sharedShare: shared.id,
      scheduledShare: scheduled.id,
      failedShare: failed.id,
      postedShare: posted.id,
      clickEvent,
      conversion,
      secretApiKey: secretKey.apiKey.id,
      publishableApiKey: publishableKey.apiKey.id,
      revokedApiKey: revokedKey.apiKey.id,
      webhook,
      failedWebhookDelivery,
      sentWebhookDelivery,
      developerWebhook,
      sentDeveloperDelivery,
      failedDeveloperDelivery,
      failedEmailDelivery,
      sentEmailDelivery,
      adminNotification,
      employeeNotification,
      emailInvitation: emailInvitation.id,
      linkInvitation: linkInvitation.id,
      linkedinConnection,
      location: location.id,
      otherLocation: otherLocation.id,
      topic: topic.id,
      campaign: campaign.id,
    },
    secrets: {
      secretApiKey: secretKey.key,
      publishableApiKey: publishableKey.key,
      invitationToken: linkInvitation.token,
      scimToken: scimToken.token,
    },
    files: { logo: logoKey, contentImage: contentImageKey, suggestionPhoto: suggestionPhotoKey },
    codes: { shared: shared.code, posted: posted.code },
    access,
  };
}

/**
 * The ids of every row of the organisation, by model name: every table with an `id` column and an
 * `orgId` column (found from information_schema, so new models count without editing this file).
 */
export async function collectIds(orgId: string): Promise<Record<string, string[]>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns i
      ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
    WHERE c.table_schema = 'public' AND c.column_name = 'orgId'
      -- ClickEvent's monthly partitions are read through ClickEvent itself
      AND c.table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
    ORDER BY c.table_name`;
  const ids: Record<string, string[]> = { Organization: [orgId] };
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "${table_name}" WHERE "orgId" = $1 ORDER BY "id"`,
      orgId,
    );
    ids[table_name] = rows.map((r) => r.id);
  }
  return ids;
}

// ─── Checksum ────────────────────────────────────────────────────────────────────────────────────

export interface OrgChecksum {
  /** md5 over every table's hash: equal before and after means no row of the org changed. */
  total: string;
  /** Per table: row count and md5 over its rows (to say which table changed). */
  tables: Record<string, { rows: number; md5: string }>;
}

interface ForeignKey {
  child: string;
  parent: string;
  child_cols: string[];
  parent_cols: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

let plan: Promise<Map<string, string>> | undefined;

/**
 * How to select an organisation's rows of every table, discovered from the catalog (so a new model
 * counts without editing this file): the Organization row; every table with an `orgId` column;
 * tables reached from those through a foreign key (children, e.g. a row that only points at a
 * share); the rows those tables point at that belong to no organisation (the members' User rows)
 * and their children (Account). Each query takes the organisation id as $1.
 */
async function checksumPlan(): Promise<Map<string, string>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ table_name: string; has_org: boolean }[]>`
    SELECT t.table_name::text AS table_name,
      EXISTS (SELECT 1 FROM information_schema.columns c
              WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                AND c.column_name = 'orgId') AS has_org
    FROM information_schema.tables t
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND t.table_name NOT LIKE '\_prisma%'
      AND t.table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
    ORDER BY 1`;
  const fks = await db.$queryRaw<ForeignKey[]>`
    SELECT ch.relname::text AS child, pa.relname::text AS parent,
      array_agg(a.attname::text ORDER BY k.ord) AS child_cols,
      array_agg(af.attname::text ORDER BY k.ord) AS parent_cols
    FROM pg_constraint c
    JOIN pg_class ch ON ch.oid = c.conrelid
    JOIN pg_class pa ON pa.oid = c.confrelid
    CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, pk, ord)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.ck
    JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.pk
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
    GROUP BY c.oid, ch.relname, pa.relname`;
  const queries = new Map<string, string>();
  queries.set("Organization", `SELECT * FROM "Organization" WHERE "id" = $1`);
  for (const t of tables) {
    if (t.has_org)
      queries.set(t.table_name, `SELECT * FROM ${quote(t.table_name)} WHERE "orgId" = $1`);
  }
  const match = (fk: ForeignKey, self: string, other: string) =>
    fk.child_cols
      .map((c, i) => `${other}.${quote(fk.parent_cols[i]!)} = ${self}.${quote(c)}`)
      .join(" AND ");
  const addChildren = () => {
    for (let changed = true; changed;) {
      changed = false;
      const known = tables.filter((t) => !queries.has(t.table_name));
      for (const { table_name } of known) {
        const links = fks.filter((fk) => fk.child === table_name && queries.has(fk.parent));
        if (!links.length) continue;
        const where = links
          .map(
            (fk) =>
              `EXISTS (SELECT 1 FROM (${queries.get(fk.parent)}) p WHERE ${match(fk, "c", "p")})`,
          )
          .join(" OR ");
        queries.set(table_name, `SELECT c.* FROM ${quote(table_name)} c WHERE ${where}`);
        changed = true;
      }
    }
  };
  addChildren();
  // Rows the organisation's rows point at that belong to no organisation (its members' users).
  const parents = new Map<string, string[]>();
  for (const fk of fks) {
    if (!queries.has(fk.child) || queries.has(fk.parent) || fk.child === fk.parent) continue;
    const list = parents.get(fk.parent) ?? [];
    list.push(`EXISTS (SELECT 1 FROM (${queries.get(fk.child)}) ch WHERE ${match(fk, "ch", "p")})`);
    parents.set(fk.parent, list);
  }
  for (const [parent, conditions] of parents) {
    queries.set(parent, `SELECT p.* FROM ${quote(parent)} p WHERE ${conditions.join(" OR ")}`);
  }
  addChildren();
  return queries;
}

/** The tables `checksumOrg` covers and the query that selects the organisation's rows of each. */
export function checksumTables(): Promise<Map<string, string>> {
  plan ??= checksumPlan();
  return plan;
}

/**
 * md5 over every row of every table that belongs to the organisation (see `checksumPlan`), each
 * table's rows ordered by their own hash so the result does not depend on physical order.
 */
export async function checksumOrg(orgId: string): Promise<OrgChecksum> {
  const db = getDb();
  const tables: OrgChecksum["tables"] = {};
  for (const [table, query] of [...(await checksumTables())].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows,
         coalesce(md5(string_agg(h, ',' ORDER BY h)), '') AS md5
       FROM (SELECT md5(t::text) AS h FROM (${query}) t) x`,
      orgId,
    );
    tables[table] = row!;
  }
  const total = createHash("md5")
    .update(
      Object.entries(tables)
        .map(([t, v]) => `${t}:${v.rows}:${v.md5}`)
        .join("\n"),
    )
    .digest("hex");
  return { total, tables };
}

/** The tables whose hash differs between two checksums (for a readable failure). */
export function changedTables(before: OrgChecksum, after: OrgChecksum): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((t) => before.tables[t]?.md5 !== after.tables[t]?.md5).sort();
}
