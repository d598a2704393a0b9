import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { DEVELOPER_WEBHOOK_EVENTS } from "@/lib/domains/developer-webhooks/developer-webhook-events";
import {
  parseDeveloperWebhookUrl,
  resolveDeveloperWebhookTarget,
} from "@/lib/domains/developer-webhooks/developer-webhook-url";
import { newWebhookSecret } from "@/lib/domains/developer-webhooks/sign-webhook";

/** Developer webhooks an organisation may hold at once. */
export const MAX_DEVELOPER_WEBHOOKS = 20;

const eventsSchema = z
  .array(z.enum(DEVELOPER_WEBHOOK_EVENTS, { error: "Pick events from the list." }), {
    error: "events is a list of event types.",
  })
  .min(1, { error: "Pick at least one event." })
  .max(DEVELOPER_WEBHOOK_EVENTS.length, { error: "Each event at most once." })
  .transform((events) => [...new Set(events)]);

const nameSchema = z
  .string({ error: "Give the webhook a name, e.g. “Data warehouse”." })
  .trim()
  .min(1, { error: "Give the webhook a name, e.g. “Data warehouse”." })
  .max(80, { error: "The name is at most 80 characters." });

export const createDeveloperWebhookSchema = z.strictObject({
  name: nameSchema,
  url: z
    .string({ error: "Enter the URL Chorus should send events to." })
    .trim()
    .min(1, { error: "Enter the URL Chorus should send events to." }),
  events: eventsSchema,
});

export const updateDeveloperWebhookSchema = z.strictObject({
  name: nameSchema.optional(),
  events: eventsSchema.optional(),
  active: z.boolean({ error: "active must be true or false." }).optional(),
});

export interface DeveloperWebhookView {
  id: string;
  name: string;
  urlHost: string;
  events: string[];
  active: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

const VIEW = {
  id: true,
  name: true,
  urlHost: true,
  events: true,
  active: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
} as const;

type Row = Omit<DeveloperWebhookView, "createdAt" | "disabledAt"> & {
  createdAt: Date;
  disabledAt: Date | null;
};

function view(row: Row): DeveloperWebhookView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

export async function listDeveloperWebhooks(orgId: string): Promise<DeveloperWebhookView[]> {
  const rows = await db.developerWebhook.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: VIEW,
  });
  return rows.map(view);
}

/**
 * Validates the URL (form, then the SSRF rules), stores it and a new signing secret encrypted, and
 * returns the secret this once.
 */
export async function createDeveloperWebhook(
  access: Access,
  input: z.infer<typeof createDeveloperWebhookSchema>,
): Promise<{ webhook: DeveloperWebhookView; secret: string }> {
  const url = parseDeveloperWebhookUrl(input.url);
  await resolveDeveloperWebhookTarget(url);
  const secret = newWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`devhooks:${access.orgId}`}))`;
    const count = await tx.developerWebhook.count({ where: { orgId: access.orgId } });
    if (count >= MAX_DEVELOPER_WEBHOOKS) {
      throw conflict(
        `Your organisation already has ${MAX_DEVELOPER_WEBHOOKS} developer webhooks. Delete one first.`,
      );
    }
    const created = await tx.developerWebhook.create({
      data: {
        id: createId("dwh"),
        orgId: access.orgId,
        name: input.name,
        url: encryptSecret(url.href),
        urlHost: url.host,
        secret: encryptSecret(secret),
        events: input.events,
        createdById: access.userId,
      },
      select: VIEW,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "devwebhook.create",
      targetType: "developer_webhook",
      targetId: created.id,
      metadata: { name: created.name, host: created.urlHost, events: created.events },
    });
    return created;
  });
  return { webhook: view(row), secret };
}

/** Renames, changes events, turns on or off (turning on clears an automatic disable). */
export async function updateDeveloperWebhook(
  access: Access,
  id: string,
  input: z.infer<typeof updateDeveloperWebhookSchema>,
): Promise<DeveloperWebhookView> {
  return db.$transaction(async (tx) => {
    const existing = await tx.developerWebhook.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true },
    });
    if (!existing) throw notFound("That webhook");
    const row = await tx.developerWebhook.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.events !== undefined ? { events: input.events } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.active === true
          ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
          : {}),
      },
      select: VIEW,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "devwebhook.update",
      targetType: "developer_webhook",
      targetId: id,
      metadata: { name: row.name, ...input },
    });
    return view(row);
  });
}

export async function deleteDeveloperWebhook(access: Access, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.developerWebhook.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true, name: true },
    });
    if (!existing) throw notFound("That webhook");
    await tx.developerWebhook.delete({ where: { id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "devwebhook.delete",
      targetType: "developer_webhook",
      targetId: id,
      metadata: { name: existing.name },
    });
  });
}
