import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_TARGET_TYPES, type AuditTargetType } from "@/lib/domains/audit/audit-actions";
import { describeAuditEntry } from "@/lib/domains/audit-log/describe-audit-entry";
import { zonedLocalToDate } from "@/lib/core/time/zoned-time";

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TARGET_TYPES = Object.keys(AUDIT_TARGET_TYPES) as [AuditTargetType, ...AuditTargetType[]];

function dayField(label: string) {
  return z
    .string()
    .regex(DAY, { error: `${label} must be a date like 2026-03-31.` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && isRealDay(v), {
      error: `${label} is not a real date (years 2000 to 2999).`,
    });
}

function isRealDay(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  const year = d.getUTCFullYear();
  return year >= 2000 && year <= 2999 && d.toISOString().slice(0, 10) === value;
}

/** The audit log's filters as they appear in a query string (page, API and export alike). */
export const auditFiltersSchema = z
  .object({
    actor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Choose a person from the list." })
      .optional(),
    action: z
      .string()
      .regex(/^[a-z_]{1,40}(\.[a-z_]{1,40})?$/, {
        error: "Choose an action or a category from the list.",
      })
      .optional(),
    targetType: z
      .enum(TARGET_TYPES, { error: `Choose one of: ${TARGET_TYPES.join(", ")}.` })
      .optional(),
    from: dayField("The start date").optional(),
    to: dayField("The end date").optional(),
    cursor: z
      .string()
      .max(200)
      .refine((v) => decodeCursor(v) !== null, {
        error: "This page link is no longer valid. Start again from the first page.",
      })
      .optional(),
    limit: z.coerce
      .number({ error: "limit must be a number." })
      .int({ error: "limit must be a whole number." })
      .min(1, { error: "limit must be at least 1." })
      .max(200, { error: "limit is at most 200." })
      .optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    error: "The start date must be on or before the end date.",
    path: ["to"],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Query values → filter input: first value of each known key, blanks dropped (forms send them). */
export function auditFilterInput(params: URLSearchParams | SearchParams): Record<string, string> {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const out: Record<string, string> = {};
  for (const key of ["actor", "action", "targetType", "from", "to", "cursor", "limit"]) {
    const value = get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Parses query values (page, API, export): a readable ZodError for anything unusable. */
export function parseAuditFilters(params: URLSearchParams | SearchParams): AuditFilters {
  return auditFiltersSchema.parse(auditFilterInput(params));
}

/** The filters as a query string (without cursor and limit unless asked), for links. */
export function auditFiltersQuery(
  filters: AuditFilters,
  extra: { cursor?: string | null } = {},
): string {
  const q = new URLSearchParams();
  for (const key of ["actor", "action", "targetType", "from", "to"] as const) {
    const value = filters[key];
    if (value) q.set(key, value);
  }
  if (extra.cursor) q.set("cursor", extra.cursor);
  return q.toString();
}

// Keyset cursor: the (createdAt, id) of the last entry shown, base64url-encoded.
export function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!iso || !id || rest.length || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso)) return null;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Filters → where clause, always inside `orgId`. Dates are whole days in the org's time zone. */
export function auditWhere(
  orgId: string,
  filters: AuditFilters,
  timeZone: string,
): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = { orgId };
  if (filters.actor) where.actorId = filters.actor;
  if (filters.action) {
    where.action = filters.action.includes(".")
      ? filters.action
      : { startsWith: `${filters.action}.` };
  }
  if (filters.targetType) where.targetType = filters.targetType;
  const createdAt: Prisma.DateTimeFilter = {};
  const start = filters.from ? zonedLocalToDate(`${filters.from}T00:00`, timeZone) : null;
  const end = filters.to ? zonedLocalToDate(`${nextDay(filters.to)}T00:00`, timeZone) : null;
  if (start) createdAt.gte = start;
  if (end) createdAt.lt = end;
  if (start || end) where.createdAt = createdAt;
  return where;
}

export interface AuditEntryView {
  id: string;
  createdAt: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  /** Set when the entry has an actor id whose user is gone. */
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  target: { label: string; href: string | null } | null;
  description: string;
  metadata: unknown;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 50;

/**
 * One page of the organisation's audit trail, newest first, keyset-paginated on (createdAt, id):
 * stable while new entries arrive. Actor and target names are joined, always within `orgId`.
 */
export async function listAuditEntries(
  orgId: string,
  filters: AuditFilters,
  timeZone: string,
): Promise<AuditPage> {
  const limit = filters.limit ?? DEFAULT_AUDIT_PAGE_SIZE;
  const where = auditWhere(orgId, filters, timeZone);
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (cursor) {
    where.AND = [
      {
        OR: [
          { createdAt: { lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: { lt: cursor.id } },
        ],
      },
    ];
  }
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: await toViews(orgId, page),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

type AuditRow = Awaited<ReturnType<typeof db.auditLog.findMany>>[number];

/** Rows → views: actor and target names resolved in a handful of org-scoped queries. */
export async function toViews(orgId: string, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = new Map(
    (actorIds.length
      ? await db.user.findMany({
          // Actors are people who were members of this organisation when they acted.
          where: { id: { in: actorIds }, memberships: { some: { orgId } } },
          select: { id: true, name: true, email: true },
        })
      : []
    ).map((u) => [u.id, u]),
  );
  const targets = await resolveTargets(orgId, rows);
  return rows.map((row) => {
    const actor = row.actorId ? (actors.get(row.actorId) ?? null) : null;
    const target =
      row.targetType && row.targetId
        ? (targets.get(`${row.targetType}:${row.targetId}`) ?? null)
        : null;
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      action: row.action,
      actor,
      actorId: row.actorId,
      targetType: row.targetType,
      targetId: row.targetId,
      target,
      description: describeAuditEntry({
        action: row.action,
        actorName: actor?.name ?? (row.actorId ? "A former member" : null),
        targetType: row.targetType,
        targetLabel: target?.label ?? null,
        metadata: row.metadata,
      }),
      metadata: row.metadata,
    };
  });
}

type Target = { label: string; href: string | null };
type Resolved = { id: string; label: string; href: string | null };
type Where = { orgId: string; id: { in: string[] } };

/** Per target type: names of the records today, read within the organisation. */
const RESOLVERS: Record<string, (where: Where) => Promise<Resolved[]>> = {
  membership: async (where) =>
    (
      await db.membership.findMany({
        where,
        select: { id: true, handle: true, user: { select: { name: true } } },
      })
    ).map((m) => ({
      id: m.id,
      label: m.user.name,
      href: m.handle ? `/people/${m.handle}` : "/admin/members",
    })),
  team: async (where) =>
    (await db.team.findMany({ where, select: { id: true, name: true } })).map((t) => ({
      id: t.id,
      label: t.name,
      href: `/admin/teams/${t.id}`,
    })),
  location: async (where) =>
    (await db.location.findMany({ where, select: { id: true, name: true } })).map((l) => ({
      id: l.id,
      label: l.name,
      href: "/admin/locations",
    })),
  topic: async (where) =>
    (await db.topic.findMany({ where, select: { id: true, name: true } })).map((t) => ({
      id: t.id,
      label: t.name,
      href: "/admin/topics",
    })),
  content: async (where) =>
    (await db.contentItem.findMany({ where, select: { id: true, title: true } })).map((c) => ({
      id: c.id,
      label: c.title,
      href: `/studio/${c.id}`,
    })),
  campaign: async (where) =>
    (await db.campaign.findMany({ where, select: { id: true, name: true } })).map((c) => ({
      id: c.id,
      label: c.name,
      href: `/studio/campaigns/${c.id}`,
    })),
  suggestion: async (where) =>
    (await db.suggestion.findMany({ where, select: { id: true, title: true } })).map((s) => ({
      id: s.id,
      label: s.title,
      href: "/studio/suggestions",
    })),
  api_key: async (where) =>
    (await db.apiKey.findMany({ where, select: { id: true, name: true } })).map((k) => ({
      id: k.id,
      label: k.name,
      href: "/admin/settings",
    })),
  invitation: async (where) =>
    (await db.invitation.findMany({ where, select: { id: true, email: true } })).map((v) => ({
      id: v.id,
      label: v.email ?? "Invitation link",
      href: "/admin/members",
    })),
  webhook: async (where) =>
    (await db.webhookEndpoint.findMany({ where, select: { id: true, name: true } })).map((w) => ({
      id: w.id,
      label: w.name,
      href: "/admin/integrations",
    })),
  webhook_delivery: async (where) =>
    (await db.webhookDelivery.findMany({ where, select: { id: true } })).map((d) => ({
      id: d.id,
      label: "Webhook message",
      href: "/admin/integrations",
    })),
  email_delivery: async (where) =>
    (await db.emailDelivery.findMany({ where, select: { id: true, to: true } })).map((e) => ({
      id: e.id,
      label: e.to,
      href: "/admin/emails",
    })),
  organization: async (where) =>
    (
      await db.organization.findMany({
        where: { id: where.orgId },
        select: { id: true, name: true },
      })
    ).map((o) => ({ id: o.id, label: o.name, href: "/admin/settings" })),
};

async function resolveTargets(orgId: string, rows: AuditRow[]): Promise<Map<string, Target>> {
  const byType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.targetType || !row.targetId || !RESOLVERS[row.targetType]) continue;
    const set = byType.get(row.targetType) ?? new Set<string>();
    set.add(row.targetId);
    byType.set(row.targetType, set);
  }
  const out = new Map<string, Target>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      for (const t of await RESOLVERS[type]!({ orgId, id: { in: [...ids] } })) {
        out.set(`${type}:${t.id}`, { label: t.label, href: t.href });
      }
    }),
  );
  return out;
}

/** People who appear as actors in the organisation's trail: the actor filter's choices. */
export async function listAuditActors(orgId: string) {
  return db.user.findMany({
    where: { memberships: { some: { orgId } } },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
