/** ClickSpool.size(): what /api/metrics reports of the spool, read from a real directory. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { ClickSpool } from "@/lib/domains/tracking/click-spool";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chorus-spool-size-"));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

const events = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `clk_${i}` }) as unknown as ClickEvent);

describe("ClickSpool.size", () => {
  it("is zero for a directory that does not exist yet", async () => {
    const spool = new ClickSpool(path.join(await tempDir(), "missing"));
    expect(await spool.size()).toEqual({ files: 0, bytes: 0, dead: 0 });
  });

  it("counts waiting and claimed batches with their bytes, dead batches apart, not temp files", async () => {
    const dir = await tempDir();
    const spool = new ClickSpool(dir);
    const first = await spool.write(events(3));
    await spool.write(events(2));
    await spool.writeDead(events(1));
    await fs.writeFile(path.join(dir, ".tmp-clicks-1-x-1.ndjson"), "partial");
    const claimed = await spool.claim(path.basename(first));
    expect(claimed).not.toBeNull();

    const size = await spool.size();
    expect(size.files).toBe(2); // one waiting, one being replayed
    expect(size.dead).toBe(1);
    const onDisk = await Promise.all(
      (await fs.readdir(dir))
        .filter((n) => !n.startsWith(".tmp-") && !n.endsWith(".dead"))
        .map(async (n) => (await fs.stat(path.join(dir, n))).size),
    );
    expect(size.bytes).toBe(onDisk.reduce((a, b) => a + b, 0));
    expect(size.bytes).toBeGreaterThan(0);

    await spool.done(claimed!);
    expect((await spool.size()).files).toBe(1);
  });
});
