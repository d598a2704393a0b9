import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import { validateWebhookUrl } from "@/lib/integrations/webhooks/webhook-url";

export const createWebhookSchema = z
  .object({
    kind: z.enum(["SLACK", "TEAMS"], { error: "kind must be SLACK or TEAMS." }),
    name: z
      .string({ error: "name is required." })
      .trim()
      .min(1, { error: "name: give the webhook a name, e.g. the channel it posts to." })
      .max(80, { error: "name: at most 80 characters." }),
    url: z.string({ error: "url is required." }).trim().min(1, { error: "url is required." }),
  })
  .strict();

export const updateWebhookSchema = z
  .object({
    active: z.boolean({ error: "active must be true or false." }).optional(),
    name: createWebhookSchema.shape.name.optional(),
  })
  .strict();

export interface WebhookEndpointView {
  id: string;
  kind: "SLACK" | "TEAMS";
  name: string;
  urlHost: string;
  active: boolean;
  createdAt: string;
}

const VIEW = {
  id: true,
  kind: true,
  name: true,
  urlHost: true,
  active: true,
  createdAt: true,
} as const;

function view(row: {
  id: string;
  kind: "SLACK" | "TEAMS";
  name: string;
  urlHost: string;
  active: boolean;
  createdAt: Date;
}): WebhookEndpointView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function listWebhookEndpoints(orgId: string): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { orgId },
    orderBy: { createdAt: "asc" },
    select: VIEW,
  });
  return rows.map(view);
}

/** Validates the URL (shape, https, public address), stores it encrypted, shows only its host. */
export async function createWebhookEndpoint(
  access: Access,
  input: z.infer<typeof createWebhookSchema>,
): Promise<WebhookEndpointView> {
  const url = await validateWebhookUrl(input.kind, input.url);
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        id: createId("whk"),
        orgId: access.orgId,
        kind: input.kind,
        name: input.name,
        url: encryptSecret(url.href),
        urlHost: url.host,
        createdById: access.userId,
      },
      select: VIEW,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "webhook.create",
      targetType: "webhook",
      targetId: row.id,
      metadata: { kind: row.kind, name: row.name, host: row.urlHost },
    });
    return view(row);
  });
}

export async function updateWebhookEndpoint(
  access: Access,
  id: string,
  input: z.infer<typeof updateWebhookSchema>,
): Promise<WebhookEndpointView> {
  return db.$transaction(async (tx) => {
    const found = await tx.webhookEndpoint.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true },
    });
    if (!found) throw notFound("Webhook");
    const row = await tx.webhookEndpoint.update({
      where: { id },
      data: { active: input.active, name: input.name },
      select: VIEW,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "webhook.update",
      targetType: "webhook",
      targetId: id,
      metadata: { active: input.active ?? null, name: input.name ?? null },
    });
    return view(row);
  });
}

/** Deletes the endpoint and its delivery log. */
export async function deleteWebhookEndpoint(access: Access, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.webhookEndpoint.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true, kind: true, name: true, urlHost: true },
    });
    if (!found) throw notFound("Webhook");
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "webhook.delete",
      targetType: "webhook",
      targetId: id,
      metadata: { kind: found.kind, name: found.name, host: found.urlHost },
    });
  });
}
