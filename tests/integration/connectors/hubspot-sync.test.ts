import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createConnection, updateConnection } from "@/lib/domains/connectors/manage-connections";
import { syncConnection } from "@/lib/domains/connectors/sync-connection";
import { importRecord, loadImportContext } from "@/lib/domains/connectors/import-record";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { startFakeHubSpot, type FakeHubSpot } from "../../support/fake-hubspot";
import { conversionsOf, shareWithClick } from "../../support/share-with-click";

const FORM = "0f5c1c4e-7a1b-4a43-9a35-2f4b0d9e1a11";
let hub: FakeHubSpot;
let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  hub = await startFakeHubSpot();
  // Read by env() on first use, which comes after this.
  process.env.HUBSPOT_API_BASE = hub.url;
  a = await createOrgFixture();
  b = await createOrgFixture();
});
afterAll(async () => {
  await hub.close();
});

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

async function connect(org: OrgFixture, token = hub.token) {
  const { connection } = await createConnection(accessFor(org.org, org.admin), {
    kind: "hubspot",
    name: "HubSpot",
    token,
    intervalMinutes: 15,
    config: {
      clickIdProperty: "chorus_click_id",
      contactOutcome: "lead",
      syncDeals: true,
      formGuids: [FORM],
      formOutcome: "signup",
    },
  });
  return connection;
}

