import { describe, expect, it } from "vitest";
import { applyGroupPatch } from "@/lib/domains/scim/scim-groups";
import { parseListQuery, parsePatch } from "@/lib/domains/scim/scim-request";
import { applyUserPatch, stateFromResource } from "@/lib/domains/scim/scim-user-resource";

const base = stateFromResource({
  userName: "Ada@Example.com",
  name: { givenName: "Ada", familyName: "Lovelace" },
  externalId: "x1",
});

describe("SCIM list queries", () => {
  it("reads eq filters case-insensitively by attribute, with escaped quotes and defaults", () => {
    const q = parseListQuery(
      `http://x/scim/v2/Users?filter=${encodeURIComponent('USERNAME eq "a\\"b@c.d"')}`,
      ["userName", "externalId"],
    );
    expect(q).toMatchObject({
      startIndex: 1,
      count: 100,
      filter: { attribute: "userName", value: 'a"b@c.d' },
    });
    const paged = parseListQuery(
      "http://x/?startIndex=0&count=5000&excludedAttributes=members",
      [],
    );
    expect(paged).toMatchObject({ startIndex: 1, count: 200, excludeMembers: true });
  });

  it("refuses other operators and attributes", () => {
    for (const f of ['userName co "a"', 'title eq "x"', "userName eq x", 'a eq "b" or c eq "d"']) {
      expect(() =>
        parseListQuery(`http://x/?filter=${encodeURIComponent(f)}`, ["userName"]),
      ).toThrow(/Unsupported filter/);
    }
  });
});

describe("User PATCH", () => {
  it("applies Okta's value object and Entra's paths with string booleans", () => {
    expect(base).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace", active: true });
    const off = applyUserPatch(
      base,
      parsePatch({ Operations: [{ op: "replace", value: { active: false } }] }),
    );
    expect(off.active).toBe(false);
    const entra = applyUserPatch(
      off,
      parsePatch({
        Operations: [
          { op: "Replace", path: "active", value: "True" },
          { op: "Replace", path: "name.familyName", value: "King" },
          { op: "Replace", path: 'emails[type eq "work"].value', value: "ada.king@example.com" },
          { op: "Remove", path: "externalId" },
        ],
      }),
    );
    expect(entra).toMatchObject({
      active: true,
      name: "Ada King",
      email: "ada.king@example.com",
      externalId: null,
    });
    expect(base.active).toBe(true);
  });

  it("refuses unknown ops, bad booleans and removing required attributes", () => {
    expect(() => parsePatch({ Operations: [{ op: "copy" }] })).toThrow(/add, replace or remove/);
    expect(() =>
      applyUserPatch(
        base,
        parsePatch({ Operations: [{ op: "replace", path: "active", value: "no" }] }),
      ),
    ).toThrow(/true or false/);
    expect(() =>
      applyUserPatch(base, parsePatch({ Operations: [{ op: "remove", path: "userName" }] })),
    ).toThrow(/cannot be removed/);
  });
});

describe("Group PATCH", () => {
  const group = { name: "Field", externalId: null, memberIds: ["m1", "m2"] };
  it("adds, removes by filter and by value list, renames", () => {
    const next = applyGroupPatch(
      group,
      parsePatch({
        Operations: [
          { op: "add", path: "members", value: [{ value: "m3" }, { value: "m1" }] },
          { op: "remove", path: 'members[value eq "m2"]' },
          { op: "Remove", path: "members", value: [{ value: "m1" }] },
          { op: "replace", value: { id: "t1", displayName: "Field crews" } },
        ],
      }),
    );
    expect(next).toEqual({ name: "Field crews", externalId: null, memberIds: ["m3"] });
    expect(group.memberIds).toEqual(["m1", "m2"]);
  });
});
