import { db } from "@/lib/core/db/client";
import { aiConfig } from "@/lib/domains/ai/ai-config";

export const DEFAULT_AI_SETTINGS = { enabled: false, monthlyTokenBudget: 200_000 };

export interface AiSettingsView {
  /** AI_BASE_URL and AI_MODEL are set on this server. */
  configured: boolean;
  enabled: boolean;
  monthlyTokenBudget: number;
  /** Tokens used since the start of this month (UTC). */
  usedThisMonth: number;
  /** The newest calls, for the admin's usage list. */
  recentCalls: {
    id: string;
    at: string;
    who: string;
    feature: string;
    status: string;
    totalTokens: number;
  }[];
}

/** Start of the calendar month (UTC) that `now` is in: budgets run per month. */
export function monthStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Seconds until the budget of the next month opens. */
export function secondsToNextMonth(now = new Date()): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
}

export async function tokensUsedThisMonth(orgId: string, now = new Date()): Promise<number> {
  const sum = await db.aiCall.aggregate({
    where: { orgId, createdAt: { gte: monthStart(now) } },
    _sum: { totalTokens: true },
  });
  return sum._sum.totalTokens ?? 0;
}

export async function readAiSettings(orgId: string) {
  const row = await db.aiSettings.findUnique({
    where: { orgId },
    select: { enabled: true, monthlyTokenBudget: true },
  });
  return row ?? DEFAULT_AI_SETTINGS;
}

/** True when the server has an AI service and the organisation has switched AI on. */
export async function isAiAvailable(orgId: string): Promise<boolean> {
  if (!aiConfig()) return false;
  return (await readAiSettings(orgId)).enabled;
}

export async function getAiSettings(orgId: string): Promise<AiSettingsView> {
  const [settings, used, calls] = await Promise.all([
    readAiSettings(orgId),
    tokensUsedThisMonth(orgId),
    db.aiCall.findMany({
      where: { orgId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        createdAt: true,
        userId: true,
        feature: true,
        status: true,
        totalTokens: true,
      },
    }),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(calls.map((c) => c.userId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    configured: aiConfig() !== null,
    ...settings,
    usedThisMonth: used,
    recentCalls: calls.map((c) => ({
      id: c.id,
      at: c.createdAt.toISOString(),
      who: names.get(c.userId) ?? "A former member",
      feature: c.feature,
      status: c.status,
      totalTokens: c.totalTokens,
    })),
  };
}
