import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createOrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks } from "../../support/analytics";

describe("ClickEvent without a foreign key", () => {
  it("loses a share's clicks with the share (trigger), and only that share's", async () => {
    const f = await createOrgFixture();
    const item = await createItem(f.org.id);
    const gone = await createShare(f.org.id, item.id, f.admin);
    const kept = await createShare(f.org.id, item.id, f.admin);
    const at = new Date();
    await insertClicks(f.org.id, [
      { shareId: gone.id, at, visitorKey: "a" },
      { shareId: gone.id, at, visitorKey: "b" },
      { shareId: kept.id, at, visitorKey: "c" },
    ]);
    await getDb().share.delete({ where: { id: gone.id } });
    expect(await getDb().clickEvent.count({ where: { shareId: gone.id } })).toBe(0);
    expect(await getDb().clickEvent.count({ where: { shareId: kept.id } })).toBe(1);
  });
});
