import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/domains/access/permissions";
import { resolveAccess, type Access, type AccessResult } from "@/lib/domains/access/resolve-access";
import { readSessionUserId } from "@/lib/domains/auth/session-user";

/** Per-request memo: layouts and pages share one look-up. */
export const currentAccess = cache(async (): Promise<AccessResult | null> => {
  const userId = await readSessionUserId(await headers());
  return userId ? resolveAccess(userId) : null;
});

/**
 * Page-level check, called in each page (layouts do not re-run on client navigation).
 * Anonymous → sign-in; no organisation → welcome; missing permission → 404.
 */
export async function requirePageAccess(permission?: Permission): Promise<Access> {
  const result = await currentAccess();
  if (!result || result.kind === "unknown-user") redirect("/signin");
  if (result.kind !== "member") redirect("/welcome");
  if (permission && !can(result.access, permission)) notFound();
  return result.access;
}
