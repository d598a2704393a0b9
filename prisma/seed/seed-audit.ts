import { createId } from "@/lib/core/db/create-id";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SeedContext, SeedStep } from "./context";

const DAY = 24 * 3600 * 1000;
/** Mirrors lib/domains/content/transition-content-item.ts: the action recorded for each move. */
const TRANSITION_ACTION: Record<string, string> = {
  "DRAFT>IN_REVIEW": "content.submit",
  "DRAFT>PUBLISHED": "content.publish",
  "IN_REVIEW>PUBLISHED": "content.approve",
  "IN_REVIEW>DRAFT": "content.request_changes",
  "PUBLISHED>ARCHIVED": "content.archive",
  "PUBLISHED>DRAFT": "content.unpublish",
  "ARCHIVED>DRAFT": "content.restore",
};

/**
 * Last step: the audit trail of the last 90 days, as the app would have recorded it — the
 * content workflow and suggestion reviews the earlier steps wrote, plus a few admin changes
 * (a promotion, invitations, guardrails, analytics settings, an API key, exports) that agree
 * with the seeded data. The seed writes rows directly, so the entries are derived here.
 */
export const seedAuditTrail: SeedStep = {
  name: "audit trail",
  async run(ctx: SeedContext) {
    const { db, org, now } = ctx;
    const since = new Date(now.getTime() - 90 * DAY);
    const at = (daysAgo: number, hour: number, minute = 0) => {
      const d = new Date(now.getTime() - daysAgo * DAY);
      d.setUTCHours(hour, minute, 0, 0);
      return d < now ? d : new Date(now.getTime() - 60_000);
    };
    const admins = ctx.members.filter((m) => m.role === "ADMIN");
    const lead = admins[0]!;
    const second = admins[1] ?? lead;
    const entries: Prisma.AuditLogCreateManyInput[] = [];
    const add = (
      createdAt: Date,
      actorId: string | null,
      action: string,
      target: { type: string; id: string } | null,
      metadata?: Prisma.InputJsonValue,
    ) =>
      entries.push({
        id: createId("aud"),
        orgId: org.id,
        actorId,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        metadata,
        createdAt,
      });

    // The content workflow, from the history the content step wrote.
    const transitions = await db.contentTransition.findMany({
      where: { orgId: org.id, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      include: { item: { select: { title: true } } },
    });
    for (const t of transitions) {
      const action = t.fromStatus
        ? (TRANSITION_ACTION[`${t.fromStatus}>${t.toStatus}`] ?? "content.transition")
        : "content.create";
      add(
        t.createdAt,
        t.actorId,
        action,
        { type: "content", id: t.itemId },
        t.fromStatus
          ? { from: t.fromStatus, to: t.toStatus, comment: t.comment }
          : { title: t.item.title },
      );
    }

    // Suggestion reviews.
    const reviewed = await db.suggestion.findMany({
      where: {
        orgId: org.id,
        reviewedAt: { gte: since },
        status: { in: ["ACCEPTED", "REJECTED"] },
      },
      select: {
        id: true,
        status: true,
        reviewedById: true,
        reviewedAt: true,
        itemId: true,
        rejectionReason: true,
      },
    });
    for (const s of reviewed) {
      if (s.status === "ACCEPTED") {
        add(
          s.reviewedAt!,
          s.reviewedById,
          "suggestion.accept",
          { type: "suggestion", id: s.id },
          {
            itemId: s.itemId,
          },
        );
      } else {
        add(
          s.reviewedAt!,
          s.reviewedById,
          "suggestion.reject",
          { type: "suggestion", id: s.id },
          {
            reason: s.rejectionReason,
          },
        );
      }
    }

    // A promotion that matches today's roles: the first manager was an employee until 75 days ago.
    const manager = ctx.members.find((m) => m.role === "MANAGER");
    if (manager) {
      add(
        at(75, 9, 12),
        lead.userId,
        "member.role_change",
        { type: "membership", id: manager.membershipId },
        {
          before: { role: "EMPLOYEE", status: "ACTIVE" },
          change: { role: "MANAGER" },
        },
      );
    }
    // Two invitations an admin sent and took back before they were used.
    ["l.fischer@example.com", "t.nakamura@example.com"].forEach((email, i) => {
      add(at(80 - i * 30, 8, 30), lead.userId, "invitation.create", null, {
        kind: "EMAIL",
        email,
        role: "EMPLOYEE",
      });
      add(at(78 - i * 30, 10, 5), second.userId, "invitation.revoke", null, {
        kind: "EMAIL",
        email,
        role: "EMPLOYEE",
      });
    });
    const teamName = ctx.teams[0]?.name;
    if (teamName) {
      add(
        at(70, 14, 40),
        second.userId,
        "team.update",
        { type: "team", id: ctx.teams[0]!.id },
        {
          name: teamName,
          managerCount: 1,
        },
      );
    }
    add(
      at(62, 11, 0),
      lead.userId,
      "settings.guardrails_update",
      { type: "organization", id: org.id },
      {
        before: { requireApproval: false, disclosureText: null },
        after: {
          requireApproval: ctx.settings.requireApproval,
          disclosureText: ctx.settings.disclosureText,
        },
      },
    );
    add(
      at(48, 15, 20),
      lead.userId,
      "settings.analytics_update",
      { type: "organization", id: org.id },
      {
        before: { attributionDays: 30, currency: "USD" },
        after: { attributionDays: 30, currency: "EUR" },
      },
    );
    add(at(40, 9, 45), lead.userId, "apikey.create", null, {
      name: "Careers site sign-ups",
      kind: "publishable",
      prefix: "chorus_pk_Fh3k",
    });
    add(
      at(21, 16, 10),
      second.userId,
      "organization.logo_update",
      { type: "organization", id: org.id },
      {
        contentType: "image/png",
      },
    );
    // Exports: managers download their dashboards; an admin exported this log once.
    const exporters = ctx.members.filter((m) => m.role === "MANAGER").slice(0, 3);
    const tables = ["advocates", "content", "shares", "teams", "conversions", "daily"];
    for (let week = 0; week < 12; week++) {
      const who = exporters[week % Math.max(1, exporters.length)] ?? lead;
      const day = 84 - week * 7;
      const to = new Date(now.getTime() - day * DAY).toISOString().slice(0, 10);
      const from = new Date(now.getTime() - (day + 29) * DAY).toISOString().slice(0, 10);
      add(at(day, 8, 15), who.userId, "analytics.export", null, {
        table: tables[week % tables.length]!,
        range: "30d",
        from,
        to,
        teamId: who.role === "MANAGER" ? (who.teamIds[0] ?? null) : null,
      });
    }
    add(at(3, 17, 30), lead.userId, "audit.export", null, { filters: { action: "member" } });

    await db.auditLog.createMany({ data: entries });
  },
};
