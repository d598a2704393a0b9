import { beforeAll, describe, expect, it } from "vitest";
import { GET as person } from "@/app/api/people/[handle]/route";
import * as profile from "@/app/api/profile/route";
import { getDb } from "@/lib/core/db/client";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;

type Person = {
  isSelf: boolean;
  name: string;
  shares: unknown[] | null;
  mix: unknown;
  stories: unknown[] | null;
  reach: unknown;
};

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

describe("personal pages and profiles", () => {
  it("a person edits their profile and chooses what colleagues see", async () => {
    const res = await callRoute(profile.PATCH, {
      method: "PATCH",
      userId: a.employee.user.id,
      body: {
        headline: "Data engineer, grid forecasting",
        networkSize: 640,
        handle: "data-sofia",
        showShares: false,
        showMix: false,
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.profile).toMatchObject({
      handle: "data-sofia",
      networkSize: 640,
      showShares: false,
    });

    const seenByColleague = await callRoute(person, {
      userId: a.manager.user.id,
      params: { handle: "data-sofia" },
    });
    expect(seenByColleague.status).toBe(200);
    const p = seenByColleague.json.person as Person;
    expect(p).toMatchObject({ isSelf: false, shares: null, mix: null });
    expect(p.stories).toEqual([]);
    expect(p.reach).not.toBeNull();

    const seenBySelf = (
      await callRoute(person, { userId: a.employee.user.id, params: { handle: "data-sofia" } })
    ).json.person as Person;
    expect(seenBySelf.isSelf).toBe(true);
    expect(seenBySelf.shares).toEqual([]);
    expect(seenBySelf.mix).not.toBeNull();
  });

  it("another organisation's person answers 404", async () => {
    const handle = (
      await getDb().membership.findUniqueOrThrow({ where: { id: b.employee.membership.id } })
    ).handle!;
    expect((await callRoute(person, { userId: b.admin.user.id, params: { handle } })).status).toBe(
      200,
    );
    expect((await callRoute(person, { userId: a.admin.user.id, params: { handle } })).status).toBe(
      404,
    );
  });

  it("refuses a taken handle or bad values, changing nothing", async () => {
    const taken = (
      await getDb().membership.findUniqueOrThrow({ where: { id: a.admin.membership.id } })
    ).handle!;
    const res = await callRoute(profile.PATCH, {
      method: "PATCH",
      userId: a.manager.user.id,
      body: { handle: taken, headline: "New" },
    });
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toBe("Someone in your organisation already uses that handle.");
    const user = await getDb().user.findUniqueOrThrow({ where: { id: a.manager.user.id } });
    expect(user.headline).toBeNull();
    const bad = await callRoute(profile.PATCH, {
      method: "PATCH",
      userId: a.manager.user.id,
      body: { networkSize: -5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain("networkSize: The network size cannot be negative.");
  });
});
