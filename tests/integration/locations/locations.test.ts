import { beforeAll, describe, expect, it } from "vitest";
import * as locationRoute from "@/app/api/locations/[id]/route";
import * as locationsRoute from "@/app/api/locations/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import { POST as importRoute } from "@/app/api/invitations/import/route";
import { POST as invitationsRoute } from "@/app/api/invitations/route";
import { POST as createContent } from "@/app/api/content/route";
import { getDb } from "@/lib/core/db/client";
import { acceptInvitation } from "@/lib/domains/invitations/accept-invitation";
import { listLocationUsage } from "@/lib/domains/locations/list-location-usage";
import {
  addMember,
  createLocation,
  createOrgFixture,
  createUser,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import { namedRecordRules } from "../../support/named-records";

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createOrgFixture(), createOrgFixture()]);
});

const asAdmin = (fx: OrgFixture) => ({ userId: fx.admin.user.id });

async function create(fx: OrgFixture, name: string) {
  return callRoute(locationsRoute.POST, { method: "POST", ...asAdmin(fx), body: { name } });
}

async function auditOf(orgId: string, targetId: string) {
  return getDb().auditLog.findMany({
    where: { orgId, targetId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, metadata: true },
  });
}

describe("managing locations", () => {
  it("an admin creates, lists and renames a location; each step is audited", async () => {
    const created = await create(a, "  Lisbon  ");
    expect(created.status).toBe(201);
    const { id, name } = created.json.location as { id: string; name: string };
    expect(name).toBe("Lisbon");
    expect(id).toMatch(/^loc_/);

    const listed = await callRoute(locationsRoute.GET, { userId: a.employee.user.id });
    expect(listed.status).toBe(200);
    expect(listed.json.locations).toContainEqual({ id, name: "Lisbon" });

    const renamed = await callRoute(locationRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id },
      body: { name: "Lisboa" },
    });
    expect(renamed.status).toBe(200);
    expect((await getDb().location.findUniqueOrThrow({ where: { id } })).name).toBe("Lisboa");
    expect(await auditOf(a.org.id, id)).toEqual([
      { action: "location.create", actorId: a.admin.user.id, metadata: { name: "Lisbon" } },
      {
        action: "location.rename",
        actorId: a.admin.user.id,
        metadata: { before: "Lisbon", name: "Lisboa" },
      },
    ]);
  });

  namedRecordRules(
    {
      noun: "location",
      maxLength: 60,
      collection: locationsRoute,
      item: locationRoute,
      responseKey: "location",
      insert: (orgId, name) => createLocation(orgId, name),
      read: async (id) => (await getDb().location.findUnique({ where: { id } }))?.name ?? null,
    },
    () => ({ a, b }),
    { taken: "Stockholm", other: "Gothenburg" },
  );

  it("an admin cannot place a member at another organisation's location (404)", async () => {
    const theirs = await createLocation(b.org.id, "Their site");
    const assign = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: a.employee.membership.id },
      body: { locationId: theirs.id },
    });
    expect(assign.status).toBe(404);
    expect(assign.json.error).toMatchObject({ fields: { locationId: "Unknown location." } });
  });
});

describe("deleting a location", () => {
  it("is refused while a live post is aimed at it alone, and allowed once it is not", async () => {
    const site = await createLocation(a.org.id);
    const only = await callRoute(createContent, {
      method: "POST",
      ...asAdmin(a),
      body: contentInput({ audience: { all: false, teamIds: [], locationIds: [site.id] } }),
    });
    expect(only.status).toBe(201);
    const usage = (await listLocationUsage(a.org.id)).find((l) => l.id === site.id);
    expect(usage).toMatchObject({ audienceCount: 1, onlyAudienceCount: 1 });

    const refused = await callRoute(locationRoute.DELETE, {
      method: "DELETE",
      ...asAdmin(a),
      params: { id: site.id },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toBe(
      `1 post is aimed only at ${site.name}. Change its audience in the studio first.`,
    );
    expect(await getDb().location.findUnique({ where: { id: site.id } })).not.toBeNull();

    // Aimed at a team too: the post keeps its team when the location goes.
    const itemId = (only.json.item as { id: string }).id;
    await getDb().contentAudienceTeam.create({
      data: { orgId: a.org.id, itemId, teamId: a.teamA.id },
    });
    const member = await addMember(a.org.id, "EMPLOYEE");
    await getDb().membership.update({
      where: { id: member.membership.id },
      data: { locationId: site.id },
    });
    const deleted = await callRoute(locationRoute.DELETE, {
      method: "DELETE",
      ...asAdmin(a),
      params: { id: site.id },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: site.id, membersUnassigned: 1 });
    const db = getDb();
    expect(await db.location.findUnique({ where: { id: site.id } })).toBeNull();
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).locationId,
    ).toBeNull();
    expect(await db.contentAudienceTeam.count({ where: { itemId } })).toBe(1);
    expect(await db.contentAudienceLocation.count({ where: { itemId } })).toBe(0);
    expect((await auditOf(a.org.id, site.id)).at(-1)).toMatchObject({
      action: "location.delete",
      metadata: { name: site.name, members: 1 },
    });
  });
});

