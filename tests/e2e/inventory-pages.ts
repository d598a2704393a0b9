/**
 * The pages of the route inventory a demo role may open, with their path parameters filled from the
 * demo data: shared by the suites that walk every page (accessibility, phone width).
 */
import { can } from "../../lib/domains/access/permissions";
import { DEMO_ORG_SLUG } from "../../lib/domains/demo/demo-accounts";
import type { Role } from "../../lib/generated/prisma/enums";
import { PAGES, type PageEntry } from "../support/route-inventory";
import type { DemoIds } from "./demo-ids";

/** Fills token parameters: the pages must answer a bad one with their own 404, never a crash. */
export const BAD_TOKEN = "not-a-valid-token-0123456789";

/** Fills the path parameters of an inventory page from the demo data; null when it cannot. */
export function concretePath(entry: PageEntry, ids: DemoIds): string | null {
  const values: Record<string, string> = {
    id:
      entry.ids?.id === "Team"
        ? ids.teamId
        : entry.ids?.id === "Campaign"
          ? ids.campaignId
          : ids.itemId,
    handle: ids.handle,
    token: BAD_TOKEN,
    org: DEMO_ORG_SLUG,
    slug: ids.itemSlug,
  };
  if (entry.ids?.id && !["Team", "ContentItem", "Campaign"].includes(entry.ids.id)) return null;
  let unknown = false;
  const path = entry.path.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (!(name in values)) unknown = true;
    return values[name] ?? "";
  });
  if (unknown) return null;
  // Token pages without a token in the path read it from the query: give them a bad one.
  if (entry.guard.kind === "token" && !entry.path.includes("[token]")) {
    return `${path}?token=${BAD_TOKEN}`;
  }
  return path;
}

/** The signed-in pages `role` may open: its permissions' org pages and every user page. */
export function pagesFor(role: Role): PageEntry[] {
  return PAGES.filter(
    (entry) =>
      (entry.guard.kind === "org" && can(role, entry.guard.permission)) ||
      entry.guard.kind === "user",
  );
}

/** The pages anyone may open signed out (token pages with a bad token). */
export const publicPages = PAGES.filter(
  (entry) => entry.guard.kind === "public" || entry.guard.kind === "token",
);
