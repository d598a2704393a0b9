/**
 * Share anywhere: intents per network and the phone's share sheet, each share with its own tracked
 * link carrying utm_source=<network>; the guardrails per network (length, incentive disclosure);
 * clicks by network from the daily rollups and the network in the shares CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sharesRoute from "@/app/api/shares/route";
import { PATCH as patchRewards } from "@/app/api/settings/rewards/route";
import { getDb } from "@/lib/core/db/client";
import { stopBoss } from "@/lib/core/jobs/boss";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { exportTable } from "@/lib/domains/analytics/export-table";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, insertClicks } from "../../support/analytics";
import { callRoute, TEST_ORIGIN } from "../../support/http";

let a: OrgFixture;
const db = getDb();
const OWN = "I worked on this for two winters and I am proud of the whole team behind it.";

type ShareJson = {
  share: {
    id: string;
    code: string;
    trackedUrl: string;
    destinationUrl: string;
    network: string;
    status: string;
    action: Record<string, unknown>;
  };
};

async function share(body: Record<string, unknown>, org = a) {
  const res = await callRoute(sharesRoute.POST, {
    method: "POST",
    userId: org.employee.user.id,
    body: { text: OWN, ...body },
  });
  return { ...res, share: (res.json as unknown as ShareJson).share };
}

beforeAll(async () => {
  a = await createOrgFixture();
});

afterAll(async () => {
  await stopBoss();
});

describe("intents and the share sheet", () => {
  it("an X intent opens x.com with the text and a tracked link whose destination says utm_source=x", async () => {
    const item = await createItem(a.org.id);
    const res = await share({ itemId: item.id, channel: "INTENT", network: "X" });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const { trackedUrl, destinationUrl, code } = res.share;
    expect(trackedUrl).toBe(`${TEST_ORIGIN}/${code}`);
    expect(res.share).toMatchObject({ network: "X", status: "OPENED" });
    expect(new URL(destinationUrl).searchParams.get("utm_source")).toBe("x");
    expect(new URL(destinationUrl).searchParams.get("utm_content")).toBe(code);
    expect(res.share.action).toEqual({
      kind: "open-window",
      url: `https://x.com/intent/post?text=${encodeURIComponent(OWN)}&url=${encodeURIComponent(trackedUrl)}`,
      clipboard: OWN,
    });
    const row = await db.share.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ channel: "INTENT", network: "X", status: "OPENED" });
  });

  it("every other network has its own share page, its own link and utm_source", async () => {
    const item = await createItem(a.org.id);
    const expected: Record<string, (url: string) => string> = {
      FACEBOOK: (u) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(u)}`,
      XING: (u) => `https://www.xing.com/spi/shares/new?url=${encodeURIComponent(u)}`,
      BLUESKY: (u) => `https://bsky.app/intent/compose?text=${encodeURIComponent(`${OWN}\n${u}`)}`,
      WHATSAPP: (u) => `https://wa.me/?text=${encodeURIComponent(`${OWN}\n${u}`)}`,
      EMAIL: (u) =>
        `mailto:?subject=${encodeURIComponent(item.title)}&body=${encodeURIComponent(`${OWN}\n\n${u}`)}`,
    };
    const codes = new Set<string>();
    for (const [network, url] of Object.entries(expected)) {
      const res = await share({ itemId: item.id, channel: "INTENT", network });
      expect(res.status, `${network}: ${JSON.stringify(res.json)}`).toBe(201);
      expect(res.share.action.url).toBe(url(res.share.trackedUrl));
      expect(res.share.action.kind).toBe(network === "EMAIL" ? "mailto" : "open-window");
      expect(new URL(res.share.destinationUrl).searchParams.get("utm_source")).toBe(
        network.toLowerCase(),
      );
      codes.add(res.share.code);
    }
    expect(codes.size).toBe(5);
  });

  it("the share sheet (WEB_SHARE) goes to OTHER with utm_source=other; LinkedIn keeps linkedin", async () => {
    const item = await createItem(a.org.id);
    const sheet = await share({ itemId: item.id, channel: "WEB_SHARE" });
    expect(sheet.status).toBe(201);
    expect(sheet.share).toMatchObject({ network: "OTHER", status: "OPENED" });
    expect(sheet.share.action).toEqual({
      kind: "web-share",
      data: { title: item.title, text: OWN, url: sheet.share.trackedUrl },
    });
    expect(new URL(sheet.share.destinationUrl).searchParams.get("utm_source")).toBe("other");
    const copy = await share({ itemId: item.id, channel: "COPY" });
    expect(copy.share.network).toBe("LINKEDIN");
    expect(new URL(copy.share.destinationUrl).searchParams.get("utm_source")).toBe("linkedin");
  });

  it("refuses a missing or mismatched network with a 400 naming it, and records nothing", async () => {
    const item = await createItem(a.org.id);
    const before = await db.share.count({ where: { orgId: a.org.id } });
    for (const body of [
      { channel: "INTENT" },
      { channel: "INTENT", network: "LINKEDIN" },
      { channel: "COPY", network: "X" },
      { channel: "INTENT", network: "MYSPACE" },
    ]) {
      const res = await share({ itemId: item.id, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const fields = (res.json as unknown as { error: { fields: Record<string, string> } }).error
        .fields;
      expect(fields.network, JSON.stringify(res.json)).toBeTruthy();
    }
    expect(await db.share.count({ where: { orgId: a.org.id } })).toBe(before);
  });
});

describe("guardrails per network", () => {
  it("X allows 280 with every link counted as 23; Bluesky 300 with the link; LinkedIn 3,000", async () => {
    const item = await createItem(a.org.id);
    // 280 - 24 (space + the tracked link at 23) = 256 characters of text fit on X.
    const fits = "a".repeat(256);
    expect(
      (await share({ itemId: item.id, channel: "INTENT", network: "X", text: fits })).status,
    ).toBe(201);
    const over = await share({
      itemId: item.id,
      channel: "INTENT",
      network: "X",
      text: `${fits}b`,
    });
    expect(over.status).toBe(400);
    expect((over.json as { error: { message: string } }).error.message).toBe(
      "Too long for X: 281 characters (your link counts as 23); X allows 280. Remove 1.",
    );
    // A long URL inside the text counts as 23 too.
    const withUrl = `${"a".repeat(200)} https://example.com/${"p".repeat(100)}`;
    expect(
      (await share({ itemId: item.id, channel: "INTENT", network: "X", text: withUrl })).status,
    ).toBe(201);
    // Bluesky: text + newline + the tracked link as written.
    const link = `${TEST_ORIGIN}/0123456789`.length;
    const bsky = "b".repeat(300 - 1 - link);
    expect(
      (await share({ itemId: item.id, channel: "INTENT", network: "BLUESKY", text: bsky })).status,
    ).toBe(201);
    const bskyOver = await share({
      itemId: item.id,
      channel: "INTENT",
      network: "BLUESKY",
      text: `${bsky}!`,
    });
    expect(bskyOver.status).toBe(400);
    expect((bskyOver.json as { error: { message: string } }).error.message).toContain(
      "Too long for Bluesky",
    );
    // What X refuses, LinkedIn and WhatsApp take.
    const long = "c".repeat(1000);
    expect((await share({ itemId: item.id, channel: "COPY", text: long })).status).toBe(201);
    expect(
      (await share({ itemId: item.id, channel: "INTENT", network: "WHATSAPP", text: long })).status,
    ).toBe(201);
  });

  it("with rewards on, the incentive disclosure is required on every network", async () => {
    const org = await createOrgFixture();
    const disclosure = "I may be rewarded for sharing. #employee";
    const res = await callRoute(patchRewards, {
      method: "PATCH",
      userId: org.admin.user.id,
      body: { rewardsEnabled: true, incentiveDisclosure: disclosure },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const item = await createItem(org.org.id);
    for (const body of [
      { channel: "INTENT", network: "X" },
      { channel: "INTENT", network: "WHATSAPP" },
      { channel: "INTENT", network: "EMAIL" },
      { channel: "WEB_SHARE" },
    ]) {
      const refused = await share({ itemId: item.id, ...body }, org);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((refused.json as { error: { message: string } }).error.message).toContain(disclosure);
      const ok = await share(
        { itemId: item.id, ...body, text: `Proud of it.\n${disclosure}` },
        org,
      );
      expect(ok.status, JSON.stringify(ok.json)).toBe(201);
      const row = await db.share.findUniqueOrThrow({ where: { id: ok.share.id } });
      expect(row.incentiveDisclosure).toBe(disclosure);
    }
  });
});

describe("analytics by network", () => {
  it("the rollup copies the share's network; the dashboard sums clicks by network; the CSV names it", async () => {
    const org = await createOrgFixture();
    const item = await createItem(org.org.id);
    const onX = await share({ itemId: item.id, channel: "INTENT", network: "X" }, org);
    const onWa = await share({ itemId: item.id, channel: "INTENT", network: "WHATSAPP" }, org);
    const onLi = await share({ itemId: item.id, channel: "COPY" }, org);
    const at = new Date();
    await insertClicks(org.org.id, [
      { shareId: onX.share.id, at, visitorKey: "v1" },
      { shareId: onX.share.id, at, visitorKey: "v2" },
      { shareId: onX.share.id, at, visitorKey: "bot", isBot: true },
      { shareId: onWa.share.id, at, visitorKey: "v3" },
      { shareId: onLi.share.id, at, visitorKey: "v4" },
      { shareId: onLi.share.id, at, visitorKey: "v5" },
      { shareId: onLi.share.id, at, visitorKey: "v6" },
    ]);
    await drainDirtyRollups(db);
    const rows = await db.shareDailyStats.findMany({
      where: { orgId: org.org.id },
      select: { shareId: true, network: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.shareId, r.network]))).toEqual({
      [onX.share.id]: "X",
      [onWa.share.id]: "WHATSAPP",
      [onLi.share.id]: "LINKEDIN",
    });
    const day = rows.length
      ? (await db.shareDailyStats.findFirstOrThrow({ where: { orgId: org.org.id } })).day
      : at;
    const key = day.toISOString().slice(0, 10);
    const query = { orgId: org.org.id, teamIds: null, range: { from: key, to: key } };
    const { networks } = await getBreakdowns(query);
    expect(networks).toEqual([
      { network: "LINKEDIN", humanClicks: 3, uniqueVisits: 3, conversions: 0 },
      { network: "X", humanClicks: 2, uniqueVisits: 2, conversions: 0 },
      { network: "WHATSAPP", humanClicks: 1, uniqueVisits: 1, conversions: 0 },
    ]);
    // A team scope without those shares sees none of them.
    const other = await getBreakdowns({ ...query, teamIds: [org.teamA.id] });
    expect(other.networks).toEqual([]);

    // The shares CSV (confirmed shares only) names each share's network.
    await db.share.updateMany({ where: { orgId: org.org.id }, data: { status: "SHARED" } });
    const table = await exportTable("shares", query);
    const col = table.header.indexOf("network");
    expect(col).toBeGreaterThan(-1);
    const byCode = new Map<string, unknown>();
    for await (const page of table.pages) {
      for (const row of page) byCode.set(String(row[table.header.indexOf("share_code")]), row[col]);
    }
    expect(byCode.get(onX.share.code)).toBe("X");
    expect(byCode.get(onWa.share.code)).toBe("WHATSAPP");
    expect(byCode.get(onLi.share.code)).toBe("LINKEDIN");
  });
});