describe("placing people at a location", () => {
  it("an admin sets and clears a member's location on the members page route", async () => {
    const site = await createLocation(a.org.id, "Malmö");
    const member = await addMember(a.org.id, "EMPLOYEE");
    const set = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: member.membership.id },
      body: { locationId: site.id },
    });
    expect(set.status).toBe(200);
    const db = getDb();
    const read = () => db.membership.findUniqueOrThrow({ where: { id: member.membership.id } });
    expect((await read()).locationId).toBe(site.id);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId: a.org.id, targetId: member.membership.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.metadata).toMatchObject({
      before: { locationId: null },
      change: { locationId: site.id },
    });

    const cleared = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: member.membership.id },
      body: { locationId: null },
    });
    expect(cleared.status).toBe(200);
    expect((await read()).locationId).toBeNull();
  });

  it("the CSV import's location column finds a location by name or creates it; accepting places the person there", async () => {
    const existing = await createLocation(a.org.id, "Porto");
    const [ana, ben, cai, dee] = ["ana", "ben", "cai", "dee"].map((p) => uniqueEmail(p)) as [
      string,
      string,
      string,
      string,
    ];
    const res = await callRoute(importRoute, {
      method: "POST",
      ...asAdmin(a),
      body: {
        rows: [
          { line: 2, email: ana, location: "porto" },
          { line: 3, email: ben, location: "  Faro " },
          { line: 4, email: cai, location: "FARO" },
          { line: 5, email: dee, location: "x".repeat(61) },
        ],
      },
    });
    expect(res.status).toBe(200);
    const results = res.json.results as { line: number; status: string; reason?: string }[];
    expect(results.map((r) => [r.line, r.status])).toEqual([
      [2, "invited"],
      [3, "invited"],
      [4, "invited"],
      [5, "refused"],
    ]);
    expect(results[3]!.reason).toBe("Location names are at most 60 characters.");

    const db = getDb();
    const faro = await db.location.findFirstOrThrow({ where: { orgId: a.org.id, name: "Faro" } });
    expect(
      await db.location.count({ where: { orgId: a.org.id, name: { in: ["FARO", "porto"] } } }),
    ).toBe(0);
    const invitations = await db.invitation.findMany({
      where: { orgId: a.org.id, email: { in: [ana, ben, cai] } },
      select: { email: true, locationId: true },
    });
    expect(new Map(invitations.map((i) => [i.email, i.locationId]))).toEqual(
      new Map([
        [ana, existing.id],
        [ben, faro.id],
        [cai, faro.id],
      ]),
    );
    expect(await auditOf(a.org.id, faro.id)).toEqual([
      {
        action: "location.create",
        actorId: a.admin.user.id,
        metadata: { name: "Faro", via: "invitation.import" },
      },
    ]);

    // Accepting the invitation places the new member at the location.
    const tokens = results as unknown as { line: number; token?: string; url?: string }[];
    const token = tokenOf(tokens.find((r) => r.line === 3)!);
    const user = await createUser({ email: ben });
    const { membershipId } = await acceptInvitation(user.id, token);
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).locationId,
    ).toBe(faro.id);
  });

  it("the invite panel's location: an invitation by email or link places the person there on joining; another organisation's location is refused", async () => {
    const lyon = await createLocation(a.org.id, "Lyon");
    const email = uniqueEmail("placed");
    const byEmail = await callRoute(invitationsRoute, {
      method: "POST",
      ...asAdmin(a),
      body: { kind: "EMAIL", email, role: "EMPLOYEE", locationId: lyon.id },
    });
    expect(byEmail.status).toBe(201);
    const byLink = await callRoute(invitationsRoute, {
      method: "POST",
      ...asAdmin(a),
      body: { kind: "LINK", role: "EMPLOYEE", locationId: lyon.id },
    });
    expect(byLink.status).toBe(201);

    const db = getDb();
    for (const res of [byEmail, byLink]) {
      const { id } = res.json.invitation as { id: string };
      expect((await db.invitation.findUniqueOrThrow({ where: { id } })).locationId).toBe(lyon.id);
    }
    const user = await createUser({ email });
    const token = tokenOf(byEmail.json.invitation as { url: string });
    const { membershipId } = await acceptInvitation(user.id, token);
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).locationId,
    ).toBe(lyon.id);

    // Another organisation's location: refused on the field, nothing created.
    const elsewhere = await createLocation(b.org.id, "Elsewhere");
    const before = await db.invitation.count({ where: { orgId: a.org.id } });
    const refused = await callRoute(invitationsRoute, {
      method: "POST",
      ...asAdmin(a),
      body: {
        kind: "EMAIL",
        email: uniqueEmail("nowhere"),
        role: "EMPLOYEE",
        locationId: elsewhere.id,
      },
    });
    expect(refused.status).toBe(404);
    expect((refused.json.error as unknown as { fields: Record<string, string> }).fields).toEqual({
      locationId: "Unknown location.",
    });
    expect(await db.invitation.count({ where: { orgId: a.org.id } })).toBe(before);
  });
});

/** The import answers each invited row with its link (`url`), whose last segment is the token. */
function tokenOf(row: { token?: string; url?: string }): string {
  if (row.token) return row.token;
  return row.url!.split("/").at(-1)!;
}
