/**
 * Server pages write dates in the person's locale (their browser's Accept-Language) and the
 * organisation's time zone — not a fixed "en-GB", not the server's zone. Rendered as Next would,
 * through the next/headers stand-in; the expected text is written with Intl here, not with the
 * app's formatter.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { accessFor, createOrgFixture, uniqueEmail, type OrgFixture } from "../../support/factories";
import { sessionCookie } from "../../support/http";
import { requestContext, setRequest } from "../../support/security/request-context";

vi.mock("next/headers", async () =>
  (await import("../../support/security/request-context")).nextHeadersStandIn(),
);

const ZONE = "America/Sao_Paulo";
let fx: OrgFixture;
let email: string;
let expiresAt: Date;

beforeAll(async () => {
  fx = await createOrgFixture();
  await getDb().organization.update({ where: { id: fx.org.id }, data: { timeZone: ZONE } });
  email = uniqueEmail("dates");
  ({ expiresAt } = await createInvitation(accessFor({ ...fx.org, timeZone: ZONE }, fx.admin), {
    kind: "EMAIL",
    email,
    role: "EMPLOYEE",
    teamIds: [],
    expiresInDays: 7,
  }));
});

function textsOf(node: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof node === "string" || typeof node === "number") out.push(String(node));
  else if (Array.isArray(node)) node.forEach((child) => textsOf(child, out, seen));
  else if (node && typeof node === "object" && !seen.has(node)) {
    seen.add(node);
    const element = node as { $$typeof?: unknown; props?: unknown };
    if (element.$$typeof) textsOf(element.props, out, seen);
    else if (!(node instanceof Date)) Object.values(node).forEach((v) => textsOf(v, out, seen));
  }
  return out;
}

/** The members page's texts (its pending invitations included) for this Accept-Language. */
async function membersPage(acceptLanguage: string | null): Promise<string[]> {
  setRequest({ cookie: await sessionCookie(fx.admin.user.id), ip: "10.77.0.1" });
  if (acceptLanguage) requestContext.headers.set("accept-language", acceptLanguage);
  const page = await import("@/app/(app)/admin/members/page");
  return textsOf(await page.default({ searchParams: Promise.resolve({}) }));
}

const written = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: ZONE })
    .format(expiresAt)
    .replace(/[\u202f\u00a0]/g, " ");

describe("dates on server pages", () => {
  it("follow the Accept-Language of the request and the organisation's time zone", async () => {
    const plain = (texts: string[]) => texts.map((t) => t.replace(/[\u202f\u00a0]/g, " "));
    expect(plain(await membersPage("de-DE,de;q=0.9,en;q=0.5"))).toContain(written("de-DE"));
    expect(plain(await membersPage("en-US,en;q=0.9"))).toContain(written("en-US"));
    expect(plain(await membersPage("fr-CA"))).toContain(written("fr-CA"));
    // No usable header: British English, still on the organisation's clock.
    expect(plain(await membersPage(null))).toContain(written("en-GB"));
    expect(plain(await membersPage("*"))).toContain(written("en-GB"));
  });
});

/** The studio calendar's texts for this Accept-Language (December 2026). */
async function calendarPage(acceptLanguage: string): Promise<string[]> {
  setRequest({ cookie: await sessionCookie(fx.admin.user.id), ip: "10.77.0.2" });
  requestContext.headers.set("accept-language", acceptLanguage);
  const page = await import("@/app/(app)/studio/calendar/page");
  return textsOf(await page.default({ searchParams: Promise.resolve({ month: "2026-12" }) }));
}

describe("the studio calendar", () => {
  it("names the weekdays in the person's language and starts the week on their locale's first day", async () => {
    const order = (texts: string[], names: string[]) => names.map((n) => texts.indexOf(n));
    const us = await calendarPage("en-US,en;q=0.9");
    // Sunday first in the US: its header comes before Monday's.
    const usOrder = order(us, ["Sunday", "Monday", "Saturday"]);
    expect(usOrder.every((i) => i >= 0)).toBe(true);
    expect(usOrder[0]).toBeLessThan(usOrder[1]!);
    expect(usOrder[1]).toBeLessThan(usOrder[2]!);

    const de = await calendarPage("de-DE,de;q=0.9");
    expect(de).not.toContain("Monday");
    const deOrder = order(de, ["Montag", "Sonntag"]);
    expect(deOrder.every((i) => i >= 0)).toBe(true);
    expect(deOrder[0]).toBeLessThan(deOrder[1]!);
    expect(de).not.toContain("Mon");
  });
});
