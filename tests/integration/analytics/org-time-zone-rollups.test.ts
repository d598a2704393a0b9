import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { stopJobs } from "@/lib/jobs/run-jobs";
import { updateOrganization } from "@/lib/domains/orgs/update-organization";
import { accessFor, createOrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks, readRollups } from "../../support/analytics";

afterAll(() => stopJobs());

describe("changing the organisation's time zone", () => {
  it("moves daily rollups to the days of the new zone", async () => {
    const f = await createOrgFixture();
    await getDb().organization.update({ where: { id: f.org.id }, data: { timeZone: "UTC" } });
    const item = await createItem(f.org.id);
    const share = await createShare(f.org.id, item.id, f.admin);
    // 23:30 UTC on 3 March is already 4 March in Berlin.
    await insertClicks(f.org.id, [
      { shareId: share.id, at: new Date("2026-03-03T23:30:00Z"), visitorKey: "late-evening" },
    ]);
    await drainDirtyRollups(getDb());
    expect([...(await readRollups(f.org.id)).values()].map((r) => r.day)).toEqual(["2026-03-03"]);

    await updateOrganization(accessFor(f.org, f.admin), { timeZone: "Europe/Berlin" });
    await drainDirtyRollups(getDb());
    const rows = [...(await readRollups(f.org.id)).values()];
    expect(rows.map((r) => [r.day, r.clicks])).toEqual([["2026-03-04", 1]]);
  });
});
