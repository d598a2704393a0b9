/**
 * Raw-SQL fixtures for the click-path tests and the redirect benchmark: they also work on
 * databases other than the run's test database (an embedded server the test stops and restarts),
 * where the Prisma factories (bound to DATABASE_URL) cannot go.
 */
import net from "node:net";
import type pg from "pg";
import { createId, randomString } from "@/lib/core/db/create-id";
import { newShareCode } from "@/lib/domains/tracking/share-code";

export interface ShareFixture {
  orgId: string;
  shareId: string;
  code: string;
  destinationUrl: string;
}

/** An organisation (with a time zone) with one member, one item and `count` shares. */
export async function insertShares(
  client: Pick<pg.Pool, "query">,
  count: number,
  {
    timeZone = "Europe/Berlin",
    destination = "https://fernhill.example/news/solar?ref=home#top",
  } = {},
): Promise<ShareFixture[]> {
  const orgId = createId("org");
  const userId = createId("usr");
  const membershipId = createId("mem");
  const itemId = createId("cnt");
  const suffix = randomString(8).toLowerCase();
  await client.query(
    `INSERT INTO "Organization" ("id","name","slug","timeZone","updatedAt") VALUES ($1,$2,$3,$4,now())`,
    [orgId, `Click Org ${suffix}`, `click-org-${suffix}`, timeZone],
  );
  await client.query(
    `INSERT INTO "User" ("id","email","name","updatedAt") VALUES ($1,$2,'Clicker',now())`,
    [userId, `clicker-${suffix}@test.example`],
  );
  await client.query(
    `INSERT INTO "Membership" ("id","orgId","userId","role","handle","updatedAt")
     VALUES ($1,$2,$3,'EMPLOYEE',$4,now())`,
    [membershipId, orgId, userId, `clicker-${suffix}`],
  );
  await client.query(
    `INSERT INTO "ContentItem" ("id","orgId","slug","title","body","valueType","updatedAt")
     VALUES ($1,$2,$3,'Solar park','We connected our solar park.','INFORMATION',now())`,
    [itemId, orgId, `solar-${suffix}`],
  );
  const shares: ShareFixture[] = [];
  for (let i = 0; i < count; i++) {
    const shareId = createId("shr");
    const code = newShareCode();
    await client.query(
      `INSERT INTO "Share" ("id","orgId","itemId","membershipId","userId","code","channel","text",
                            "language","authenticity","destinationUrl","updatedAt")
       VALUES ($1,$2,$3,$4,$5,$6,'COPY','My words.','en',1,$7,now())`,
      [shareId, orgId, itemId, membershipId, userId, code, destination],
    );
    shares.push({ orgId, shareId, code, destinationUrl: destination });
  }
  return shares;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