describe("HubSpot sync", () => {
  let connectionId: string;
  let first: Awaited<ReturnType<typeof shareWithClick>>;
  let second: Awaited<ReturnType<typeof shareWithClick>>;
  let foreign: Awaited<ReturnType<typeof shareWithClick>>;

  it("imports matched contacts, closed-won deals and form submissions on the right share, across pages; unmatched ones are counted, not recorded", async () => {
    first = await shareWithClick(a);
    second = await shareWithClick(a);
    foreign = await shareWithClick(b);
    hub.contacts.push(
      {
        id: "101",
        properties: {
          chorus_click_id: first.click.id,
          createdate: iso(30 * 60_000),
          lastmodifieddate: iso(29 * 60_000),
        },
      },
      {
        id: "102",
        // No property: the landing URL's utm_content names the tracked link (its aid is unknown).
        properties: {
          hs_analytics_first_url: `https://fernhill.example/news?utm_content=${second.share.code}&aid=clk_unknown`,
          createdate: iso(20 * 60_000),
          lastmodifieddate: iso(19 * 60_000),
        },
      },
      {
        id: "103",
        // Another organisation's click: never credited here.
        properties: {
          chorus_click_id: foreign.click.id,
          createdate: iso(20 * 60_000),
          lastmodifieddate: iso(18 * 60_000),
        },
      },
    );
    // 101 contacts without attribution: two pages of 100.
    for (let i = 0; i < 101; i++) {
      hub.contacts.push({
        id: String(1000 + i),
        properties: { createdate: iso(40 * 60_000), lastmodifieddate: iso(40 * 60_000 - i) },
      });
    }
    hub.deals.push(
      {
        id: "d1",
        properties: {
          chorus_click_id: first.click.id,
          amount: "1200.5",
          deal_currency_code: "USD",
          closedate: iso(10 * 60_000),
          hs_is_closed_won: "true",
          hs_lastmodifieddate: iso(9 * 60_000),
        },
      },
      {
        id: "d2",
        properties: {
          chorus_click_id: first.click.id,
          amount: "99",
          closedate: iso(10 * 60_000),
          hs_is_closed_won: "false",
          hs_lastmodifieddate: iso(9 * 60_000),
        },
      },
    );
    hub.forms.set(FORM, [
      {
        submittedAt: Date.now() - 15 * 60_000,
        values: [
          { name: "email", value: "ada@example.com" },
          { name: "chorus_click_id", value: first.click.id },
        ],
        pageUrl: "https://fernhill.example/signup",
      },
    ]);
    connectionId = (await connect(a)).id;

    const outcome = await syncConnection(connectionId);
    expect(outcome).toMatchObject({
      status: "ok",
      tally: { imported: 4, unmatched: 102, duplicates: 0 },
    });

    const onFirst = await conversionsOf(first.share.id);
    expect(
      onFirst.map((c) => [c.outcome, c.value?.toFixed(2) ?? null, c.currency, c.clickId]),
    ).toEqual([
      ["SIGNUP", null, null, first.click.id],
      ["LEAD", null, null, first.click.id],
      ["DEAL", "1200.50", "USD", first.click.id],
    ]);
    const onSecond = await conversionsOf(second.share.id);
    expect(onSecond.map((c) => [c.outcome, c.clickId])).toEqual([["LEAD", null]]);
    expect(await conversionsOf(foreign.share.id)).toEqual([]);
    // The rollup learns about the new conversions.
    expect(await getDb().rollupDirty.count({ where: { shareId: first.share.id } })).toBeGreaterThan(
      0,
    );

    const contactSearches = hub.requests.filter((r) => r.path.includes("contacts/search"));
    expect(contactSearches.map((r) => (r.body as { after?: string }).after)).toEqual([
      undefined,
      "100",
    ]);
    const dealSearch = hub.requests.find((r) => r.path.includes("deals/search"))!.body as {
      filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[];
    };
    expect(dealSearch.filterGroups[0]!.filters).toContainEqual({
      propertyName: "hs_is_closed_won",
      operator: "EQ",
      value: "true",
    });

    const row = await getDb().connectorConnection.findUniqueOrThrow({
      where: { id: connectionId },
    });
    expect(row).toMatchObject({ status: "ACTIVE", lastError: null, syncingSince: null });
    expect((row.cursor as { contacts: number }).contacts).toBe(
      Date.parse(hub.contacts[2]!.properties.lastmodifieddate!),
    );
    const records = await getDb().connectorRecord.groupBy({
      by: ["status"],
      where: { connectionId },
      _count: { _all: true },
    });
    expect(Object.fromEntries(records.map((r) => [r.status, r._count._all]))).toEqual({
      MATCHED: 4,
      UNMATCHED: 102,
    });
  });

  it("resumes from its cursor: the next sync reads only what changed, and a contact that gains a click id is matched then", async () => {
    const before = hub.requests.length;
    const quiet = await syncConnection(connectionId);
    expect(quiet).toMatchObject({
      status: "ok",
      tally: { imported: 0, unmatched: 0, duplicates: 0 },
    });
    const cursor = (
      await getDb().connectorConnection.findUniqueOrThrow({ where: { id: connectionId } })
    ).cursor as { contacts: number };
    const search = hub.requests.slice(before).find((r) => r.path.includes("contacts/search"))!;
    expect(
      (search.body as { filterGroups: { filters: { value: string }[] }[] }).filterGroups[0]!
        .filters[0]!.value,
    ).toBe(String(cursor.contacts));

    // Contact 1000 now carries the click id (updated); contact 200 is new.
    hub.contacts.find((c) => c.id === "1000")!.properties = {
      chorus_click_id: second.click.id,
      createdate: iso(5 * 60_000),
      lastmodifieddate: iso(60_000),
    };
    hub.contacts.push({
      id: "200",
      properties: {
        chorus_click_id: second.click.id,
        createdate: iso(2 * 60_000),
        lastmodifieddate: iso(50_000),
      },
    });
    const next = await syncConnection(connectionId);
    expect(next).toMatchObject({ status: "ok", tally: { imported: 2, unmatched: 0 } });
    expect((await conversionsOf(second.share.id)).length).toBe(3);
  });

  it("never records a record twice: a full re-read, and concurrent syncs and imports", async () => {
    const count = () => getDb().conversion.count({ where: { orgId: a.org.id } });
    const before = await count();
    await getDb().connectorConnection.update({ where: { id: connectionId }, data: { cursor: {} } });
    const again = await syncConnection(connectionId);
    expect(again).toMatchObject({ status: "ok", tally: { imported: 0 } });
    expect(await count()).toBe(before);

    await getDb().connectorConnection.update({ where: { id: connectionId }, data: { cursor: {} } });
    const both = await Promise.all([syncConnection(connectionId), syncConnection(connectionId)]);
    expect(both.map((o) => o.status).sort()).toEqual(["ok", "skipped"]);
    expect(await count()).toBe(before);

    // Below the connection lock: the same new record imported five times at once → one conversion.
    const context = await loadImportContext(a.org.id);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        importRecord(
          a.org.id,
          connectionId,
          {
            source: "hubspot:contact",
            externalId: "race-1",
            outcome: "LEAD",
            occurredAt: new Date(),
            clickId: first.click.id,
          },
          context,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "imported")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(4);
    expect(await count()).toBe(before + 1);
  });

  it("a refused token puts the connection in error without throwing; a new token clears it", async () => {
    const connection = await connect(b, "pat-eu1-wrong-token");
    const outcome = await syncConnection(connection.id);
    expect(outcome).toMatchObject({ status: "error" });
    const row = await getDb().connectorConnection.findUniqueOrThrow({
      where: { id: connection.id },
    });
    expect(row.status).toBe("ERROR");
    expect(row.lastError).toMatch(/HubSpot refused the token \(HTTP 401\)/);
    expect(row.syncingSince).toBeNull();

    const { connection: fixed } = await updateConnection(accessFor(b.org, b.admin), connection.id, {
      token: hub.token,
    });
    expect(fixed.status).toBe("active");
    expect(await syncConnection(connection.id)).toMatchObject({ status: "ok" });
    // Org B's sync credits org B's share only (contact 103 carries its click).
    expect((await conversionsOf(foreign.share.id)).map((c) => c.outcome)).toEqual(["LEAD"]);
  });

  it("a failing source keeps the cursor where it was", async () => {
    const cursorBefore = (
      await getDb().connectorConnection.findUniqueOrThrow({ where: { id: connectionId } })
    ).cursor;
    hub.failNext(500);
    const outcome = await syncConnection(connectionId);
    expect(outcome).toMatchObject({ status: "error", message: "HubSpot answered HTTP 500." });
    const row = await getDb().connectorConnection.findUniqueOrThrow({
      where: { id: connectionId },
    });
    expect(row.status).toBe("ERROR");
    expect(row.cursor).toEqual(cursorBefore);
  });
});
