/**
 * What every admin-kept list of named records (locations, topics) must do through its API: a
 * clear message for a blank, too long or taken name (taken within the organisation only), only
 * admins manage it, and another organisation's record answers 404 and stays as it was. Each kind's
 * test file calls `namedRecordRules` inside its describe block, then tests what is its own.
 */
import { expect, it } from "vitest";
import type { OrgFixture } from "./factories";
import { callRoute, type Handler } from "./http";

export interface NamedRecordApi {
  /** "location", as the API's messages say it. */
  noun: string;
  maxLength: number;
  collection: { POST: Handler };
  item: { PATCH: Handler; DELETE: Handler };
  /** The key of the created record in the POST response. */
  responseKey: string;
  /** Makes a record straight in the database (another organisation's). */
  insert: (orgId: string, name: string) => Promise<{ id: string }>;
  /** Its name as stored, or null when it is gone. */
  read: (id: string) => Promise<string | null>;
}

export function namedRecordRules(
  api: NamedRecordApi,
  fixtures: () => { a: OrgFixture; b: OrgFixture },
  names: { taken: string; other: string },
) {
  const Noun = api.noun.charAt(0).toUpperCase() + api.noun.slice(1);
  const asAdmin = (fx: OrgFixture) => ({ userId: fx.admin.user.id });
  const create = (fx: OrgFixture, name: string) =>
    callRoute(api.collection.POST, { method: "POST", ...asAdmin(fx), body: { name } });

  it("refuses a blank, too long or taken name with a message on the field", async () => {
    const { a, b } = fixtures();
    const blank = await create(a, "   ");
    expect(blank.status).toBe(400);
    expect(blank.json.error).toMatchObject({ fields: { name: `Enter a ${api.noun} name.` } });
    const long = await create(a, "x".repeat(api.maxLength + 1));
    expect(long.status).toBe(400);
    expect(long.json.error).toMatchObject({
      fields: { name: `${Noun} names are at most ${api.maxLength} characters.` },
    });

    expect((await create(a, names.taken)).status).toBe(201);
    const taken = await create(a, names.taken);
    expect(taken.status).toBe(409);
    expect(taken.json.error?.message).toBe(`A ${api.noun} named "${names.taken}" already exists.`);
    const other = await create(a, names.other);
    const renameToTaken = await callRoute(api.item.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: (other.json[api.responseKey] as { id: string }).id },
      body: { name: names.taken },
    });
    expect(renameToTaken.status).toBe(409);
    // Another organisation may use the same name.
    expect((await create(b, names.taken)).status).toBe(201);
  });

  it(`only admins manage ${api.noun}s`, async () => {
    const { a } = fixtures();
    for (const member of [a.manager, a.employee]) {
      const res = await callRoute(api.collection.POST, {
        method: "POST",
        userId: member.user.id,
        body: { name: `Nope ${member.membership.role}` },
      });
      expect(res.status).toBe(403);
    }
  });

  it(`another organisation's ${api.noun} answers 404 and stays as it was`, async () => {
    const { a, b } = fixtures();
    const theirs = await api.insert(b.org.id, `Their ${api.noun}`);
    const rename = await callRoute(api.item.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: theirs.id },
      body: { name: "Ours now" },
    });
    expect(rename.status).toBe(404);
    const remove = await callRoute(api.item.DELETE, {
      method: "DELETE",
      ...asAdmin(a),
      params: { id: theirs.id },
    });
    expect(remove.status).toBe(404);
    expect(await api.read(theirs.id)).toBe(`Their ${api.noun}`);
  });
}
