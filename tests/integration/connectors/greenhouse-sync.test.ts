import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createConnection } from "@/lib/domains/connectors/manage-connections";
import { syncConnection } from "@/lib/domains/connectors/sync-connection";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import {
  startFakeGreenhouse,
  type FakeApplication,
  type FakeGreenhouse,
} from "../../support/fake-greenhouse";
import { conversionsOf, shareWithClick } from "../../support/share-with-click";

let gh: FakeGreenhouse;
let a: OrgFixture;

beforeAll(async () => {
  gh = await startFakeGreenhouse();
  process.env.GREENHOUSE_API_BASE = gh.url;
  a = await createOrgFixture();
});
afterAll(async () => {
  await gh.close();
});

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

function application(id: number, over: Partial<FakeApplication> = {}): FakeApplication {
  return {
    id,
    candidate_id: id + 5000,
    prospect: false,
    applied_at: iso(30 * 60_000),
    last_activity_at: iso(30 * 60_000),
    status: "active",
    source: { id: 7, public_name: "Company website" },
    custom_fields: {},
    answers: [],
    ...over,
  };
}

describe("Greenhouse sync", () => {
  let connectionId: string;
  let share: Awaited<ReturnType<typeof shareWithClick>>;

  it("imports applications (and hires) on the right share across Link-header pages, skipping prospects", async () => {
    share = await shareWithClick(a);
    const other = await shareWithClick(a);
    gh.applications.push(
      application(1, { custom_fields: { chorus_click_id: share.click.id } }),
      application(2, {
        status: "hired",
        last_activity_at: iso(5 * 60_000),
        answers: [{ question: "chorus_click_id", answer: share.click.id }],
      }),
      // The tracked link's code as the source name (a referral source named after the link).
      application(3, { source: { id: 9, public_name: other.share.code } }),
      application(4, { prospect: true, custom_fields: { chorus_click_id: share.click.id } }),
    );
    for (let i = 0; i < 97; i++) gh.applications.push(application(100 + i));
    connectionId = (
      await createConnection(accessFor(a.org, a.admin), {
        kind: "greenhouse",
        name: "Greenhouse",
        token: gh.apiKey,
        intervalMinutes: 30,
        config: { clickIdField: "chorus_click_id" },
      })
    ).connection.id;

    const outcome = await syncConnection(connectionId);
    expect(outcome).toMatchObject({
      status: "ok",
      tally: { imported: 4, unmatched: 97, pages: 2 },
    });
    expect((await conversionsOf(share.share.id)).map((c) => c.outcome)).toEqual([
      "APPLICATION",
      "APPLICATION",
      "HIRE",
    ]);
    expect((await conversionsOf(other.share.id)).map((c) => c.outcome)).toEqual(["APPLICATION"]);
    expect(gh.requests[0]).toMatch(
      /^\/v1\/applications\?last_activity_after=.+&per_page=100&page=1$/,
    );
    expect(gh.requests[1]).toMatch(/page=2/);
  });

  it("resumes from the newest activity, imports a later hire once, and never follows a next link to another host", async () => {
    gh.requests.length = 0;
    const previous = (
      (await getDb().connectorConnection.findUniqueOrThrow({ where: { id: connectionId } }))
        .cursor as {
        applications: string;
      }
    ).applications;
    expect(previous).toBe(gh.applications.find((x) => x.id === 2)!.last_activity_at);
    const hired = gh.applications.find((x) => x.id === 1)!;
    hired.status = "hired";
    hired.last_activity_at = iso(60_000);
    gh.foreignNext = true;
    const outcome = await syncConnection(connectionId);
    expect(outcome).toMatchObject({ status: "ok", tally: { imported: 1, pages: 1 } });
    expect(gh.requests).toHaveLength(1);
    const cursor = (
      await getDb().connectorConnection.findUniqueOrThrow({ where: { id: connectionId } })
    ).cursor as { applications: string };
    expect(gh.requests[0]).toContain(`last_activity_after=${encodeURIComponent(previous)}`);
    expect(cursor.applications).toBe(hired.last_activity_at);
    expect(await syncConnection(connectionId)).toMatchObject({
      status: "ok",
      tally: { imported: 0 },
    });
    expect((await conversionsOf(share.share.id)).filter((c) => c.outcome === "HIRE")).toHaveLength(
      2,
    );
  });

  it("a refused key marks the connection in error", async () => {
    const b = await createOrgFixture();
    const { connection } = await createConnection(accessFor(b.org, b.admin), {
      kind: "greenhouse",
      name: "Greenhouse",
      token: "not-the-harvest-key",
      intervalMinutes: 30,
      config: { clickIdField: "chorus_click_id" },
    });
    expect(await syncConnection(connection.id)).toMatchObject({ status: "error" });
    const row = await getDb().connectorConnection.findUniqueOrThrow({
      where: { id: connection.id },
    });
    expect(row).toMatchObject({ status: "ERROR", syncingSince: null });
    expect(row.lastError).toMatch(/Greenhouse refused the token \(HTTP 401\)/);
  });
});
